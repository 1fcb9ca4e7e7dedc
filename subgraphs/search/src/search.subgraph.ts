import 'reflect-metadata';
import {
  CATALOGUE_READS_CALLER,
  catalogueReadOrigins,
  catalogueReadsFromModules,
  catalogueReadsOf,
  catalogueReadsOverHttp,
  type CatalogueReadHandlers,
} from '@grove/contracts';
import { buildSubgraph, loadConfig, UnavailableError, type EnvSource, type PlatformRuntime, type SubgraphModule } from '@grove/platform';
import { defaultSearchSettings, searchEnvSchema, searchSettingsFromConfig, type SearchConfig, type SearchSettings } from './config';
import { MiniSearchEngine } from './engine/minisearch.engine';
import type { SearchEngine } from './engine/search-engine.port';
import { CatalogueProjection } from './projection/catalogue.projection';
import { SearchResolver } from './resolvers/search.resolver';
import { MiniProgram } from './schema/search.types';
import { SearchService } from './service/search.service';

export const SEARCH_SUBGRAPH_NAME = 'search';
/** A rebuild that failed (an owner not up yet) is tried again after this long. */
const REBUILD_RETRY_MS = 2_000;

export interface SearchDeps {
  /** Where the catalogue is read from: app-manage's and account's handlers in process, or their internal routes. */
  reads: CatalogueReadHandlers;
  /** Default: the embedded MiniSearch index (ADR 0011). */
  engine?: SearchEngine;
  settings?: Partial<SearchSettings>;
}

export interface SearchServices {
  search: SearchService;
  projection: CatalogueProjection;
  engine: SearchEngine;
  /** Resolves once the index holds the catalogue (immediately when it was not empty on start). */
  indexed(): Promise<void>;
}

export interface SearchSubgraph extends SubgraphModule {
  services: SearchServices;
  close(): Promise<void>;
}

/**
 * Assembles the search subgraph: subscribes the index to app-manage's and account's events first, then (index empty)
 * rebuilds it from the owners, so no change made during the rebuild is missed. Not ready until the rebuild is done.
 */
export async function createSearchSubgraph(runtime: PlatformRuntime, deps: SearchDeps): Promise<SearchSubgraph> {
  const settings: SearchSettings = { ...defaultSearchSettings, ...deps.settings };
  const logger = runtime.logger.child({ subgraph: SEARCH_SUBGRAPH_NAME });
  const engine = deps.engine ?? new MiniSearchEngine();
  const projection = new CatalogueProjection(engine, deps.reads, logger.child({ component: 'projection' }));
  const search = new SearchService(engine);

  const module = await buildSubgraph({
    name: SEARCH_SUBGRAPH_NAME,
    resolvers: [SearchResolver],
    instances: [new SearchResolver(search)],
    orphanedTypes: [MiniProgram],
  });

  const subscription = await projection.subscribe(runtime.events, runtime.kv, settings.consumerGroup);
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let rebuilt = false;
  const indexed = new Promise<void>((resolve) => {
    const attempt = async () => {
      try {
        if ((await engine.count()) === 0) await projection.rebuild();
        rebuilt = true;
        resolve();
      } catch (error) {
        if (closed) return;
        logger.warn({ err: error }, 'search index rebuild failed; trying again');
        retry = setTimeout(() => void attempt(), REBUILD_RETRY_MS);
        retry.unref();
      }
    };
    void attempt();
  });

  return {
    ...module,
    services: { search, projection, engine, indexed: () => indexed },
    ready: async () => {
      if (!rebuilt) throw new UnavailableError('The search index is being rebuilt', { reason: 'SEARCH_INDEX_REBUILDING' });
      await engine.count();
    },
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await subscription.close();
      await engine.close();
    },
  };
}

/**
 * The catalogue reads: in process when app-manage and account are modules of this process (embedded), else over
 * their internal routes at the SUBGRAPH_URLS addresses (distributed).
 */
export function catalogueReadsFor(runtime: PlatformRuntime, config: SearchConfig, modules: readonly object[]): CatalogueReadHandlers {
  if (modules.some((m) => catalogueReadsOf(m))) return catalogueReadsFromModules(modules);
  if (!config.SUBGRAPH_URLS) throw new Error('The search service reads the catalogue from app-manage and account: set SUBGRAPH_URLS, or run them in this process');
  return catalogueReadsOverHttp({
    origins: catalogueReadOrigins(config.SUBGRAPH_URLS),
    credential: () => runtime.tokens.signServiceCall(CATALOGUE_READS_CALLER),
    timeoutMs: config.SEARCH_READ_TIMEOUT_MS,
    logger: runtime.logger.child({ subgraph: SEARCH_SUBGRAPH_NAME, component: 'catalogue-reads' }),
  });
}

/** The router's registry entry: `modules` are the subgraphs built before it in this process. */
export function createSearchSubgraphFromEnv(runtime: PlatformRuntime, env: EnvSource, modules: readonly object[] = []): Promise<SearchSubgraph> {
  const config = loadConfig(searchEnvSchema, env);
  return createSearchSubgraph(runtime, { reads: catalogueReadsFor(runtime, config, modules), settings: searchSettingsFromConfig(config) });
}
