import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContractItem } from '../documents/documents.fixtures';
import { SqliteDocumentStore } from '../documents/sqlite-document.driver';
import { encodeCursor, keysetPage, type KeysetOrder } from './pagination';

const byScore: KeysetOrder = { name: 'items.score', field: 'score', direction: -1 };
const byDate: KeysetOrder = { name: 'items.published', field: 'publishedAt', direction: 1 };
const size = { defaultTake: 3, maxTake: 5 };

describe('keyset pagination (real SQLite store)', () => {
  let dir: string;
  let store: SqliteDocumentStore;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grove-pages-'));
    store = new SqliteDocumentStore({ dataDir: dir });
    const items = store.collection(ContractItem);
    // Ties on purpose: every second item shares its score and date with its neighbour.
    for (let i = 0; i < 11; i++) {
      await items.insertOne({ _id: `i${String(i).padStart(2, '0')}`, orgId: i % 2 ? 'a' : 'b', slug: `s${i}`, status: 'DRAFT', score: Math.floor(i / 2), tags: [], publishedAt: new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 2))) });
    }
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
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
    expect(() => keysetPage(byScore, { take: 6 }, size, {})).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ field: 'take', maxTake: 5 }) }));
    expect(() => keysetPage(byScore, { take: 0 }, size, {})).toThrow(/take must be an integer from 1 to 5/);
    const other = encodeCursor(byDate, { _id: 'i01', publishedAt: new Date() });
    for (const after of [other, 'not-a-cursor', 42, Buffer.from('["items.score",{"x":1},"i"]').toString('base64url')]) {
      expect(() => keysetPage(byScore, { after }, size, {})).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ field: 'after', reason: 'INVALID_CURSOR' }) }));
    }
  });
});
