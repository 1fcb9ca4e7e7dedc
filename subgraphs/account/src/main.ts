import 'reflect-metadata';
import { runSubgraphService } from '@grove/platform';
import { createAccountSubgraph } from './account.subgraph';
import { accountEnvSchema, accountSettingsFromConfig } from './config';

/** Distributed mode: the account subgraph as its own service (bootstrap creates the first operator admin once). */
runSubgraphService({
  name: 'account',
  schema: accountEnvSchema,
  address: (config) => ({ host: config.ACCOUNT_HOST, port: config.ACCOUNT_PORT }),
  build: (runtime, config) => createAccountSubgraph(runtime, accountSettingsFromConfig(config)),
});
