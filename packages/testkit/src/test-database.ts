import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { randomToken, readProcessEnv } from '@grove/platform';

/** The PostgreSQL server tests use (POSTGRES_URL, else the local one: user postgres, trust auth, db `test`). */
export const TEST_POSTGRES_URL =
  readProcessEnv().POSTGRES_URL ?? readProcessEnv().DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The documents drivers with a real unit of work, as test cases: the embedded SQLite file and PostgreSQL. */
export const TRANSACTIONAL_DOCUMENT_DRIVERS = ['sqlite', 'postgres'] as const;
export type TransactionalDocumentDriver = (typeof TRANSACTIONAL_DOCUMENT_DRIVERS)[number];

export interface TestDatabase {
  /** Connection string of the new database. */
  url: string;
  /** Drops the database (and ends its open connections). */
  drop(): Promise<void>;
}

async function admin<R>(work: (client: Client) => Promise<R>): Promise<R> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database of its own on the test PostgreSQL server, for one test run of a runtime on the postgres driver. */
export async function createTestDatabase(prefix = 'grove_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomToken(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}_${Date.now()}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** Where a test runtime keeps its documents: its SQLite file, or its PostgreSQL database. */
export interface DocumentsLocation {
  dataDir: string;
  postgresUrl?: string;
}

/**
 * What an error refused by `refuseOutboxTopic` looks like once GraphQL has it. PostgreSQL's names the refusal; SQLite's
 * (better-sqlite3) may reach GraphQL as "Unexpected error value: { code: \"SQLITE_CONSTRAINT_TRIGGER\" }": the
 * native binding is loaded once per Jest worker, so in every test file after the first its errors come from another
 * realm and fail `instanceof Error`, and only their code survives.
 */
export const OUTBOX_REFUSAL = /refused \(test\)|SQLITE_CONSTRAINT_TRIGGER/;

/**
 * Makes the documents database refuse to store outbox entries of `topic` (a trigger on `platform_outbox`), so a
 * test can see what a unit of work leaves behind when writing its event fails. Resolves to the function that lifts
 * the refusal. The failure comes from the database server itself, not from a stand-in.
 */
export async function refuseOutboxTopic(
  location: DocumentsLocation,
  topic: string,
): Promise<() => Promise<void>> {
  const tag = `refuse_${topic.replace(/[^A-Za-z0-9]/g, '_')}`;
  const literal = `'${topic.replace(/'/g, "''")}'`;
  if (location.postgresUrl) {
    const run = async (sql: string) => {
      const client = new Client({ connectionString: location.postgresUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await run(`CREATE OR REPLACE FUNCTION ${tag}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'outbox entries of topic % refused (test)', NEW.doc->>'topic'; END $$;
      CREATE TRIGGER ${tag} BEFORE INSERT ON platform_outbox FOR EACH ROW
      WHEN (NEW.doc->>'topic' = ${literal}) EXECUTE FUNCTION ${tag}();`);
    return () => run(`DROP TRIGGER IF EXISTS ${tag} ON platform_outbox; DROP FUNCTION IF EXISTS ${tag}();`);
  }
  const run = (sql: string) => {
    const db = new Database(join(location.dataDir, 'documents.sqlite'));
    try {
      db.pragma('busy_timeout = 5000');
      db.exec(sql);
    } finally {
      db.close();
    }
  };
  run(`CREATE TRIGGER ${tag} BEFORE INSERT ON platform_outbox
    WHEN json_extract(NEW.doc, '$.topic') = ${literal}
    BEGIN SELECT RAISE(ABORT, 'outbox entries of topic ${topic.replace(/'/g, "''")} refused (test)'); END`);
  return async () => run(`DROP TRIGGER IF EXISTS ${tag}`);
}
