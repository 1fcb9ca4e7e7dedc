import { accountEnvSchema, accountSettingsFromConfig, createAccountSubgraph } from '@grove/account';
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

/**
 * Every subgraph of the supergraph, by federation subgraph name (also the SUBGRAPH_URLS key in
 * distributed mode). Adding a domain is one line here, then `npm run compose`.
 */
export const subgraphFactories: Readonly<Record<string, SubgraphFactory>> = {
  account: (runtime, env) => createAccountSubgraph(runtime, accountSettingsFromConfig(loadConfig(accountEnvSchema, env))),
};

/** Builds the registered modules on one runtime, in registry order. */
export async function createSubgraphModules(
  runtime: PlatformRuntime,
  env: EnvSource,
  factories: Readonly<Record<string, SubgraphFactory>> = subgraphFactories,
): Promise<RegisteredSubgraphModule[]> {
  const modules: RegisteredSubgraphModule[] = [];
  for (const [name, factory] of Object.entries(factories)) {
    const module = await factory(runtime, env);
    if (module.name !== name) throw new Error(`Subgraph registered as "${name}" calls itself "${module.name}"`);
    modules.push(module);
  }
  return modules;
}
