import 'reflect-metadata';
import {
  CATALOGUE_READS_CALLER,
  contractHandler,
  registerRuntimeReadRoutes,
  searchSettingsEvents,
  catalogueReadOrigins,
  catalogueReadsFromModules,
  catalogueReadsOf,
  catalogueReadsOverHttp,
  type CatalogueReadHandlers,
} from '@grove/contracts';
import {
  buildSubgraph,
  idempotentHandler,
  loadConfig,
  UnavailableError,
  type EnvSource,
  type PlatformRuntime,
  type SubgraphModule,
} from '@grove/platform';
import type { RuntimeReadsOf } from '@grove/contracts';
import { searchRuntimeReads } from './http/runtime-reads';
import { SearchIndexResolver } from './resolvers/search-index.resolver';
import { SearchSettingsResolver } from './resolvers/search-settings.resolver';
import { SearchIndexService } from './service/search-index.service';
import { SearchLogService } from './service/search-log.service';
import { SearchSettingsService } from './service/search-settings.service';
import { SearchLogStore } from './store/search-log.store';
import { SearchSettingsStore } from './store/search-settings.store';
import {
  defaultSearchSettings,
  indexBaseDir,
  persistsIndex,
  searchEnvSchema,
  searchSettingsFromConfig,
  type SearchConfig,
  type SearchSettings,
} from './config';
import { ElasticsearchEngine } from './engine/elasticsearch.engine';
import { EmbeddedSearchEngine } from './engine/embedded.engine';
import type { SearchEngine } from './engine/search-engine.port';
import { CatalogueProjection } from './projection/catalogue.projection';
import { IndexPersistence } from './projection/index-persistence';
import { IndexFilesStore } from './store/index-files.store';
import { claimSearchInstance } from './store/search-instance.store';
import { SearchIndexIdentityStore } from './store/search-index-identity.store';
import { SearchResolver } from './resolvers/search.resolver';
import { MiniProgram } from './schema/search.types';
import { SearchService } from './service/search.service';

export const SEARCH_SUBGRAPH_NAME = 'search';
/** A rebuild that failed (an owner not up yet) is tried again after this long. */
const REBUILD_RETRY_MS = 2_000;

export interface SearchDeps {
  /** Where the catalogue is read from: app-manage's and account's handlers in process, or their internal routes. */
  reads: CatalogueReadHandlers;
  /** Default: the embedded index (ADR 0011). */
  engine?: SearchEngine;
  settings?: Partial<SearchSettings>;
  /** Injected clock of the search log and the index snapshots (ms). */
  now?: () => number;
}

export interface SearchServices {
  search: SearchService;
  settings: SearchSettingsService;
  /** Rebuilds on demand (`rebuildSearchIndex`). */
  index: SearchIndexService;
  log: SearchLogService;
  projection: CatalogueProjection;
  engine: SearchEngine;
  /** The embedded index's snapshot and journal; null when the index is not persisted (settings.indexDir, engine). */
  persistence: IndexPersistence | null;
  /** Resolves once the index holds the catalogue (immediately when it was not empty on start). */
  indexed(): Promise<void>;
}

export interface SearchSubgraph extends SubgraphModule {
  services: SearchServices;
  /** The SDK runtime's reads this service answers (a device's search, hot words, clicks; ADR 0009). */
  runtimeReads: RuntimeReadsOf<'search'>;
  close(): Promise<void>;
}

/**
 * Assembles the search subgraph: subscribes the index to app-manage's and account's events first, then (index empty)
 * rebuilds it from the owners, so no change made during the rebuild is missed. Not ready until the rebuild is done.
 */
export async function createSearchSubgraph(
  runtime: PlatformRuntime,
  deps: SearchDeps,
): Promise<SearchSubgraph> {
  const settings: SearchSettings = { ...defaultSearchSettings, ...deps.settings };
  const logger = runtime.logger.child({ subgraph: SEARCH_SUBGRAPH_NAME });
  const engine = deps.engine ?? new EmbeddedSearchEngine();
  const persistence =
    settings.indexDir !== null && engine instanceof EmbeddedSearchEngine
      ? new IndexPersistence(
          engine,
          new IndexFilesStore(settings.indexDir),
          {
            maxAgeMs: settings.snapshotMaxAgeMs,
            now: deps.now ?? Date.now,
            identity: await new SearchIndexIdentityStore(runtime.documents).identity(),
          },
          logger.child({ component: 'index-snapshot' }),
        )
      : null;
  // Before any event is applied: loading replaces the whole index.
  const replay = persistence ? await persistence.restore() : null;
  const projection = new CatalogueProjection(
    engine,
    deps.reads,
    logger.child({ component: 'projection' }),
    persistence ?? undefined,
  );
  const searchSettings = new SearchSettingsService(
    new SearchSettingsStore(runtime.documents),
    runtime.outbox(SEARCH_SUBGRAPH_NAME),
  );
  const log = new SearchLogService(
    new SearchLogStore(runtime.documents),
    { logRetentionDays: settings.logRetentionDays, statsRetentionDays: settings.statsRetentionDays },
    logger.child({ component: 'search-log' }),
    deps.now,
  );
  const search = new SearchService(engine, searchSettings, log);
  // On demand: after the start-up rebuild or replay, in place, then a snapshot of the result.
  const indexService = new SearchIndexService(
    runtime.outbox(SEARCH_SUBGRAPH_NAME),
    async () => {
      await indexed;
      const count = await projection.rebuild();
      await saveSnapshot();
      return count;
    },
    logger.child({ component: 'index-rebuild' }),
  );
  logger.info({ engine: engine.description }, 'search engine');

  const module = await buildSubgraph({
    name: SEARCH_SUBGRAPH_NAME,
    // Hot words and synonyms changes: one operation-log line in the settings' own transaction (ADR 0013).
    operationLog: runtime.outbox(SEARCH_SUBGRAPH_NAME),
    resolvers: [SearchResolver, SearchSettingsResolver, SearchIndexResolver],
    instances: [
      new SearchResolver(search),
      new SearchSettingsResolver(searchSettings, log),
      new SearchIndexResolver(indexService),
    ],
    orphanedTypes: [MiniProgram],
  });

  // Hot words and synonyms: read now, and again whenever an operator changes them (in any search process); a rebuild
  // asked for through any process runs in each (in the background: the subscription goes on meanwhile).
  await searchSettings.reload();
  const settingsSubscription = await runtime.events.subscribe<unknown>(
    searchSettingsEvents.topic,
    settings.consumerGroup,
    idempotentHandler(
      runtime.kv,
      settings.consumerGroup,
      contractHandler(searchSettingsEvents, logger, async (event) => {
        if (event.type === 'index.rebuild-requested') void indexService.start();
        else await searchSettings.reload();
      }),
    ),
  );
  const catalogueSubscription = await projection.subscribe(
    runtime.events,
    runtime.kv,
    settings.consumerGroup,
  );
  const subscription = {
    close: async () =>
      void (await Promise.all([settingsSubscription.close(), catalogueSubscription.close()])),
  };
  const runtimeReads = searchRuntimeReads({ search, settings: searchSettings, log });
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let rebuilt = false;
  let pendingReplay = replay;
  // A snapshot that cannot be written (disk full) costs the next start a rebuild, not this process its index.
  const saveSnapshot = async () => {
    await persistence?.save().catch((error) => logger.warn({ err: error }, 'search index snapshot failed'));
  };
  const indexed = new Promise<void>((resolve) => {
    const attempt = async () => {
      try {
        if (pendingReplay) {
          // Loaded from a snapshot: catch up with what was applied after it.
          await projection.replay(pendingReplay);
          if (pendingReplay.length > 0) await saveSnapshot();
          pendingReplay = null;
        } else if ((await engine.count()) === 0) {
          await projection.rebuild();
          await saveSnapshot();
        }
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

  // Changes since the last snapshot are written periodically (a crash replays the journal after it).
  const snapshots = persistence
    ? setInterval(() => {
        if (rebuilt && persistence.dirty()) void saveSnapshot();
      }, settings.snapshotIntervalMs).unref()
    : undefined;

  return {
    ...module,
    services: {
      search,
      settings: searchSettings,
      index: indexService,
      log,
      projection,
      engine,
      persistence,
      indexed: () => indexed,
    },
    runtimeReads,
    registerInternalRoutes: async (app, context) => registerRuntimeReadRoutes(app, context, runtimeReads),
    // The engine and its analyzer (embedded, or Elasticsearch with IK / smartcn / Grove's) for /readyz.
    ready: async () => {
      if (!rebuilt)
        throw new UnavailableError('The search index is being rebuilt', {
          reason: 'SEARCH_INDEX_REBUILDING',
        });
      return {
        engine: engine.description,
        documents: await engine.count(),
        rebuilding: indexService.rebuilding(),
      };
    },
    close: async () => {
      closed = true;
      clearTimeout(retry);
      clearInterval(snapshots);
      await subscription.close();
      await indexService.close();
      if (rebuilt && persistence?.dirty()) await saveSnapshot();
      await engine.close();
    },
  };
}

/**
 * The catalogue reads: in process when app-manage and account are modules of this process (embedded), else over
 * their internal routes at the SUBGRAPH_URLS addresses (distributed).
 */
export function catalogueReadsFor(
  runtime: PlatformRuntime,
  config: SearchConfig,
  modules: readonly object[],
): CatalogueReadHandlers {
  if (modules.some((m) => catalogueReadsOf(m))) return catalogueReadsFromModules(modules);
  if (!config.SUBGRAPH_URLS)
    throw new Error(
      'The search service reads the catalogue from app-manage and account: set SUBGRAPH_URLS, or run them in this process',
    );
  return catalogueReadsOverHttp({
    origins: catalogueReadOrigins(config.SUBGRAPH_URLS),
    credential: () => runtime.tokens.signServiceCall(CATALOGUE_READS_CALLER),
    timeoutMs: config.SEARCH_READ_TIMEOUT_MS,
    logger: runtime.logger.child({ subgraph: SEARCH_SUBGRAPH_NAME, component: 'catalogue-reads' }),
  });
}

/** The configured engine: the embedded index, or the Elasticsearch cluster (its analysis chosen from its plugins). */
export async function searchEngineFor(config: SearchConfig): Promise<SearchEngine> {
  if (config.SEARCH_ENGINE === 'elasticsearch') {
    // The config schema refuses this too; never fall back to another engine silently.
    if (!config.ELASTICSEARCH_URL) throw new Error('SEARCH_ENGINE=elasticsearch needs ELASTICSEARCH_URL');
    return ElasticsearchEngine.open({ node: config.ELASTICSEARCH_URL, index: config.ELASTICSEARCH_INDEX });
  }
  return new EmbeddedSearchEngine();
}

/** The router's registry entry: `modules` are the subgraphs built before it in this process. */
export async function createSearchSubgraphFromEnv(
  runtime: PlatformRuntime,
  env: EnvSource,
  modules: readonly object[] = [],
): Promise<SearchSubgraph> {
  return createSearchSubgraphFromConfig(runtime, loadConfig(searchEnvSchema, env), modules);
}

/**
 * The search subgraph as configured (router registry and the standalone service). Without SEARCH_CONSUMER_GROUP, an
 * embedded index claims a slot under its index directory and takes the slot's group (released on close).
 */
export async function createSearchSubgraphFromConfig(
  runtime: PlatformRuntime,
  config: SearchConfig,
  modules: readonly object[] = [],
): Promise<SearchSubgraph> {
  const reads = catalogueReadsFor(runtime, config, modules);
  const instance =
    config.SEARCH_CONSUMER_GROUP === undefined && persistsIndex(config)
      ? await claimSearchInstance(indexBaseDir(config))
      : null;
  try {
    const subgraph = await createSearchSubgraph(runtime, {
      reads,
      settings: searchSettingsFromConfig(config, instance),
      engine: await searchEngineFor(config),
    });
    return {
      ...subgraph,
      close: async () => {
        await subgraph.close();
        await instance?.release();
      },
    };
  } catch (error) {
    await instance?.release();
    throw error;
  }
}
