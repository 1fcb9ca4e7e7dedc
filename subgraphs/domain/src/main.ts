import 'reflect-metadata';
import { createLogger, createPlatformRuntime, loadConfigOrExit, readProcessEnv, serveSubgraph } from '@grove/platform';
import { domainEnvSchema, domainSettingsFromConfig } from './config';
import { createDomainSubgraph } from './domain.subgraph';

/** Distributed mode: the domain subgraph as its own service on DOMAIN_PORT (4104). */
async function main(): Promise<void> {
  const config = loadConfigOrExit(domainEnvSchema, readProcessEnv());
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: config.LOG_PRETTY ?? config.NODE_ENV === 'development', name: 'domain' });
  const runtime = await createPlatformRuntime(config, { logger });
  const module = await createDomainSubgraph(runtime, { settings: domainSettingsFromConfig(config) });
  const server = await serveSubgraph({ module, tokens: runtime.tokens, logger, host: config.DOMAIN_HOST, port: config.DOMAIN_PORT });

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
