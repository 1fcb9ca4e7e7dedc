import 'reflect-metadata';
import { runSubgraphService } from '@grove/platform';
import { sdkEnvSchema } from './config';
import { createSdkSubgraphFromEnv } from './sdk.subgraph';

/** Distributed mode: the sdk subgraph as its own service: GraphQL and the upload routes on SDK_PORT (4105). */
runSubgraphService({
  name: 'sdk',
  schema: sdkEnvSchema,
  address: (config) => ({ host: config.SDK_HOST, port: config.SDK_PORT }),
  build: (runtime, _config, env) => createSdkSubgraphFromEnv(runtime, env),
});
