import { checkPlatformConfig, platformEnvShape } from '@grove/platform';
import { z } from 'zod';

export const DEFAULT_REPORTING_TIME_ZONE = 'Asia/Shanghai';

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone (e.g. Asia/Shanghai)');

const list = z
  .string()
  .optional()
  .transform((v) =>
    v
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  );

/** Environment of the analytics service (distributed mode); the router reads the same names in embedded mode. */
export const analyticsEnvShape = {
  ...platformEnvShape,
  ANALYTICS_PORT: z.coerce.number().int().min(1).max(65535).default(4107),
  ANALYTICS_HOST: z.string().default('127.0.0.1'),
  /** Raw event store: sqlite (DATA_DIR/analytics.sqlite; embedded) or postgres (POSTGRES_URL, partitioned by day). Default: follows DOCUMENTS_DRIVER. */
  ANALYTICS_STORE_DRIVER: z.enum(['sqlite', 'postgres']).optional(),
  /** The one time zone every reporting day boundary uses, installation-wide. */
  ANALYTICS_TIME_ZONE: timeZone.default(DEFAULT_REPORTING_TIME_ZONE),
  /** A device clock off by more than this (report sent-at vs received-at) has its events bucketed by received-at. */
  ANALYTICS_MAX_CLOCK_SKEW_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .max(7 * 24 * 3600_000)
    .default(10 * 60_000),
  /** Back in the foreground after at least this long in the background is a new launch (FinClip: 30 s). */
  ANALYTICS_SESSION_GAP_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .max(24 * 3600_000)
    .default(30_000),
  /** Days before today that rollups recompute for late events; older events are dropped as too late. */
  ANALYTICS_LATE_DAYS: z.coerce.number().int().min(1).max(30).default(3),
  /** Raw events older than this many days are deleted (rollups are kept). */
  ANALYTICS_RETENTION_DAYS: z.coerce.number().int().min(7).max(3650).default(180),
  /** How often the rollup job recomputes the late window (0: never on a timer; recomputeAnalytics only). */
  ANALYTICS_ROLLUP_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 3600_000)
    .default(60_000),
  /**
   * How often today alone is rolled up, between the passes over the late window (0: today only with the window;
   * ignored when ANALYTICS_ROLLUP_INTERVAL_MS is 0). Bounds the lag from a report to the statistics when the window
   * interval is long; each pass recomputes today in full (bench:analytics:lag).
   */
  ANALYTICS_TODAY_ROLLUP_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 3600_000)
    .default(0),
  /** Device ids of test devices whose events are dropped (comma list). */
  ANALYTICS_TEST_DEVICE_IDS: list,
  /** Operation log lines older than this many days are deleted (ADR 0013). */
  OPERATION_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** How often the operation log retention runs (0: never on a timer). */
  OPERATION_LOG_PRUNE_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 3600_000)
    .default(3600_000),
};

export const analyticsEnvSchema = z.object(analyticsEnvShape).superRefine((config, ctx) => {
  checkPlatformConfig(config, ctx);
  const driver =
    config.ANALYTICS_STORE_DRIVER ?? (config.DOCUMENTS_DRIVER === 'postgres' ? 'postgres' : 'sqlite');
  if (driver === 'postgres' && !config.POSTGRES_URL)
    ctx.addIssue({
      code: 'custom',
      path: ['POSTGRES_URL'],
      message: 'required when ANALYTICS_STORE_DRIVER=postgres',
    });
});
export type AnalyticsConfig = z.infer<typeof analyticsEnvSchema>;

export interface AnalyticsSettings {
  storeDriver: 'sqlite' | 'postgres';
  timeZone: string;
  maxClockSkewMs: number;
  sessionGapMs: number;
  lateDays: number;
  retentionDays: number;
  rollupIntervalMs: number;
  todayRollupIntervalMs: number;
  testDeviceIds: string[];
  operationLogRetentionDays: number;
  operationLogPruneIntervalMs: number;
  /** postgres: schema of the analytics tables (tests use one per run). */
  postgresSchema?: string;
}

export const defaultAnalyticsSettings: Omit<AnalyticsSettings, 'storeDriver'> = {
  timeZone: DEFAULT_REPORTING_TIME_ZONE,
  maxClockSkewMs: 10 * 60_000,
  sessionGapMs: 30_000,
  lateDays: 3,
  retentionDays: 180,
  rollupIntervalMs: 60_000,
  todayRollupIntervalMs: 0,
  testDeviceIds: [],
  operationLogRetentionDays: 365,
  operationLogPruneIntervalMs: 3600_000,
};

export function analyticsSettingsFromConfig(config: AnalyticsConfig): AnalyticsSettings {
  return {
    storeDriver:
      config.ANALYTICS_STORE_DRIVER ?? (config.DOCUMENTS_DRIVER === 'postgres' ? 'postgres' : 'sqlite'),
    timeZone: config.ANALYTICS_TIME_ZONE,
    maxClockSkewMs: config.ANALYTICS_MAX_CLOCK_SKEW_MS,
    sessionGapMs: config.ANALYTICS_SESSION_GAP_MS,
    lateDays: config.ANALYTICS_LATE_DAYS,
    retentionDays: config.ANALYTICS_RETENTION_DAYS,
    rollupIntervalMs: config.ANALYTICS_ROLLUP_INTERVAL_MS,
    todayRollupIntervalMs: config.ANALYTICS_TODAY_ROLLUP_INTERVAL_MS,
    testDeviceIds: config.ANALYTICS_TEST_DEVICE_IDS,
    operationLogRetentionDays: config.OPERATION_LOG_RETENTION_DAYS,
    operationLogPruneIntervalMs: config.OPERATION_LOG_PRUNE_INTERVAL_MS,
  };
}
