import { Client } from 'pg';
import { ErrorCode } from '../errors/platform-errors';
import { newId } from '../ids';
import { PostgresDocumentStore } from './postgres-document.driver';
import { ContractItem, TEST_POSTGRES_URL } from './documents.fixtures';

/** PostgreSQL-only guarantees beyond the shared contract (documents.contract.test.ts). */
describe('PostgresDocumentStore', () => {
  const schema = `grove_pg_${newId().toLowerCase()}`;
  afterAll(async () => {
    const client = new Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('creates schema, table and indexes once when several services start at the same time', async () => {
    const stores = Array.from(
      { length: 4 },
      () => new PostgresDocumentStore({ url: TEST_POSTGRES_URL, schema, maxConnections: 2 }),
    );
    try {
      const inserted = await Promise.all(
        stores.map((store, i) =>
          store
            .collection(ContractItem)
            .insertOne({ orgId: 'o', slug: `svc-${i}`, status: 'DRAFT', score: 0, tags: [] }),
        ),
      );
      expect(inserted).toHaveLength(4);
      expect(await stores[0].collection(ContractItem).count()).toBe(4);
      // The unique index exists exactly once and is enforced for every store.
      await expect(
        stores[3]
          .collection(ContractItem)
          .insertOne({ orgId: 'o', slug: 'svc-0', status: 'DRAFT', score: 0, tags: [] }),
      ).rejects.toMatchObject({ code: ErrorCode.CONFLICT, details: { fields: ['orgId', 'slug'] } });
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('declares the model indexes as expression indexes (compound unique, sparse as partial)', async () => {
    const store = new PostgresDocumentStore({ url: TEST_POSTGRES_URL, schema });
    try {
      await store.collection(ContractItem).count();
      const client = new Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      const { rows } = await client.query<{ indexdef: string }>(
        'SELECT indexdef FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname',
        [schema],
      );
      await client.end();
      const defs = rows.map((r) => r.indexdef).join('\n');
      expect(defs).toMatch(/UNIQUE INDEX .*doc ->> 'orgId'.*doc ->> 'slug'.* NULLS NOT DISTINCT/);
      expect(defs).toMatch(/UNIQUE INDEX .*'code'.* WHERE/); // sparse: partial index
    } finally {
      await store.close();
    }
  });
});

describe('PostgresDocumentStore without a reachable server', () => {
  const store = new PostgresDocumentStore({ url: 'postgres://postgres@127.0.0.1:9/none' });
  afterAll(() => store.close());

  it('reports UNAVAILABLE from ping and from operations, naming no backend', async () => {
    await expect(store.ping()).rejects.toMatchObject({
      code: ErrorCode.UNAVAILABLE,
      message: 'The document database is unavailable',
    });
    await expect(store.collection(ContractItem).findById('x')).rejects.toMatchObject({
      code: ErrorCode.UNAVAILABLE,
    });
  });

  it('rejects filters outside the grammar before contacting the server', async () => {
    await expect(store.collection(ContractItem).find({ $where: '1' })).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
    });
  });
});
