import 'reflect-metadata';
import { createLicenseGuard, licensePublicKeyFromEnv } from '@grove/contracts';
import { runSubgraphService } from '@grove/platform';
import { createAccountSubgraph } from './account.subgraph';
import { accountEnvSchema, accountSettingsFromConfig } from './config';
import { OrganizationModel, OrganizationStatus } from './store/organization.model';

/**
 * Distributed mode: the account subgraph as its own service (bootstrap creates the first operator admin once). It
 * enforces the license's organizations limit itself, from the shared documents store (ADR 0005).
 */
runSubgraphService({
  name: 'account',
  schema: accountEnvSchema,
  address: (config) => ({ host: config.ACCOUNT_HOST, port: config.ACCOUNT_PORT }),
  build: async (runtime, config, env) => {
    const license = createLicenseGuard(runtime, {
      publicKeyPem: licensePublicKeyFromEnv(env),
      owned: { organizations: { model: OrganizationModel, filter: { status: OrganizationStatus.APPROVED } } },
    });
    await license.reconcile();
    return createAccountSubgraph(runtime, accountSettingsFromConfig(config), { license });
  },
});
