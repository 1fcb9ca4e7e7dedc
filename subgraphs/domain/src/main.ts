import 'reflect-metadata';
import { runSubgraphService } from '@grove/platform';
import { domainEnvSchema, domainSettingsFromConfig } from './config';
import { createDomainSubgraph } from './domain.subgraph';

/** Distributed mode: the domain subgraph as its own service on DOMAIN_PORT (4104). */
runSubgraphService({
  name: 'domain',
  schema: domainEnvSchema,
  address: (config) => ({ host: config.DOMAIN_HOST, port: config.DOMAIN_PORT }),
  build: (runtime, config) => createDomainSubgraph(runtime, { settings: domainSettingsFromConfig(config) }),
});
