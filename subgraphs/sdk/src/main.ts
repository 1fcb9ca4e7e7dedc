import 'reflect-metadata';
import Fastify from 'fastify';
import {
  authenticateSubgraphRequest,
  createLogger,
  createObjectStore,
  createPlatformRuntime,
  loadConfigOrExit,
  objectStoreOptionsFromConfig,
  readProcessEnv,
  serveSubgraph,
} from '@grove/platform';
import { sdkEnvSchema, sdkSettingsFromConfig } from './config';
import { registerSdkUploadRoutes } from './http/upload-routes.fastify';
import { createSdkSubgraph } from './sdk.subgraph';

/**
 * Distributed mode: the sdk subgraph as its own service. GraphQL on SDK_PORT (4105); the raw upload routes on
 * SDK_UPLOAD_PORT (default 4115) until serveSubgraph can mount extra routes itself.
 */
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

  const uploads = Fastify();
  await registerSdkUploadRoutes(uploads, module.routes, {
    authenticate: async (headers) =>
      (await authenticateSubgraphRequest(headers, runtime.tokens, logger)).principal,
    onUnexpectedError: (error) => logger.error({ err: error }, 'upload failed'),
  });
  const uploadUrl = await uploads.listen({ host: config.SDK_HOST, port: config.SDK_UPLOAD_PORT });
  logger.info({ url: uploadUrl }, 'upload routes listening');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await uploads.close();
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
