import { join } from 'node:path';
import type { PlatformConfig } from '@grove/platform';
import type { OperationLogStore } from './operation-log-store.port';

/** The configured operation log store (same driver as the raw analytics store); PostgreSQL is only loaded when chosen. */
export async function createOperationLogStore(
  driver: 'sqlite' | 'postgres',
  config: PlatformConfig,
  options: { postgresSchema?: string } = {},
): Promise<OperationLogStore> {
  let store: OperationLogStore;
  if (driver === 'postgres') {
    if (!config.POSTGRES_URL) throw new Error('ANALYTICS_STORE_DRIVER=postgres needs POSTGRES_URL');
    const { PostgresOperationLogStore } = await import('./postgres-operation-log.store');
    store = new PostgresOperationLogStore({ url: config.POSTGRES_URL, schema: options.postgresSchema });
  } else {
    const { SqliteOperationLogStore } = await import('./sqlite-operation-log.store');
    store = new SqliteOperationLogStore(join(config.DATA_DIR, 'operation-log.sqlite'));
  }
  await store.init();
  return store;
}
