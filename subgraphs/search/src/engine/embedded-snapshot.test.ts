import { relevanceCatalogue } from '../relevance/relevance-catalogue.fixture';
import { RELEVANCE_CASES } from '../relevance/relevance-queries.fixture';
import {
  decodeSnapshot,
  encodeSnapshot,
  snapshotAnalyzer,
  SnapshotError,
  writeSnapshot,
} from './embedded-snapshot';
import { EmbeddedSearchEngine } from './embedded.engine';
import type { IndexedMiniProgram, SearchEngine } from './search-engine.port';

const catalogue = relevanceCatalogue();
const marker = { journalSequence: 7, savedAt: Date.UTC(2026, 11, 2), identity: 'database-1' };

/** What a set of queries answers (ids and scores in order, totals, facets): equal answers, equal indexes. */
async function answers(engine: SearchEngine): Promise<unknown[]> {
  const out: unknown[] = [await engine.count()];
  for (const [text] of RELEVANCE_CASES.slice(0, 30)) {
    const result = await engine.search({ text, filter: {}, offset: 0, limit: 10 });
    out.push([text, result.total, result.hits.map((h) => [h.document.appId, h.score]), result.facets]);
  }
  const device = await engine.search({
    text: '服务',
    filter: { statuses: ['PUBLISHED'], searchableOnly: true, hostAppId: catalogue[0].hostAppIds[0] },
    offset: 0,
    limit: 5,
  });
  out.push(
    device.total,
    device.hits.map((h) => [h.document.appId, h.document]),
  );
  // Every document as stored, by id (those the tests add included).
  const ids = [...catalogue.map((d) => d.appId), ...catalogue.map((_, i) => `new-${i}`)];
  out.push(Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await engine.get(id)]))));
  return out;
}

async function engineWith(documents: readonly IndexedMiniProgram[]): Promise<EmbeddedSearchEngine> {
  const engine = new EmbeddedSearchEngine();
  await engine.upsert(documents);
  return engine;
}

async function snapshotOf(engine: EmbeddedSearchEngine): Promise<Buffer> {
  const frozen = engine.freeze();
  try {
    return await encodeSnapshot(frozen, marker);
  } finally {
    frozen.release();
  }
}

const renamed = (document: IndexedMiniProgram, name: string): IndexedMiniProgram => ({
  ...document,
  name,
  aliases: [...document.aliases, `${name}别名`],
});

describe('embedded index snapshot (binary format 2)', () => {
  it('loads into an engine that answers as the saved one did, empty slots included, and goes on from there', async () => {
    const engine = await engineWith(catalogue);
    // Removed documents leave empty slots: written as they are, not renumbered.
    await engine.remove(catalogue.slice(10, 40).map((d) => d.appId));
    const snapshot = await snapshotOf(engine);
    const { header, state } = await decodeSnapshot(snapshot);
    expect(header.marker).toEqual(marker);
    expect(state.documents.filter(Boolean)).toHaveLength(catalogue.length - 30);
    const loaded = EmbeddedSearchEngine.fromState(state);
    expect(await answers(loaded)).toEqual(await answers(engine));

    // The loaded postings are views of the snapshot's arrays: growing and shrinking them must behave as any other.
    const changes = async (target: EmbeddedSearchEngine) => {
      await target.upsert(catalogue.slice(10, 20));
      await target.upsert([renamed(catalogue[50], '掌上公积金'), renamed(catalogue[51], '银行服务大厅')]);
      await target.remove([catalogue[60].appId, catalogue[61].appId]);
    };
    await changes(loaded);
    await changes(engine);
    expect(await answers(loaded)).toEqual(await answers(engine));
  });

  it('writes the index as frozen while writes go on between its chunks', async () => {
    const engine = await engineWith(catalogue.slice(0, 200));
    const before = await answers(engine);
    const frozen = engine.freeze();
    const changed: IndexedMiniProgram[] = [];
    let writes = 0;
    const chunks: Buffer[] = [];
    // Every chunk the writer hands out, the engine changes: renames (postings shrink in place and grow), removals,
    // new documents (new terms, new postings) and re-adds into freed slots.
    const options = { chunkBytes: 2048, documentsPerStep: 8, termsPerStep: 32 };
    await writeSnapshot(
      frozen,
      marker,
      {
        write: async (bytes) => {
          chunks.push(Buffer.from(bytes));
          const i = writes++;
          if (i >= 100) return;
          await engine.upsert([renamed(catalogue[i], `改名${i}号银行服务`)]);
          await engine.remove([catalogue[100 + i].appId]);
          await engine.upsert([catalogue[200 + i], { ...catalogue[100 + i], appId: `new-${i}` }]);
          changed.push(catalogue[i]);
        },
      },
      options,
    );
    frozen.release();
    expect(changed.length).toBeGreaterThan(20);
    writes = changed.length;
    const loaded = EmbeddedSearchEngine.fromState((await decodeSnapshot(Buffer.concat(chunks))).state);
    expect(await answers(loaded)).toEqual(before);

    // And the live engine has every change.
    const expected = catalogue
      .slice(0, 200)
      .map((d, i) => (i < writes ? renamed(d, `改名${i}号银行服务`) : d));
    const reference = await engineWith(
      expected
        .filter((_, i) => i < 100 || i >= 100 + writes)
        .concat(catalogue.slice(200, 200 + writes))
        .concat(catalogue.slice(100, 100 + writes).map((d, i) => ({ ...d, appId: `new-${i}` }))),
    );
    const live = (await answers(engine)) as unknown[];
    const wanted = (await answers(reference)) as unknown[];
    // Equal up to ties in score order: compare totals, facets and the set of scored hits per query.
    const normalize = (rows: unknown[]) =>
      rows.slice(0, 31).map((row) => {
        if (!Array.isArray(row)) return row;
        const [text, total, hits, facets] = row as [string, number, Array<[string, number]>, unknown];
        return [text, total, [...hits].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)), facets];
      });
    expect(normalize(live)).toEqual(normalize(wanted));
    expect(live.at(-1)).toEqual(wanted.at(-1));
  });

  it('writes the index as frozen when the engine is cleared and refilled during the save', async () => {
    const engine = await engineWith(catalogue.slice(0, 120));
    const before = await answers(engine);
    const frozen = engine.freeze();
    await engine.clear();
    await engine.upsert(catalogue.slice(150, 300).map((d) => renamed(d, `${d.name}新版`)));
    const snapshot = await encodeSnapshot(frozen, marker);
    frozen.release();
    expect(await answers(EmbeddedSearchEngine.fromState((await decodeSnapshot(snapshot)).state))).toEqual(
      before,
    );
    expect(await engine.count()).toBe(150);
  });

  it('refuses a truncated snapshot wherever it was cut', async () => {
    const snapshot = await snapshotOf(await engineWith(catalogue.slice(0, 40)));
    const cuts = [0, 7, 12, 40, snapshot.length - 33, snapshot.length - 32, snapshot.length - 1];
    for (let i = 1; i < 24; i++) cuts.push(Math.floor((snapshot.length * i) / 24));
    for (const cut of cuts)
      await expect(decodeSnapshot(snapshot.subarray(0, cut))).rejects.toBeInstanceOf(SnapshotError);
    // Appended garbage is refused too (the trailer is read from the end).
    await expect(decodeSnapshot(Buffer.concat([snapshot, Buffer.from([0])]))).rejects.toBeInstanceOf(
      SnapshotError,
    );
  });

  it('refuses a snapshot with one bit flipped anywhere', async () => {
    const snapshot = await snapshotOf(await engineWith(catalogue.slice(0, 40)));
    const positions = new Set<number>();
    for (let at = 0; at < 200; at++) positions.add(at); // magic, header
    for (let at = snapshot.length - 300; at < snapshot.length; at++) positions.add(at); // contents, checksum
    for (let at = 0; at < snapshot.length; at += 97) positions.add(at); // the sections
    for (const at of positions) {
      const copy = Buffer.from(snapshot);
      copy[at] ^= 1 << (at % 8);
      await expect(decodeSnapshot(copy)).rejects.toBeInstanceOf(SnapshotError);
    }
  });

  it('refuses another format, another analyzer and format 1', async () => {
    const snapshot = await snapshotOf(await engineWith(catalogue.slice(0, 5)));
    const edited = (from: string, to: string) => {
      const text = snapshot.toString('latin1');
      expect(text.indexOf(from)).toBeGreaterThanOrEqual(0);
      return Buffer.from(text.replace(from, to), 'latin1');
    };
    await expect(decodeSnapshot(edited('"format":2', '"format":3'))).rejects.toThrow(/format 3/);
    const analyzer = snapshotAnalyzer();
    await expect(decodeSnapshot(edited(analyzer, analyzer.replace('icu=', 'icv=')))).rejects.toThrow(
      /analyzer/,
    );
    await expect(decodeSnapshot(edited('GROVEIX2', 'GROVEIX1'))).rejects.toThrow(/format 1/);
  });
});
