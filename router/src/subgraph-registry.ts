import {
  accountEnvSchema,
  accountSettingsFromConfig,
  createAccountSubgraph,
  OrganizationModel,
  OrganizationStatus,
} from '@grove/account';
import { createAppManageSubgraphFromEnv, HostAppModel, MiniProgramModel } from '@grove/app-manage';
import { createDomainSubgraphFromEnv } from '@grove/domain';
import {
  createLicenseGuard,
  createLicenseSubgraph,
  DocumentCountUsageSource,
  licenseEnvSchema,
  licensePublicKeyFromConfig,
  type LicenseGuard,
  type LicenseUsageSource,
} from '@grove/license';
import { CONCURRENT_GRAY_RELEASES_FILTER, createRuleEngineSubgraphFromEnv, ReleasePlanModel } from '@grove/rule-engine';
import { createSdkSubgraphFromEnv } from '@grove/sdk';
import { loadConfig, type EnvSource, type PlatformRuntime, type SubgraphModule } from '@grove/platform';

/** What a subgraph package exports for the router: build the module on a runtime. */
export interface RegisteredSubgraphModule extends SubgraphModule {
  /** One-time setup on first start (e.g. the account subgraph's first operator admin). */
  bootstrap?: () => Promise<unknown>;
}

/**
 * Builds one subgraph on the process runtime. `env` is the process environment, from which the
 * subgraph parses its own settings with its own schema (the same variables its standalone
 * `main.ts` reads in distributed mode).
 */
export type SubgraphFactory = (runtime: PlatformRuntime, env: EnvSource) => Promise<RegisteredSubgraphModule>;

/** How much of each licensed resource exists; counted from the owning domains' collections. */
export function licenseUsage(runtime: PlatformRuntime): LicenseUsageSource {
  return new DocumentCountUsageSource(runtime.documents, {
    miniPrograms: { model: MiniProgramModel },
    hostApps: { model: HostAppModel },
    concurrentGrayReleases: { model: ReleasePlanModel, filter: CONCURRENT_GRAY_RELEASES_FILTER },
    organizations: { model: OrganizationModel, filter: { status: OrganizationStatus.APPROVED } },
  });
}

/** The license in force (installed or the built-in evaluation one) guarding creations in any domain. */
function licenseGuard(runtime: PlatformRuntime, env: EnvSource): LicenseGuard {
  return createLicenseGuard(runtime, {
    publicKeyPem: licensePublicKeyFromConfig(loadConfig(licenseEnvSchema, env)),
    usage: licenseUsage(runtime),
  });
}

/**
 * Every subgraph of the supergraph, by federation subgraph name (also the SUBGRAPH_URLS key in
 * distributed mode). Adding a domain is one line here, then `npm run compose`.
 */
export const subgraphFactories: Readonly<Record<string, SubgraphFactory>> = {
  account: (runtime, env) =>
    createAccountSubgraph(runtime, accountSettingsFromConfig(loadConfig(accountEnvSchema, env)), { license: licenseGuard(runtime, env) }),
  license: (runtime, env) =>
    createLicenseSubgraph(runtime, {
      publicKeyPem: licensePublicKeyFromConfig(loadConfig(licenseEnvSchema, env)),
      usage: licenseUsage(runtime),
    }),
  'app-manage': (runtime, env) => createAppManageSubgraphFromEnv(runtime, env, licenseGuard(runtime, env)),
  domain: (runtime, env) => createDomainSubgraphFromEnv(runtime, env),
  'rule-engine': (runtime, env) => createRuleEngineSubgraphFromEnv(runtime, env, licenseGuard(runtime, env)),
  sdk: (runtime, env) => createSdkSubgraphFromEnv(runtime, env),
};

/** Builds the registered modules on one runtime, in registry order. */
export async function createSubgraphModules(
  runtime: PlatformRuntime,
  env: EnvSource,
  factories: Readonly<Record<string, SubgraphFactory>> = subgraphFactories,
): Promise<RegisteredSubgraphModule[]> {
  const modules: RegisteredSubgraphModule[] = [];
  try {
    for (const [name, factory] of Object.entries(factories)) {
      const module = await factory(runtime, env);
      modules.push(module);
      if (module.name !== name) throw new Error(`Subgraph registered as "${name}" calls itself "${module.name}"`);
    }
  } catch (error) {
    await Promise.allSettled(modules.map((m) => m.close?.()));
    throw error;
  }
  return modules;
}
