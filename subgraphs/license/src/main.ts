import 'reflect-metadata';
import { runSubgraphService } from '@grove/platform';
import { licenseEnvSchema, licensePublicKeyFromConfig } from './config';
import { createLicenseSubgraph } from './license.subgraph';

/**
 * Distributed mode: the license subgraph as its own service on LICENSE_PORT (4102). Usage comes from the
 * capacity ledger in the shared documents store, which the owning services claim from (ADR 0005).
 */
runSubgraphService({
  name: 'license',
  schema: licenseEnvSchema,
  address: (config) => ({ host: config.LICENSE_HOST, port: config.LICENSE_PORT }),
  build: (runtime, config) =>
    createLicenseSubgraph(runtime, { publicKeyPem: licensePublicKeyFromConfig(config) }),
});
