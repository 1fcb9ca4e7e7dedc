import 'reflect-metadata';
import { runSubgraphService } from '@grove/platform';
import { createAppManageSubgraphFromEnv } from './app-manage.subgraph';
import { appManageEnvSchema } from './config';

/** Distributed mode: the app-manage subgraph as its own service: GraphQL and the upload routes on APP_MANAGE_PORT (4103). */
runSubgraphService({
  name: 'app-manage',
  schema: appManageEnvSchema,
  address: (config) => ({ host: config.APP_MANAGE_HOST, port: config.APP_MANAGE_PORT }),
  build: (runtime, _config, env) => createAppManageSubgraphFromEnv(runtime, env),
});
