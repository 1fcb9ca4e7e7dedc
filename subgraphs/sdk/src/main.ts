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
import { sdkEnvSchema, sdkSettingsFromConfig } from './config';
import { createSdkSubgraph } from './sdk.subgraph';

/** Distributed mode: the sdk subgraph as its own service: GraphQL and the upload routes on SDK_PORT (4105). */
async function main(): Promise<void> {
  const config = loadConfigOrExit(sdkEnvSchema, readProcessEnv());
  const logger = createLogger({
    level: config.LOG_LEVEL,
    pretty: config.LOG_PRETTY ?? config.NODE_ENV === 'development',
    name: 'sdk',
  });
  const runtime = await createPlatformRuntime(config, { logger });
  const objects = await createObjectStore(objectStoreOptionsFromConfig(config));
  const module = await createSdkSubgraph(runtime, { objects, settings: sdkSettingsFromConfig(config) });
  const server = await serveSubgraph({
    module,
    tokens: runtime.tokens,
    logger,
    host: config.SDK_HOST,
    port: config.SDK_PORT,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await server.stop(); // also closes the module (its event subscription)
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
