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
import { createAppManageSubgraph } from './app-manage.subgraph';
import { appManageEnvSchema, appManageSettingsFromConfig } from './config';
import { registerUploadRoutes } from './http/upload-routes.fastify';

/**
 * Distributed mode: the app-manage subgraph as its own service. GraphQL on APP_MANAGE_PORT (4103); the raw
 * upload routes on APP_MANAGE_UPLOAD_PORT (default 4113) until serveSubgraph can mount extra routes itself.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit(appManageEnvSchema, readProcessEnv());
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: config.LOG_PRETTY ?? config.NODE_ENV === 'development', name: 'app-manage' });
  const runtime = await createPlatformRuntime(config, { logger });
  const objects = await createObjectStore(objectStoreOptionsFromConfig(config));
  const module = await createAppManageSubgraph(runtime, { objects, settings: appManageSettingsFromConfig(config) });
  const server = await serveSubgraph({ module, tokens: runtime.tokens, logger, host: config.APP_MANAGE_HOST, port: config.APP_MANAGE_PORT });

  const uploads = Fastify();
  await registerUploadRoutes(uploads, module.routes, {
    authenticate: async (headers) => (await authenticateSubgraphRequest(headers, runtime.tokens, logger)).principal,
    onUnexpectedError: (error) => logger.error({ err: error }, 'upload failed'),
  });
  const uploadUrl = await uploads.listen({ host: config.APP_MANAGE_HOST, port: config.APP_MANAGE_UPLOAD_PORT });
  logger.info({ url: uploadUrl }, 'upload routes listening');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await uploads.close();
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
