import { join } from 'node:path';
import { checkPlatformConfig, platformEnvShape } from '@grove/platform';
import { z } from 'zod';

/** `name=http://host:port/path,...` (the SUBGRAPH_URLS every process of the distributed profile gets). */
const serviceUrls = z.string().transform((value, ctx) => {
  const urls: Record<string, string> = {};
  for (const entry of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = entry.indexOf('=');
    const url = eq > 0 ? entry.slice(eq + 1).trim() : '';
    if (eq <= 0 || !URL.canParse(url)) {
      ctx.addIssue({ code: 'custom', message: `"${entry}" is not name=http(s)://host:port/path` });
      continue;
    }
    urls[entry.slice(0, eq).trim()] = url;
  }
  return urls;
});

/** Environment of the standalone search service (distributed mode); the router reads the same names. */
export const searchEnvShape = {
  ...platformEnvShape,
  SEARCH_PORT: z.coerce.number().int().min(1).max(65535).default(4108),
  SEARCH_HOST: z.string().default('127.0.0.1'),
  /**
   * Consumer group on the owners' topics. Each search process keeps its own index, so replicas need a group each
   * (e.g. the pod name); one group shared by replicas would split the events between them. Unset with the embedded
   * engine: `search-<instance id>` of the index slot this process claims under SEARCH_INDEX_DIR (stable across
   * restarts); unset otherwise: `search`.
   */
  SEARCH_CONSUMER_GROUP: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/)
    .optional(),
  /** Days a search log entry (query, hit count, click; devices: host app and hashed device id) is kept. */
  SEARCH_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(366).default(30),
  /** Days the per-day query counters behind searchStatistics (top queries, no-result queries, clicks) are kept. */
  SEARCH_STATS_RETENTION_DAYS: z.coerce.number().int().min(1).max(1_100).default(400),
  /** embedded: an inverted index in this process (ADR 0011); elasticsearch: the large profile's cluster at ELASTICSEARCH_URL. */
  SEARCH_ENGINE: z.enum(['embedded', 'elasticsearch']).default('embedded'),
  /** Elasticsearch node URL for SEARCH_ENGINE=elasticsearch. */
  ELASTICSEARCH_URL: z.string().url().optional(),
  /** Elasticsearch index of the catalogue (created with its mapping when missing). */
  ELASTICSEARCH_INDEX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,100}$/)
    .default('grove-mini-programs'),
  /**
   * Embedded engine: where this process keeps its index snapshot and change journal, so a restart loads the index
   * instead of rebuilding it (default DATA_DIR/search-index). With SEARCH_CONSUMER_GROUP set, its subdirectory of that
   * name; unset, the first slot (`slot-<n>`) no running process holds. "off" keeps none.
   */
  SEARCH_INDEX_DIR: z.string().min(1).optional(),
  /** Embedded engine: a snapshot is written this often when the index changed (and after a rebuild, and on stop). */
  SEARCH_SNAPSHOT_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  /**
   * Embedded engine: an older snapshot is not loaded but rebuilt from the owners; keep it below the event streams'
   * retention (EVENTS_REDIS_MAX_AGE_MS), since the changes after the snapshot must still be delivered.
   */
  SEARCH_SNAPSHOT_MAX_AGE_HOURS: z.coerce.number().min(0).max(8_760).default(24),
  /** Per catalogue read from app-manage or account (distributed mode). */
  SEARCH_READ_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** Distributed mode: where app-manage and account answer the catalogue reads (the router's SUBGRAPH_URLS). */
  SUBGRAPH_URLS: serviceUrls.optional(),
};

export const searchEnvSchema = z.object(searchEnvShape).superRefine((config, ctx) => {
  checkPlatformConfig(config, ctx);
  if (config.SEARCH_ENGINE === 'elasticsearch' && !config.ELASTICSEARCH_URL)
    ctx.addIssue({
      code: 'custom',
      path: ['ELASTICSEARCH_URL'],
      message: 'is required with SEARCH_ENGINE=elasticsearch',
    });
});
export type SearchConfig = z.infer<typeof searchEnvSchema>;

export interface SearchSettings {
  consumerGroup: string;
  logRetentionDays: number;
  statsRetentionDays: number;
  /** Where the embedded index keeps its snapshot and journal; null: none (rebuilt on every start). */
  indexDir: string | null;
  snapshotIntervalMs: number;
  snapshotMaxAgeMs: number;
}

export const defaultSearchSettings: SearchSettings = {
  consumerGroup: 'search',
  logRetentionDays: 30,
  statsRetentionDays: 400,
  indexDir: null,
  snapshotIntervalMs: 300_000,
  snapshotMaxAgeMs: 24 * 3_600_000,
};

/** Whether this configuration keeps an embedded index on disk (and so claims an index slot when no group is set). */
export function persistsIndex(config: SearchConfig): boolean {
  return config.SEARCH_ENGINE === 'embedded' && config.SEARCH_INDEX_DIR !== 'off';
}

/** Where the index directories of this configuration live. */
export function indexBaseDir(config: SearchConfig): string {
  return config.SEARCH_INDEX_DIR ?? join(config.DATA_DIR, 'search-index');
}

/** `instance`: the index slot claimed when SEARCH_CONSUMER_GROUP is unset (see store/search-instance.store.ts). */
export function searchSettingsFromConfig(
  config: SearchConfig,
  instance: { group: string; dir: string } | null = null,
): SearchSettings {
  const consumerGroup = config.SEARCH_CONSUMER_GROUP ?? instance?.group ?? 'search';
  return {
    consumerGroup,
    logRetentionDays: config.SEARCH_LOG_RETENTION_DAYS,
    statsRetentionDays: config.SEARCH_STATS_RETENTION_DAYS,
    indexDir: !persistsIndex(config) ? null : (instance?.dir ?? join(indexBaseDir(config), consumerGroup)),
    snapshotIntervalMs: config.SEARCH_SNAPSHOT_INTERVAL_SECONDS * 1_000,
    snapshotMaxAgeMs: config.SEARCH_SNAPSHOT_MAX_AGE_HOURS * 3_600_000,
  };
}
