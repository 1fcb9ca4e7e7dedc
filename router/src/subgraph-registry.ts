import type { PlatformRuntime, SubgraphModule } from '@grove/platform';

/** What a subgraph package exports for the router: build the module on a runtime. */
export interface RegisteredSubgraphModule extends SubgraphModule {
  /** One-time setup on first start (e.g. the account subgraph's operator admin). */
  bootstrap?: () => Promise<unknown>;
}

export type SubgraphFactory = (runtime: PlatformRuntime) => Promise<RegisteredSubgraphModule> | RegisteredSubgraphModule;

/**
 * Every subgraph of the supergraph, by name. Adding a domain is one line here plus `npm run compose`.
 * Names are the federation subgraph names (and the keys of SUBGRAPH_URLS in distributed mode).
 */
export const subgraphFactories: Readonly<Record<string, SubgraphFactory>> = {};

/** Builds the registered modules (all, or the named ones) on one runtime. */
export async function createSubgraphModules(
  runtime: PlatformRuntime,
  factories: Readonly<Record<string, SubgraphFactory>> = subgraphFactories,
): Promise<RegisteredSubgraphModule[]> {
  const modules: RegisteredSubgraphModule[] = [];
  for (const [name, factory] of Object.entries(factories)) {
    const module = await factory(runtime);
    if (module.name !== name) throw new Error(`Subgraph registered as "${name}" calls itself "${module.name}"`);
    modules.push(module);
  }
  return modules;
}
