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
   * (e.g. the pod name); one group shared by replicas would split the events between them.
   */
  SEARCH_CONSUMER_GROUP: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/)
    .default('search'),
  /** Days a search log entry (query, hit count, click; devices: host app and hashed device id) is kept. */
  SEARCH_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(366).default(30),
  /** Days the per-day query counters behind searchStatistics (top queries, no-result queries, clicks) are kept. */
  SEARCH_STATS_RETENTION_DAYS: z.coerce.number().int().min(1).max(1_100).default(400),
  /** embedded: MiniSearch in this process (ADR 0011); elasticsearch: the large profile's cluster at ELASTICSEARCH_URL. */
  SEARCH_ENGINE: z.enum(['embedded', 'elasticsearch']).default('embedded'),
  /** Elasticsearch node URL for SEARCH_ENGINE=elasticsearch. */
  ELASTICSEARCH_URL: z.string().url().optional(),
  /** Elasticsearch index of the catalogue (created with its mapping when missing). */
  ELASTICSEARCH_INDEX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,100}$/)
    .default('grove-mini-programs'),
  /** Per catalogue read from app-manage or account (distributed mode). */
  SEARCH_READ_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** Distributed mode: where app-manage and account answer the catalogue reads (the router's SUBGRAPH_URLS). */
  SUBGRAPH_URLS: serviceUrls.optional(),
};

export const searchEnvSchema = z
  .object(searchEnvShape)
  .superRefine((config, ctx) => checkPlatformConfig(config, ctx));
export type SearchConfig = z.infer<typeof searchEnvSchema>;

export interface SearchSettings {
  consumerGroup: string;
  logRetentionDays: number;
  statsRetentionDays: number;
}

export const defaultSearchSettings: SearchSettings = {
  consumerGroup: 'search',
  logRetentionDays: 30,
  statsRetentionDays: 400,
};

export function searchSettingsFromConfig(config: SearchConfig): SearchSettings {
  return {
    consumerGroup: config.SEARCH_CONSUMER_GROUP,
    logRetentionDays: config.SEARCH_LOG_RETENTION_DAYS,
    statsRetentionDays: config.SEARCH_STATS_RETENTION_DAYS,
  };
}
