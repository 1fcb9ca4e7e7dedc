import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  createPlatformRuntime,
  readProcessEnv,
  loadConfig,
  platformEnvSchema,
  silentLogger,
  randomToken,
  type PlatformRuntime,
  type EnvSource,
} from '@grove/platform';

export interface TestRuntime extends PlatformRuntime {
  dataDir: string;
  /** Closes drivers and removes the data directory. */
  dispose(): Promise<void>;
}

/**
 * A real platform runtime for tests: the default documents driver (SQLite, the embedded profile's) on disk
 * in a temp dir (or memory), in-process cache and bus unless `env` selects other drivers (e.g.
 * CACHE_DRIVER=redis against the real server, DOCUMENTS_DRIVER=nedb for the deprecated driver).
 */
export async function createTestRuntime(
  options: {
    env?: EnvSource;
    dataDir?: string;
    inMemory?: boolean;
    durableTopics?: readonly string[];
    /** `postgres`: the documents in a PostgreSQL database of this runtime's own, dropped by dispose(). */
    documents?: TestDocumentsDriver;
  } = {},
): Promise<TestRuntime> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'grove-test-'));
  const database = options.documents === 'postgres' ? await createTestDatabase() : undefined;
  const config = loadConfig(platformEnvSchema, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    JWT_SECRET: randomToken(32),
    INTERNAL_TOKEN_SECRET: randomToken(32),
    REDIS_KEY_PREFIX: `grove-test:${randomToken(6)}:`,
    ...(database ? { DOCUMENTS_DRIVER: 'postgres', POSTGRES_URL: database.url } : {}),
    ...options.env,
  });
  const runtime = await createPlatformRuntime(config, {
    logger: silentLogger(),
    inMemoryDocuments: options.inMemory,
    durableTopics: options.durableTopics,
  });
  return {
    ...runtime,
    dataDir,
    async dispose() {
      await runtime.close();
      await database?.drop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The document drivers a store's lists are tested over: the embedded profile's and the standard profile's. */
export type TestDocumentsDriver = 'sqlite' | 'postgres';
export const TEST_DOCUMENT_DRIVERS: readonly TestDocumentsDriver[] = ['sqlite', 'postgres'];

/** The PostgreSQL server tests use (`POSTGRES_URL`, else the local one). */
export function testPostgresUrl(): string {
  const env = readProcessEnv();
  return env.POSTGRES_URL ?? env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = testPostgresUrl();
  const name = `grove_test_${randomToken(8)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
