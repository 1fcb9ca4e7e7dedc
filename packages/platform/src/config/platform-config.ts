import { z } from 'zod';
import { envBoolean, envList } from './config-loader';

/**
 * Variables every deployable shares: drivers, logging, tokens. Each deployable extends this schema
 * with its own variables (see router/src/config.ts, subgraphs/<name>/src/config.ts).
 */
export const platformEnvShape = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: envBoolean.optional(),
  DATA_DIR: z.string().default('./data'),

  DOCUMENTS_DRIVER: z
    .enum(['sqlite', 'embedded', 'nedb', 'postgres', 'mongodb'])
    .default('sqlite')
    .describe(
      'documents port: sqlite (DATA_DIR/documents.sqlite; imports an old nedb DATA_DIR/documents on first start) | embedded (alias of sqlite) | nedb (the previous embedded driver, deprecated) | postgres | mongodb',
    ),
  MONGODB_URL: z.string().url().optional(),
  POSTGRES_URL: z
    .string()
    .url()
    .optional()
    .describe('PostgreSQL connection string; required for DOCUMENTS_DRIVER=postgres'),

  CACHE_DRIVER: z.enum(['memory', 'redis']).default('memory'),
  REDIS_URL: z.string().url().optional(),
  REDIS_CLUSTER_NODES: envList.optional(),
  REDIS_KEY_PREFIX: z.string().default('grove:'),
  REDIS_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(1).default(2_000),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(1).default(1_000),

  EVENTS_DRIVER: z.enum(['memory', 'redis', 'kafka']).default('memory'),
  EVENTS_REDIS_BLOCK_MS: z.coerce.number().int().min(1).default(2_000),
  EVENTS_REDIS_CLAIM_IDLE_MS: z.coerce.number().int().min(100).default(60_000),
  EVENTS_REDIS_MAX_DELIVERIES: z.coerce.number().int().min(1).default(5),
  EVENTS_REDIS_MAX_LEN: z.coerce.number().int().min(0).default(100_000),
  EVENTS_REDIS_MAX_AGE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(7 * 24 * 3600 * 1000),
  KAFKA_BROKERS: envList.optional(),
  KAFKA_CLIENT_ID: z.string().default('grove'),

  JWT_ALGORITHM: z.enum(['HS256', 'RS256']).default('HS256'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_PRIVATE_KEY: z.string().optional(),
  JWT_PUBLIC_KEY: z.string().optional(),
  JWT_ISSUER: z.string().default('grove'),
  ACCESS_TOKEN_TTL_SEC: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_SEC: z.coerce
    .number()
    .int()
    .min(3600)
    .default(30 * 24 * 3600),
  INTERNAL_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),

  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
};

export const platformEnvSchema = z.object(platformEnvShape);
export type PlatformConfig = z.infer<typeof platformEnvSchema>;

/** Cross-field rules shared by every deployable's schema (use with `.superRefine`). */
export function checkPlatformConfig(config: PlatformConfig, ctx: z.RefinementCtx): void {
  const need = (cond: boolean, path: string, message: string) => {
    if (!cond) ctx.addIssue({ code: 'custom', path: [path], message });
  };
  need(
    config.DOCUMENTS_DRIVER !== 'mongodb' || !!config.MONGODB_URL,
    'MONGODB_URL',
    'required when DOCUMENTS_DRIVER=mongodb',
  );
  need(
    config.DOCUMENTS_DRIVER !== 'postgres' || !!config.POSTGRES_URL,
    'POSTGRES_URL',
    'required when DOCUMENTS_DRIVER=postgres',
  );
  need(
    config.CACHE_DRIVER !== 'redis' || !!config.REDIS_URL || !!config.REDIS_CLUSTER_NODES?.length,
    'REDIS_URL',
    'REDIS_URL or REDIS_CLUSTER_NODES required when CACHE_DRIVER=redis',
  );
  need(
    config.EVENTS_DRIVER !== 'kafka' || !!config.KAFKA_BROKERS?.length,
    'KAFKA_BROKERS',
    'required when EVENTS_DRIVER=kafka',
  );
  need(
    config.EVENTS_DRIVER !== 'redis' || !!config.REDIS_URL || !!config.REDIS_CLUSTER_NODES?.length,
    'REDIS_URL',
    'REDIS_URL or REDIS_CLUSTER_NODES required when EVENTS_DRIVER=redis',
  );
  if (config.JWT_ALGORITHM === 'RS256') {
    need(!!config.JWT_PUBLIC_KEY, 'JWT_PUBLIC_KEY', 'required when JWT_ALGORITHM=RS256');
  }
  if (config.NODE_ENV === 'production') {
    need(config.JWT_ALGORITHM !== 'HS256' || !!config.JWT_SECRET, 'JWT_SECRET', 'required in production');
    need(!!config.INTERNAL_TOKEN_SECRET, 'INTERNAL_TOKEN_SECRET', 'required in production');
  }
}
