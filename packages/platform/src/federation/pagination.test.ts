import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DocumentStore } from '../documents';
import { ContractItem, TEST_POSTGRES_URL } from '../documents/documents.fixtures';
import { PostgresDocumentStore } from '../documents/postgres-document.driver';
import { SqliteDocumentStore } from '../documents/sqlite-document.driver';
import { newId } from '../ids';
import { cursorAt, encodeCursor, keysetPage, type KeysetOrder } from './pagination';
import { keysetSlice, listOrder, SortDirection, type ListOrders } from './list-order';

const byScore: KeysetOrder = { name: 'items.score', field: 'score', direction: -1 };
const byDate: KeysetOrder = { name: 'items.published', field: 'publishedAt', direction: 1 };
const size = { defaultTake: 3, maxTake: 5 };

interface Driver {
  open(): Promise<DocumentStore>;
  cleanUp(): Promise<void>;
}

function sqlite(): Driver {
  let dir = '';
  return {
    open: async () =>
      new SqliteDocumentStore({ dataDir: (dir = await mkdtemp(join(tmpdir(), 'grove-pages-'))) }),
    cleanUp: () => rm(dir, { recursive: true, force: true }),
  };
}

function postgres(): Driver {
  const schema = `grove_pages_${newId().toLowerCase()}`;
  return {
    open: async () => new PostgresDocumentStore({ url: TEST_POSTGRES_URL, schema }),
    cleanUp: async () => {
      const client = new Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

describe.each([
  ['SQLite', sqlite],
  ['PostgreSQL', postgres],
])('keyset pagination (real %s store)', (_name, driver) => {
  const backend = driver();
  let store: DocumentStore;
  beforeAll(async () => {
    store = await backend.open();
    const items = store.collection(ContractItem);
    // Ties on purpose: every second item shares its score and date with its neighbour.
    for (let i = 0; i < 11; i++) {
      await items.insertOne({
        _id: `i${String(i).padStart(2, '0')}`,
        orgId: i % 2 ? 'a' : 'b',
        slug: `s${i}`,
        status: 'DRAFT',
        score: Math.floor(i / 2),
        tags: [],
        publishedAt: new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 2))),
      });
    }
  });
  afterAll(async () => {
    await store?.close();
    await backend.cleanUp();
  });

  const readAll = async (order: KeysetOrder, filter: Record<string, unknown> = {}) => {
    const items = store.collection(ContractItem);
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const page = keysetPage(order, { after }, size, filter);
      const rows = await items.find(page.filter, { sort: page.sort, limit: page.take });
      seen.push(...rows.map((r) => r._id));
      if (rows.length < page.take) break;
      after = encodeCursor(order, rows[rows.length - 1]!);
    }
    return seen;
  };

  it('walks every item once, in a stable order with _id breaking ties, descending and ascending, dates included', async () => {
    const descending = await readAll(byScore);
    expect(descending).toEqual(['i10', 'i09', 'i08', 'i07', 'i06', 'i05', 'i04', 'i03', 'i02', 'i01', 'i00']);
    expect(await readAll(byDate)).toEqual([...descending].reverse());
  });

  it('keeps the list filter on every page', async () => {
    expect(await readAll(byScore, { orgId: 'a' })).toEqual(['i09', 'i07', 'i05', 'i03', 'i01']);
  });

  it('refuses a page size outside 1..maxTake and a cursor of another list or a forged one, with stable codes', () => {
    expect(() => keysetPage(byScore, { take: 6 }, size, {})).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        details: expect.objectContaining({ field: 'take', maxTake: 5 }),
      }),
    );
    expect(() => keysetPage(byScore, { take: 0 }, size, {})).toThrow(/take must be an integer from 1 to 5/);
    const other = encodeCursor(byDate, { _id: 'i01', publishedAt: new Date() });
    for (const after of [
      other,
      'not-a-cursor',
      42,
      Buffer.from('["items.score",{"x":1},"i"]').toString('base64url'),
    ]) {
      expect(() => keysetPage(byScore, { after }, size, {})).toThrow(
        expect.objectContaining({
          code: 'BAD_USER_INPUT',
          details: expect.objectContaining({ field: 'after', reason: 'INVALID_CURSOR' }),
        }),
      );
    }
  });
});

describe('client-chosen orders (listOrder)', () => {
  const orders: ListOrders<'NAME' | 'CREATED_AT'> = {
    list: 'things',
    fields: { NAME: 'name', CREATED_AT: 'createdAt' },
    default: { field: 'CREATED_AT', direction: SortDirection.DESC },
  };

  it('maps the field and direction to a keyset order named after both, the default when absent', () => {
    expect(listOrder(orders)).toEqual({
      name: 'things/CREATED_AT/DESC',
      list: 'things',
      field: 'createdAt',
      direction: -1,
    });
    expect(listOrder(orders, { field: 'NAME', direction: SortDirection.ASC })).toMatchObject({
      field: 'name',
      direction: 1,
    });
    for (const bad of [{ field: 'PASSWORD' }, { field: 'NAME', direction: 'UP' }, { field: '__proto__' }])
      expect(() => listOrder(orders, bad as never)).toThrow(
        expect.objectContaining({
          code: 'BAD_USER_INPUT',
          details: expect.objectContaining({ field: 'orderBy' }),
        }),
      );
  });

  it('refuses a cursor of another order of the list with CURSOR_ORDER_MISMATCH, of another list with INVALID_CURSOR', () => {
    const byName = listOrder(orders, { field: 'NAME', direction: SortDirection.ASC });
    const byNameDesc = listOrder(orders, { field: 'NAME', direction: SortDirection.DESC });
    const cursor = encodeCursor(byName, { _id: 'a', name: 'x' });
    expect(() => keysetPage(byNameDesc, { after: cursor }, size, {})).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ reason: 'CURSOR_ORDER_MISMATCH' }) }),
    );
    expect(() =>
      keysetPage(byName, { after: encodeCursor(byScore, { _id: 'a', score: 1 }) }, size, {}),
    ).toThrow(expect.objectContaining({ details: expect.objectContaining({ reason: 'INVALID_CURSOR' }) }));
    expect(keysetPage(byName, { after: cursor }, size, {}).filter).toEqual({
      $or: [{ name: { $gt: 'x' } }, { name: 'x', _id: { $gt: 'a' } }],
    });
  });

  it('pages a list ordered in memory with the same cursors (keysetSlice)', () => {
    const items = ['b', 'a', 'c', 'a', 'b'].map((name, i) => ({ id: `i${i}`, name }));
    const order = listOrder(orders, { field: 'NAME', direction: SortDirection.DESC });
    const compare = (a: unknown, b: unknown) => String(a).localeCompare(String(b));
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = keysetSlice(items, order, { take: 2, after }, size, (i) => i.name, compare);
      seen.push(...page.map((i) => i.id));
      if (page.length < 2) break;
      after = cursorAt(order, page[1]!.name, page[1]!.id);
    }
    expect(seen).toEqual(['i2', 'i4', 'i0', 'i3', 'i1']);
    expect(
      keysetSlice(items, order, { take: 2, skip: 1 }, size, (i) => i.name, compare).map((i) => i.id),
    ).toEqual(['i4', 'i0']);
  });
});
