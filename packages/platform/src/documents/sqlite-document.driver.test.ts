import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode } from '../errors/platform-errors';
import { NedbDocumentStore } from './nedb-document.driver';
import { SqliteDocumentStore } from './sqlite-document.driver';
import { ContractItem, ContractSession } from './documents.fixtures';

/** SQLite-only guarantees beyond the shared contract (documents.contract.test.ts). */
describe('SqliteDocumentStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grove-sqlite-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps every collection in <dataDir>/documents.sqlite', async () => {
    const store = new SqliteDocumentStore({ dataDir: dir });
    await store.collection(ContractItem).insertOne({ orgId: 'o', slug: 'file', status: 'DRAFT', score: 0, tags: [] });
    await store.close();
    expect((await readdir(dir)).filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm'))).toEqual(['documents.sqlite']);
  });

  it('imports the nedb datafiles of an existing data directory on first start, once', async () => {
    const nedb = new NedbDocumentStore({ dataDir: dir });
    const items = nedb.collection(ContractItem);
    const publishedAt = new Date('2022-02-02T02:02:02.002Z');
    await items.insertOne({ _id: 'kept', orgId: 'o', slug: 'kept', status: 'DRAFT', score: 3, tags: ['a'], publishedAt });
    await items.insertOne({ _id: 'gone', orgId: 'o', slug: 'gone', status: 'DRAFT', score: 0, tags: [] });
    await items.updateOne({ _id: 'kept' }, { $set: { status: 'APPROVED' } });
    await items.deleteOne({ _id: 'gone' });
    await nedb.collection(ContractSession).insertOne({ _id: 's', userId: 'u', lastSeenAt: new Date(Date.now() + 3600_000) });
    await nedb.close();

    const store = new SqliteDocumentStore({ dataDir: dir });
    const imported = store.collection(ContractItem);
    expect(await imported.find({})).toEqual([expect.objectContaining({ _id: 'kept', status: 'APPROVED', score: 3, tags: ['a'], publishedAt })]);
    expect((await imported.findById('kept'))?.createdAt).toBeInstanceOf(Date);
    expect(await store.collection(ContractSession).count()).toBe(1);
    // The model's indexes apply to imported documents.
    await expect(imported.insertOne({ orgId: 'o', slug: 'kept', status: 'DRAFT', score: 0, tags: [] })).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    await imported.deleteMany({});
    await store.close();

    // Not again: the database file exists now.
    const reopened = new SqliteDocumentStore({ dataDir: dir });
    expect(await reopened.collection(ContractItem).count()).toBe(0);
    await reopened.close();
  });

  it('in-memory mode writes nothing to disk', async () => {
    const store = new SqliteDocumentStore({ inMemory: true, dataDir: dir });
    await store.collection(ContractItem).insertOne({ orgId: 'o', slug: 'mem', status: 'DRAFT', score: 0, tags: [] });
    await store.close();
    expect(await readdir(dir)).toEqual([]);
  });

  it('uses the model index for a filtered, sorted page', async () => {
    const store = new SqliteDocumentStore({ inMemory: true });
    await store.collection(ContractSession).count();
    const db = (store as unknown as { db: import('better-sqlite3').Database }).db;
    // The TTL index (lastSeenAt, then id: the tie-breaker every non-unique index ends with).
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT id, doc FROM "contract-sessions" WHERE json_extract(doc, '$."lastSeenAt"') > ? ORDER BY json_extract(doc, '$."lastSeenAt"') DESC, id DESC LIMIT 20`)
      .all('2024') as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX/);
    expect(plan.map((p) => p.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
    await store.close();
  });

  it('refuses work after close', async () => {
    const store = new SqliteDocumentStore({ inMemory: true });
    const items = store.collection(ContractItem);
    await store.close();
    await expect(items.count()).rejects.toMatchObject({ code: ErrorCode.UNAVAILABLE });
  });
});
