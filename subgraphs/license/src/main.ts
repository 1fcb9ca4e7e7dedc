import 'reflect-metadata';
import { runSubgraphService } from '@grove/platform';
import { licenseEnvSchema, licensePublicKeyFromConfig } from './config';
import { createLicenseSubgraph } from './license.subgraph';
import { DocumentCountUsageSource } from './service/license-usage';

/** Distributed mode: the license subgraph as its own service on LICENSE_PORT (4102). */
runSubgraphService({
  name: 'license',
  schema: licenseEnvSchema,
  address: (config) => ({ host: config.LICENSE_HOST, port: config.LICENSE_PORT }),
  // The counted collections belong to other domains; until they register counters here, usage shows as unknown.
  build: (runtime, config) =>
    createLicenseSubgraph(runtime, {
      publicKeyPem: licensePublicKeyFromConfig(config),
      usage: new DocumentCountUsageSource(runtime.documents, {}),
    }),
});
