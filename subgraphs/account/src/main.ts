import 'reflect-metadata';
import { createLogger, createPlatformRuntime, loadConfigOrExit, readProcessEnv, serveSubgraph } from '@grove/platform';
import { createAccountSubgraph } from './account.subgraph';
import { accountEnvSchema, accountSettingsFromConfig } from './config';

/** Distributed mode: the account subgraph as its own service. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(accountEnvSchema, readProcessEnv());
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: config.LOG_PRETTY ?? config.NODE_ENV === 'development', name: 'account' });
  const runtime = await createPlatformRuntime(config, { logger });
  const module = await createAccountSubgraph(runtime, accountSettingsFromConfig(config));
  // Creates the first operator admin once; the service logs where a generated password was written.
  await module.bootstrap();
  const server = await serveSubgraph({ module, tokens: runtime.tokens, logger, host: config.ACCOUNT_HOST, port: config.ACCOUNT_PORT });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await server.stop();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
