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
  licenseEnvSchema,
  licensePublicKeyFromConfig,
  type LicenseGuard,
  type LicenseGuardOptions,
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

/** The limits each domain owns, and which of its documents hold a unit (reconciled against the capacity ledger). */
const OWNED_LIMITS = {
  account: { organizations: { model: OrganizationModel, filter: { status: OrganizationStatus.APPROVED } } },
  'app-manage': { miniPrograms: { model: MiniProgramModel }, hostApps: { model: HostAppModel } },
  'rule-engine': { concurrentGrayReleases: { model: ReleasePlanModel, filter: CONCURRENT_GRAY_RELEASES_FILTER } },
} satisfies Record<string, LicenseGuardOptions['owned']>;

/**
 * The license guard of one owning domain: the license in force from the shared store and an atomic claim on its
 * limits (ADR 0005); reconciled with the domain's data before the platform serves.
 */
async function licenseGuard(runtime: PlatformRuntime, env: EnvSource, domain: keyof typeof OWNED_LIMITS): Promise<LicenseGuard> {
  const guard = createLicenseGuard(runtime, {
    publicKeyPem: licensePublicKeyFromConfig(loadConfig(licenseEnvSchema, env)),
    owned: OWNED_LIMITS[domain],
  });
  await guard.reconcile();
  return guard;
}

/**
 * Every subgraph of the supergraph, by federation subgraph name (also the SUBGRAPH_URLS key in
 * distributed mode). Adding a domain is one line here, then `npm run compose`.
 */
export const subgraphFactories: Readonly<Record<string, SubgraphFactory>> = {
  account: async (runtime, env) =>
    createAccountSubgraph(runtime, accountSettingsFromConfig(loadConfig(accountEnvSchema, env)), { license: await licenseGuard(runtime, env, 'account') }),
  license: (runtime, env) => createLicenseSubgraph(runtime, { publicKeyPem: licensePublicKeyFromConfig(loadConfig(licenseEnvSchema, env)) }),
  'app-manage': async (runtime, env) => createAppManageSubgraphFromEnv(runtime, env, await licenseGuard(runtime, env, 'app-manage')),
  domain: (runtime, env) => createDomainSubgraphFromEnv(runtime, env),
  'rule-engine': async (runtime, env) => createRuleEngineSubgraphFromEnv(runtime, env, await licenseGuard(runtime, env, 'rule-engine')),
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
