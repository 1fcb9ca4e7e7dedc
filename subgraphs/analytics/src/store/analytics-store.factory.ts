import { join } from 'node:path';
import type { PlatformConfig } from '@grove/platform';
import type { AnalyticsStore } from './analytics-store.port';

/** The configured raw store; the PostgreSQL driver is only loaded when selected. */
export async function createAnalyticsStore(
  driver: 'sqlite' | 'postgres',
  config: PlatformConfig,
  options: { postgresSchema?: string } = {},
): Promise<AnalyticsStore> {
  let store: AnalyticsStore;
  if (driver === 'postgres') {
    if (!config.POSTGRES_URL) throw new Error('ANALYTICS_STORE_DRIVER=postgres needs POSTGRES_URL');
    const { PostgresAnalyticsStore } = await import('./postgres-analytics.store');
    store = new PostgresAnalyticsStore({ url: config.POSTGRES_URL, schema: options.postgresSchema });
  } else {
    const { SqliteAnalyticsStore } = await import('./sqlite-analytics.store');
    store = new SqliteAnalyticsStore(join(config.DATA_DIR, 'analytics.sqlite'));
  }
  await store.init();
  return store;
}
