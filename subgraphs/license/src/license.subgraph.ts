import 'reflect-metadata';
import {
  ActiveLicenseReader,
  createLicenseGuard,
  EVALUATION_PUBLIC_KEY_PEM,
  type LicenseGuard,
} from '@grove/contracts';
import { buildSubgraph, type PlatformRuntime, type SubgraphModule } from '@grove/platform';
import { LicenseResolver } from './resolvers/license.resolver';
import { LicenseService } from './service/license.service';
import { LedgerUsageSource, type LicenseUsageSource } from './service/license-usage';
import { LicenseInstallationStore } from './store/license-installation.store';

export const LICENSE_SUBGRAPH_NAME = 'license';

export interface LicenseOptions {
  /** Ed25519 public key (PEM) licenses must be signed with; default the evaluation key. */
  publicKeyPem?: string;
  /** Current counts of the limited things; default the capacity ledger the owning services claim from. */
  usage?: LicenseUsageSource;
}

export interface LicenseSubgraphOptions extends LicenseOptions {
  /** Time source for `expired` and install-time expiry checks (tests). */
  clock?: () => Date;
}

export interface LicenseSubgraph extends SubgraphModule {
  /** The license in force over this runtime's store (the owning domains build their own with `createLicenseGuard`). */
  guard: LicenseGuard;
  /** The domain service, for in-process callers and tests (authorization is inside each method). */
  service: LicenseService;
}

/** Assembles store, service, guard and resolvers of the license subgraph over a platform runtime. */
export async function createLicenseSubgraph(
  runtime: PlatformRuntime,
  options: LicenseSubgraphOptions,
): Promise<LicenseSubgraph> {
  const publicKeyPem = options.publicKeyPem ?? EVALUATION_PUBLIC_KEY_PEM;
  const store = new LicenseInstallationStore(runtime.documents);
  const guard = createLicenseGuard(runtime, { publicKeyPem, clock: options.clock }); // checks the key
  const logger = runtime.logger.child({ subgraph: LICENSE_SUBGRAPH_NAME, component: 'license' });
  const reader = new ActiveLicenseReader(runtime.documents, publicKeyPem, logger);
  const outbox = runtime.outbox(LICENSE_SUBGRAPH_NAME);
  const service = new LicenseService(
    store,
    reader,
    options.usage ?? new LedgerUsageSource(runtime.documents),
    publicKeyPem,
    outbox,
    options.clock,
  );

  const module = await buildSubgraph({
    name: LICENSE_SUBGRAPH_NAME,
    operationLog: outbox,
    resolvers: [LicenseResolver],
    instances: [new LicenseResolver(service)],
  });
  return { ...module, guard, service, ready: () => runtime.documents.ping() };
}
