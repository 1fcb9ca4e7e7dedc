import 'reflect-metadata';
import { buildSubgraph, type PlatformRuntime, type SubgraphModule } from '@grove/platform';
import { assertLicensePublicKey, EVALUATION_PUBLIC_KEY_PEM } from './license';
import { LicenseResolver } from './resolvers/license.resolver';
import { ActiveLicenseReader } from './service/active-license.reader';
import { LicenseGuard } from './service/license-guard';
import { LicenseService } from './service/license.service';
import type { LicenseUsageSource } from './service/license-usage';
import { LicenseInstallationStore } from './store/license-installation.store';

export const LICENSE_SUBGRAPH_NAME = 'license';

export interface LicenseOptions {
  /** Ed25519 public key (PEM) licenses must be signed with; default the evaluation key. */
  publicKeyPem?: string;
  /** Current counts of the limited things. */
  usage: LicenseUsageSource;
}

export interface LicenseSubgraphOptions extends LicenseOptions {
  /** Time source for `expired` and install-time expiry checks (tests). */
  clock?: () => Date;
}

export interface LicenseSubgraph extends SubgraphModule {
  /** For other domains in this process: call before creating limited things or changing anything. */
  guard: LicenseGuard;
  /** The domain service, for in-process callers and tests (authorization is inside each method). */
  service: LicenseService;
}

/**
 * A LicenseGuard over the shared documents store, for domains running in another process than the
 * license subgraph (distributed mode): it reads the same installation history.
 */
export function createLicenseGuard(runtime: PlatformRuntime, options: LicenseOptions): LicenseGuard {
  return new LicenseGuard(createReader(runtime, options.publicKeyPem), options.usage);
}

/** Assembles store, service, guard and resolvers of the license subgraph over a platform runtime. */
export async function createLicenseSubgraph(
  runtime: PlatformRuntime,
  options: LicenseSubgraphOptions,
): Promise<LicenseSubgraph> {
  const publicKeyPem = options.publicKeyPem ?? EVALUATION_PUBLIC_KEY_PEM;
  const store = new LicenseInstallationStore(runtime.documents);
  const reader = createReader(runtime, publicKeyPem);
  const service = new LicenseService(store, reader, options.usage, publicKeyPem, options.clock);
  const guard = new LicenseGuard(reader, options.usage);

  const module = await buildSubgraph({
    name: LICENSE_SUBGRAPH_NAME,
    resolvers: [LicenseResolver],
    instances: [new LicenseResolver(service)],
  });
  return { ...module, guard, service, ready: () => runtime.documents.ping() };
}

function createReader(
  runtime: PlatformRuntime,
  publicKeyPem = EVALUATION_PUBLIC_KEY_PEM,
): ActiveLicenseReader {
  assertLicensePublicKey(publicKeyPem); // a wrong key is a startup error, not a per-request one
  const logger = runtime.logger.child({ subgraph: LICENSE_SUBGRAPH_NAME, component: 'license' });
  return new ActiveLicenseReader(new LicenseInstallationStore(runtime.documents), publicKeyPem, logger);
}
