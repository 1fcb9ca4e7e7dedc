import 'reflect-metadata';
import { createLicenseGuard, licensePublicKeyFromEnv } from '@grove/contracts';
import { runSubgraphService } from '@grove/platform';
import { createAppManageSubgraphFromEnv } from './app-manage.subgraph';
import { appManageEnvSchema } from './config';
import { HostAppModel } from './store/host-app.model';
import { MiniProgramModel } from './store/mini-program.model';

/**
 * Distributed mode: the app-manage subgraph as its own service: GraphQL and the upload routes on APP_MANAGE_PORT (4103).
 * It enforces the license itself (mini-programs, host apps) from the shared documents store (ADR 0005).
 */
runSubgraphService({
  name: 'app-manage',
  schema: appManageEnvSchema,
  address: (config) => ({ host: config.APP_MANAGE_HOST, port: config.APP_MANAGE_PORT }),
  build: async (runtime, _config, env) => {
    const license = createLicenseGuard(runtime, {
      publicKeyPem: licensePublicKeyFromEnv(env),
      owned: { miniPrograms: { model: MiniProgramModel }, hostApps: { model: HostAppModel } },
    });
    await license.reconcile();
    return createAppManageSubgraphFromEnv(runtime, env, license);
  },
});
