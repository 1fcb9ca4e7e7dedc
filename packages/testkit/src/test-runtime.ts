import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase, type TransactionalDocumentDriver } from './test-database';
import {
  createPlatformRuntime,
  loadConfig,
  platformEnvSchema,
  silentLogger,
  randomToken,
  type PlatformRuntime,
  type EnvSource,
} from '@grove/platform';

export interface TestRuntime extends PlatformRuntime {
  dataDir: string;
  /** The PostgreSQL database of this runtime's documents (`documents: 'postgres'`), dropped by `dispose`. */
  postgresUrl?: string;
  /** Closes drivers and removes the data directory. */
  dispose(): Promise<void>;
}

/**
 * A real platform runtime for tests: the default documents driver (SQLite, the embedded profile's) on disk
 * in a temp dir (or memory), in-process cache and bus unless `env` selects other drivers (e.g.
 * CACHE_DRIVER=redis against the real server, DOCUMENTS_DRIVER=nedb for the deprecated driver). `documents:
 * 'postgres'` puts the documents in a database of their own on the test PostgreSQL server, dropped by `dispose`.
 */
export async function createTestRuntime(
  options: {
    env?: EnvSource;
    dataDir?: string;
    inMemory?: boolean;
    durableTopics?: readonly string[];
    documents?: TransactionalDocumentDriver;
  } = {},
): Promise<TestRuntime> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'grove-test-'));
  const database: TestDatabase | undefined =
    options.documents === 'postgres' ? await createTestDatabase() : undefined;
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
    ...(database ? { postgresUrl: database.url } : {}),
    async dispose() {
      await runtime.close();
      await database?.drop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
