import 'reflect-metadata';
import {
  createLogger,
  createObjectStore,
  createPlatformRuntime,
  loadConfigOrExit,
  objectStoreOptionsFromConfig,
  readProcessEnv,
  serveSubgraph,
} from '@grove/platform';
import { createAppManageSubgraph } from './app-manage.subgraph';
import { appManageEnvSchema, appManageSettingsFromConfig } from './config';

/** Distributed mode: the app-manage subgraph as its own service: GraphQL and the upload routes on APP_MANAGE_PORT (4103). */
async function main(): Promise<void> {
  const config = loadConfigOrExit(appManageEnvSchema, readProcessEnv());
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: config.LOG_PRETTY ?? config.NODE_ENV === 'development', name: 'app-manage' });
  const runtime = await createPlatformRuntime(config, { logger });
  const objects = await createObjectStore(objectStoreOptionsFromConfig(config));
  const module = await createAppManageSubgraph(runtime, { objects, settings: appManageSettingsFromConfig(config) });
  const server = await serveSubgraph({ module, tokens: runtime.tokens, logger, host: config.APP_MANAGE_HOST, port: config.APP_MANAGE_PORT });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await server.stop();
    await objects.close();
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
