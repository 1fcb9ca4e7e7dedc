import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode } from '../errors/platform-errors';
import type { SortSpec } from './documents.port';
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
    await store
      .collection(ContractItem)
      .insertOne({ orgId: 'o', slug: 'file', status: 'DRAFT', score: 0, tags: [] });
    await store.close();
    expect((await readdir(dir)).filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm'))).toEqual([
      'documents.sqlite',
    ]);
  });

  it('imports the nedb datafiles of an existing data directory on first start, once', async () => {
    const nedb = new NedbDocumentStore({ dataDir: dir });
    const items = nedb.collection(ContractItem);
    const publishedAt = new Date('2022-02-02T02:02:02.002Z');
    await items.insertOne({
      _id: 'kept',
      orgId: 'o',
      slug: 'kept',
      status: 'DRAFT',
      score: 3,
      tags: ['a'],
      publishedAt,
    });
    await items.insertOne({ _id: 'gone', orgId: 'o', slug: 'gone', status: 'DRAFT', score: 0, tags: [] });
    await items.updateOne({ _id: 'kept' }, { $set: { status: 'APPROVED' } });
    await items.deleteOne({ _id: 'gone' });
    await nedb
      .collection(ContractSession)
      .insertOne({ _id: 's', userId: 'u', lastSeenAt: new Date(Date.now() + 3600_000) });
    await nedb.close();

    const store = new SqliteDocumentStore({ dataDir: dir });
    const imported = store.collection(ContractItem);
    expect(await imported.find({})).toEqual([
      expect.objectContaining({ _id: 'kept', status: 'APPROVED', score: 3, tags: ['a'], publishedAt }),
    ]);
    expect((await imported.findById('kept'))?.createdAt).toBeInstanceOf(Date);
    expect(await store.collection(ContractSession).count()).toBe(1);
    // The model's indexes apply to imported documents.
    await expect(
      imported.insertOne({ orgId: 'o', slug: 'kept', status: 'DRAFT', score: 0, tags: [] }),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    await imported.deleteMany({});
    await store.close();

    // Not again: the database file exists now.
    const reopened = new SqliteDocumentStore({ dataDir: dir });
    expect(await reopened.collection(ContractItem).count()).toBe(0);
    await reopened.close();
  });

  it('in-memory mode writes nothing to disk', async () => {
    const store = new SqliteDocumentStore({ inMemory: true, dataDir: dir });
    await store
      .collection(ContractItem)
      .insertOne({ orgId: 'o', slug: 'mem', status: 'DRAFT', score: 0, tags: [] });
    await store.close();
    expect(await readdir(dir)).toEqual([]);
  });

  it('uses the model index for a filtered, sorted page', async () => {
    const store = new SqliteDocumentStore({ inMemory: true });
    await store.collection(ContractSession).count();
    const db = (store as unknown as { db: import('better-sqlite3').Database }).db;
    // The TTL index (lastSeenAt, then id: the tie-breaker every non-unique index ends with).
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id, doc FROM "contract-sessions" WHERE json_extract(doc, '$."lastSeenAt"') > ? ORDER BY json_extract(doc, '$."lastSeenAt"') DESC, id DESC LIMIT 20`,
      )
      .all('2024') as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX/);
    expect(plan.map((p) => p.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
    await store.close();
  });

  it('reads pages past the middle from the other end, in the same order as from the start', async () => {
    const store = new SqliteDocumentStore({ inMemory: true });
    const items = store.collection(ContractItem);
    const db = (store as unknown as { db: import('better-sqlite3').Database }).db;
    await items.count();
    // 2,501 items: scores with ties and missing ones (nulls sort first ascending), ids not in score order.
    const insert = db.prepare('INSERT INTO "contract-items" (id, doc) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 2501; i++) {
        const doc: Record<string, unknown> = {
          orgId: i % 7 === 0 ? 'other' : 'o',
          slug: `s${i}`,
          status: 'DRAFT',
          tags: [],
        };
        if (i % 11 !== 0) doc.score = (i * 37) % 50;
        insert.run(`id${((i * 7919) % 10007).toString().padStart(5, '0')}`, JSON.stringify(doc));
      }
    })();
    const filter = { orgId: 'o' };
    const total = await items.count(filter);
    const sorts: Array<SortSpec | undefined> = [
      { score: -1 },
      { score: 1 },
      { score: 1, slug: -1 },
      undefined,
    ];
    for (const sort of sorts) {
      const all = (await items.find(filter, { sort })).map((d) => d._id);
      expect(all).toHaveLength(total);
      for (const skip of [
        1000,
        1200,
        total - 1000,
        total - 21,
        total - 20,
        total - 7,
        total - 1,
        total,
        total + 5,
      ]) {
        const page = await items.find(filter, { sort, skip, limit: 20 });
        expect(page.map((d) => d._id)).toEqual(all.slice(skip, skip + 20));
      }
    }
    await store.close();
  });

  it('keeps a count until the collection is written or a transaction rolls back', async () => {
    const store = new SqliteDocumentStore({ inMemory: true });
    const items = store.collection(ContractItem);
    await items.insertOne({ _id: 'a', orgId: 'o', slug: 'a', status: 'DRAFT', score: 0, tags: [] });
    expect(await items.count({ orgId: 'o' })).toBe(1);
    await items.insertOne({ _id: 'b', orgId: 'o', slug: 'b', status: 'DRAFT', score: 0, tags: [] });
    expect(await items.count({ orgId: 'o' })).toBe(2);
    await items.updateOne({ _id: 'b' }, { $set: { orgId: 'p' } });
    expect(await items.count({ orgId: 'o' })).toBe(1);
    await expect(
      store.transaction(async () => {
        await items.insertOne({ _id: 'c', orgId: 'o', slug: 'c', status: 'DRAFT', score: 0, tags: [] });
        expect(await items.count({ orgId: 'o' })).toBe(2);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await items.count({ orgId: 'o' })).toBe(1);
    await items.deleteMany({});
    expect(await items.count({ orgId: 'o' })).toBe(0);
    await store.close();
  });

  it('drops kept counts when another connection writes the file', async () => {
    const store = new SqliteDocumentStore({ dataDir: dir });
    const items = store.collection(ContractItem);
    await items.insertOne({ _id: 'a', orgId: 'o', slug: 'a', status: 'DRAFT', score: 0, tags: [] });
    expect(await items.count({ status: 'DRAFT' })).toBe(1);
    const other = new (await import('better-sqlite3')).default(join(dir, 'documents.sqlite'));
    other
      .prepare(`INSERT INTO "contract-items" (id, doc) VALUES ('b', ?)`)
      .run(JSON.stringify({ orgId: 'o', slug: 'b', status: 'DRAFT', score: 0, tags: [] }));
    other.close();
    expect(await items.count({ status: 'DRAFT' })).toBe(2);
    expect(await items.count({ orgId: 'o' })).toBe(2);
    await store.close();
  });

  it('keeps the number of documents per organization in step with every write (triggers)', async () => {
    const store = new SqliteDocumentStore({ dataDir: dir });
    const items = store.collection(ContractItem);
    const db = (store as unknown as { db: import('better-sqlite3').Database }).db;
    const counted = (orgId: string) =>
      (
        db
          .prepare(`SELECT n FROM "contract-items__counts" WHERE field = 'orgId' AND value = ?`)
          .get(orgId) as { n: number } | undefined
      )?.n ?? 0;
    const scanned = (orgId: string) =>
      (
        db
          .prepare(`SELECT COUNT(*) AS n FROM "contract-items" WHERE json_extract(doc, '$."orgId"') = ?`)
          .get(orgId) as { n: number }
      ).n;
    for (let i = 0; i < 30; i++)
      await items.insertOne({
        _id: `i${i}`,
        orgId: `o${i % 3}`,
        slug: `s${i}`,
        status: 'DRAFT',
        score: 0,
        tags: [],
      });
    await items.updateOne({ _id: 'i0' }, { $set: { orgId: 'o1' } });
    await items.updateOne({ _id: 'i1' }, { $set: { score: 5 } });
    await items.updateMany({ orgId: 'o2' }, { $set: { orgId: 'o9' } });
    await items.deleteOne({ _id: 'i3' });
    await expect(
      items.insertOne({ _id: 'dup', orgId: 'o1', slug: 's1', status: 'DRAFT', score: 0, tags: [] }),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    await store
      .transaction(async () => {
        await items.deleteMany({ orgId: 'o1' });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    for (const org of ['o0', 'o1', 'o2', 'o9', 'none']) {
      expect(counted(org)).toBe(scanned(org));
      expect(await items.count({ orgId: org })).toBe(scanned(org));
    }
    expect(counted('o1')).toBe(11);
    const o0 = scanned('o0');
    await store.close();

    // Counted again from the table when the triggers are (re)created, e.g. over rows written without them.
    const raw = new (await import('better-sqlite3')).default(join(dir, 'documents.sqlite'));
    for (const trigger of raw
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`)
      .all() as Array<{ name: string }>)
      raw.exec(`DROP TRIGGER "${trigger.name}"`);
    raw
      .prepare(`INSERT INTO "contract-items" (id, doc) VALUES ('late', ?)`)
      .run(JSON.stringify({ orgId: 'o0', slug: 'late', status: 'DRAFT', score: 0, tags: [] }));
    raw.close();
    const reopened = new SqliteDocumentStore({ dataDir: dir });
    expect(await reopened.collection(ContractItem).count({ orgId: 'o0' })).toBe(o0 + 1);
    await reopened.close();
  });

  it('runs transactions started together one after the other', async () => {
    const store = new SqliteDocumentStore({ dataDir: dir });
    const items = store.collection(ContractItem);
    const item = (slug: string) => ({ orgId: 'o', slug, status: 'DRAFT' as const, score: 0, tags: [] });
    try {
      // Several callers waiting for one commit used to BEGIN together ("cannot start a transaction within a transaction").
      await Promise.all(
        ['t1', 't2', 't3', 't4'].map((slug) =>
          store.transaction(async (tx) => {
            await tx.collection(ContractItem).insertOne(item(slug));
          }),
        ),
      );
      expect((await items.find({}, { sort: { slug: 1 } })).map((doc) => doc.slug)).toEqual([
        't1',
        't2',
        't3',
        't4',
      ]);
    } finally {
      await store.close();
    }
  });

  it('refuses work after close', async () => {
    const store = new SqliteDocumentStore({ inMemory: true });
    const items = store.collection(ContractItem);
    await store.close();
    await expect(items.count()).rejects.toMatchObject({ code: ErrorCode.UNAVAILABLE });
  });
});
