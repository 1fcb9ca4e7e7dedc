import { loadConfig, type EnvSource, type PlatformRuntime, type SubgraphModule } from '@grove/platform';
import type { LicenseGuard, LicenseGuardOptions } from '@grove/license';

// Each subgraph package is imported when its factory runs, not with this module: a router in distributed mode
// (SUBGRAPH_URLS) builds none of them and should not hold six subgraphs' code in memory (issue 6 item 9).

/** What a subgraph package exports for the router: build the module on a runtime. */
export interface RegisteredSubgraphModule extends SubgraphModule {
  /** One-time setup on first start (e.g. the account subgraph's first operator admin). */
  bootstrap?: () => Promise<unknown>;
}

/**
 * Builds one subgraph on the process runtime. `env` is the process environment, from which the
 * subgraph parses its own settings with its own schema (the same variables its standalone
 * `main.ts` reads in distributed mode). `built` are the modules registered before it in this process (search reads
 * app-manage's and account's catalogue from theirs).
 */
export type SubgraphFactory = (
  runtime: PlatformRuntime,
  env: EnvSource,
  built: readonly RegisteredSubgraphModule[],
) => Promise<RegisteredSubgraphModule>;

type OwningDomain = 'account' | 'app-manage' | 'rule-engine';

/** The limits each domain owns, and which of its documents hold a unit (reconciled against the capacity ledger). */
async function ownedLimits(domain: OwningDomain): Promise<LicenseGuardOptions['owned']> {
  switch (domain) {
    case 'account': {
      const { OrganizationModel, OrganizationStatus } = await import('@grove/account');
      return { organizations: { model: OrganizationModel, filter: { status: OrganizationStatus.APPROVED } } };
    }
    case 'app-manage': {
      const { HostAppModel, MiniProgramModel } = await import('@grove/app-manage');
      return { miniPrograms: { model: MiniProgramModel }, hostApps: { model: HostAppModel } };
    }
    case 'rule-engine': {
      const { CONCURRENT_GRAY_RELEASES_FILTER, ReleasePlanModel } = await import('@grove/rule-engine');
      return { concurrentGrayReleases: { model: ReleasePlanModel, filter: CONCURRENT_GRAY_RELEASES_FILTER } };
    }
  }
}

/**
 * The license guard of one owning domain: the license in force from the shared store and an atomic claim on its
 * limits (ADR 0005); reconciled with the domain's data before the platform serves.
 */
async function licenseGuard(
  runtime: PlatformRuntime,
  env: EnvSource,
  domain: OwningDomain,
): Promise<LicenseGuard> {
  const { createLicenseGuard, licenseEnvSchema, licensePublicKeyFromConfig } = await import('@grove/license');
  const guard = createLicenseGuard(runtime, {
    publicKeyPem: licensePublicKeyFromConfig(loadConfig(licenseEnvSchema, env)),
    owned: await ownedLimits(domain),
  });
  await guard.reconcile();
  return guard;
}

/**
 * Every subgraph of the supergraph, by federation subgraph name (also the SUBGRAPH_URLS key in
 * distributed mode). Adding a domain is one entry here, then `npm run compose`.
 */
export const subgraphFactories: Readonly<Record<string, SubgraphFactory>> = {
  account: async (runtime, env) => {
    const { accountEnvSchema, accountSettingsFromConfig, createAccountSubgraph } =
      await import('@grove/account');
    return createAccountSubgraph(runtime, accountSettingsFromConfig(loadConfig(accountEnvSchema, env)), {
      license: await licenseGuard(runtime, env, 'account'),
    });
  },
  license: async (runtime, env) => {
    const { createLicenseSubgraph, licenseEnvSchema, licensePublicKeyFromConfig } =
      await import('@grove/license');
    return createLicenseSubgraph(runtime, {
      publicKeyPem: licensePublicKeyFromConfig(loadConfig(licenseEnvSchema, env)),
    });
  },
  'app-manage': async (runtime, env) => {
    const { createAppManageSubgraphFromEnv } = await import('@grove/app-manage');
    return createAppManageSubgraphFromEnv(runtime, env, await licenseGuard(runtime, env, 'app-manage'));
  },
  domain: async (runtime, env) => {
    const { createDomainSubgraphFromEnv } = await import('@grove/domain');
    return createDomainSubgraphFromEnv(runtime, env);
  },
  'rule-engine': async (runtime, env) => {
    const { createRuleEngineSubgraphFromEnv } = await import('@grove/rule-engine');
    return createRuleEngineSubgraphFromEnv(runtime, env, await licenseGuard(runtime, env, 'rule-engine'));
  },
  sdk: async (runtime, env) => {
    const { createSdkSubgraphFromEnv } = await import('@grove/sdk');
    return createSdkSubgraphFromEnv(runtime, env);
  },
  analytics: async (runtime, env) => {
    const { createAnalyticsSubgraphFromEnv } = await import('@grove/analytics');
    return createAnalyticsSubgraphFromEnv(runtime, env);
  },
  search: async (runtime, env, built) => {
    const { createSearchSubgraphFromEnv } = await import('@grove/search');
    return createSearchSubgraphFromEnv(runtime, env, built);
  },
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
      const module = await factory(runtime, env, modules);
      modules.push(module);
      if (module.name !== name)
        throw new Error(`Subgraph registered as "${name}" calls itself "${module.name}"`);
    }
  } catch (error) {
    await Promise.allSettled(modules.map((m) => m.close?.()));
    throw error;
  }
  return modules;
}
