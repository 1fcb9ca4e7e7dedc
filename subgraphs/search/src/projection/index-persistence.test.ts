import 'reflect-metadata';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE_READ_NAMES, type CatalogueEntry, type CatalogueReadHandlers } from '@grove/contracts';
import { newId, silentLogger } from '@grove/platform';
import { createTestRuntime } from '@grove/testkit';
import { EmbeddedSearchEngine } from '../engine/embedded.engine';
import type { SearchEngine } from '../engine/search-engine.port';
import { relevanceCatalogue } from '../relevance/relevance-catalogue.fixture';
import { RELEVANCE_CASES } from '../relevance/relevance-queries.fixture';
import { createSearchSubgraph } from '../search.subgraph';
import { IndexFilesStore } from '../store/index-files.store';
import { IndexPersistence } from './index-persistence';

const HOUR = 3_600_000;
const catalogue = relevanceCatalogue();

/** What a few queries answer (ids in order, total, facets): two engines answering the same are the same index. */
async function answers(engine: SearchEngine): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const [text] of RELEVANCE_CASES.slice(0, 25)) {
    const result = await engine.search({ text, filter: {}, offset: 0, limit: 10 });
    out.push([text, result.total, result.hits.map((h) => [h.document.appId, h.score]), result.facets]);
  }
  const device = await engine.search({
    text: '银行',
    filter: { statuses: ['PUBLISHED'], searchableOnly: true, orgIds: [catalogue[0].orgId] },
    offset: 0,
    limit: 5,
  });
  out.push(
    device.total,
    device.hits.map((h) => h.document.appId),
  );
  return out;
}

describe('index persistence: snapshot and journal of the embedded index', () => {
  let dir: string;
  let clock: number;
  let identity = 'database-1';
  beforeEach(() => {
    identity = 'database-1';
    dir = mkdtempSync(join(tmpdir(), 'grove-search-index-'));
    clock = Date.UTC(2026, 11, 2);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const open = () => {
    const engine = new EmbeddedSearchEngine();
    const persistence = new IndexPersistence(
      engine,
      new IndexFilesStore(dir),
      { maxAgeMs: 24 * HOUR, now: () => clock, identity },
      silentLogger(),
    );
    return { engine, persistence };
  };

  it('loads what it saved, then replays the changes journaled after the snapshot', async () => {
    const first = open();
    expect(await first.persistence.restore()).toBeNull(); // nothing saved yet: rebuild
    await first.engine.upsert(catalogue);
    await first.persistence.save();
    const saved = await answers(first.engine);

    // After the snapshot: one change applied, one still in flight when the process dies.
    const applied = await first.persistence.record('app', catalogue[1].appId);
    await first.engine.upsert([{ ...catalogue[1], name: '改名之后' }]);
    first.persistence.done(applied);
    await first.persistence.record('organization', catalogue[2].orgId);

    const second = open();
    const replay = await second.persistence.restore();
    expect(replay?.map((e) => [e.kind, e.id])).toEqual([
      ['app', catalogue[1].appId],
      ['organization', catalogue[2].orgId],
    ]);
    expect(await second.engine.count()).toBe(catalogue.length);
    expect(await answers(second.engine)).toEqual(saved);

    // Caught up and saved: nothing left to replay.
    await second.engine.upsert([{ ...catalogue[1], name: '改名之后' }]);
    await second.persistence.save();
    const third = open();
    expect(await third.persistence.restore()).toEqual([]);
    expect((await third.engine.get(catalogue[1].appId))?.name).toBe('改名之后');
    expect(await answers(third.engine)).toEqual(await answers(second.engine));
  });

  it('keeps a change in flight during a save in the journal', async () => {
    const first = open();
    await first.persistence.restore();
    await first.engine.upsert(catalogue.slice(0, 10));
    const inFlight = await first.persistence.record('app', catalogue[3].appId);
    await first.persistence.save();
    first.persistence.done(inFlight);

    const second = open();
    expect((await second.persistence.restore())?.map((e) => e.id)).toEqual([catalogue[3].appId]);
  });

  it('writes overlapping saves one after the other, the later one last', async () => {
    const first = open();
    await first.persistence.restore();
    await first.engine.upsert(catalogue.slice(0, 10));
    const earlier = first.persistence.save();
    const sequence = await first.persistence.record('app', catalogue[4].appId);
    await first.engine.upsert([{ ...catalogue[4], name: '保存之间改名' }]);
    first.persistence.done(sequence);
    const later = first.persistence.save();
    expect((await earlier).journalSequence).toBeLessThan((await later).journalSequence);

    const second = open();
    expect(await second.persistence.restore()).toEqual([]);
    expect((await second.engine.get(catalogue[4].appId))?.name).toBe('保存之间改名');
  });

  it('rebuilds when the snapshot is corrupt, truncated, too old, of another database or has no journal', async () => {
    const seed = async () => {
      const first = open();
      await first.persistence.restore();
      await first.engine.upsert(catalogue.slice(0, 20));
      await first.persistence.save();
    };
    const restored = async () => {
      const next = open();
      const replay = await next.persistence.restore();
      return { replay, count: await next.engine.count() };
    };
    const snapshotPath = join(dir, 'index.snapshot');

    await seed();
    expect(await restored()).toEqual({ replay: [], count: 20 });

    await seed();
    const bytes = readFileSync(snapshotPath);
    bytes[bytes.length >> 1] ^= 0xff;
    writeFileSync(snapshotPath, bytes);
    expect(await restored()).toEqual({ replay: null, count: 0 });

    await seed();
    writeFileSync(snapshotPath, readFileSync(snapshotPath).subarray(0, 100));
    expect(await restored()).toEqual({ replay: null, count: 0 });

    // Cut short of its last bytes (a crash while writing, were it not for the rename) or of half of them.
    for (const keep of [(n: number) => n - 1, (n: number) => n >> 1]) {
      await seed();
      const whole = readFileSync(snapshotPath);
      writeFileSync(snapshotPath, whole.subarray(0, keep(whole.length)));
      expect(await restored()).toEqual({ replay: null, count: 0 });
    }

    // One bit flipped in the postings (three quarters in) and in the header's marker.
    for (const at of [
      (bytes: Buffer) => (bytes.length * 3) >> 2,
      (bytes: Buffer) => bytes.indexOf('database-1'),
    ]) {
      await seed();
      const bytes = readFileSync(snapshotPath);
      bytes[at(bytes)] ^= 0x04;
      writeFileSync(snapshotPath, bytes);
      expect(await restored()).toEqual({ replay: null, count: 0 });
    }

    await seed();
    clock += 25 * HOUR;
    expect(await restored()).toEqual({ replay: null, count: 0 });

    await seed();
    rmSync(join(dir, 'journal.log'));
    expect(await restored()).toEqual({ replay: null, count: 0 });

    await seed();
    identity = 'database-2'; // the same directory beside another (reset, restored) database
    expect(await restored()).toEqual({ replay: null, count: 0 });
  });

  it('a save that fails halfway leaves the previous snapshot in place and no temporary file', async () => {
    const first = open();
    await first.persistence.restore();
    await first.engine.upsert(catalogue.slice(0, 20));
    await first.persistence.save();
    const saved = readFileSync(join(dir, 'index.snapshot'));

    const files = new IndexFilesStore(dir);
    await expect(
      files.writeSnapshot(async (sink) => {
        await sink.write(saved.subarray(0, 1000));
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(join(dir, 'index.snapshot')).equals(saved)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['index.snapshot', 'journal.log']);
    const second = open();
    expect(await second.persistence.restore()).toEqual([]);
    expect(await second.engine.count()).toBe(20);
  });

  it('a restarted search subgraph loads its index instead of reading the whole catalogue again', async () => {
    const entries = new Map<string, CatalogueEntry>(
      catalogue.slice(0, 30).map((d) => [
        d.appId,
        {
          appId: d.appId,
          orgId: d.orgId,
          name: d.name,
          description: d.description,
          category: d.category,
          tags: d.keywords,
          aliases: d.aliases,
          pages: d.pages,
          searchable: d.searchable,
          logoKey: d.logoKey,
          frozen: false,
          published: true,
          delisted: false,
          hostAppIds: d.hostAppIds,
        },
      ]),
    );
    const calls: string[] = [];
    const reads = {
      ...Object.fromEntries(
        CATALOGUE_READ_NAMES.map((name) => [name, () => Promise.reject(new Error(name))]),
      ),
      catalogueAppIds: async () => {
        calls.push('catalogueAppIds');
        return { appIds: [...entries.keys()].sort(), next: null };
      },
      catalogueEntry: async ({ appId }: { appId: string }) => {
        calls.push(`catalogueEntry ${appId}`);
        return entries.get(appId) ?? null;
      },
      catalogueOrganization: async ({ orgId }: { orgId: string }) => ({
        orgId,
        name: `机构${orgId}`,
        frozen: false,
      }),
    } as unknown as CatalogueReadHandlers;
    const runtime = await createTestRuntime({ inMemory: true });
    const start = () =>
      createSearchSubgraph(runtime, {
        reads,
        now: () => clock,
        settings: { consumerGroup: `search-${newId()}`, indexDir: dir },
      });
    try {
      const first = await start();
      await first.services.indexed();
      expect(calls.filter((c) => c === 'catalogueAppIds')).toHaveLength(1);
      const before = await answers(first.services.engine);
      await first.close();

      calls.length = 0;
      const second = await start();
      await second.services.indexed();
      await expect(second.ready?.()).resolves.toMatchObject({ documents: 30, rebuilding: false });
      expect(calls).toEqual([]);
      expect(await second.services.engine.count()).toBe(30);
      expect(await answers(second.services.engine)).toEqual(before);
      await second.close();
    } finally {
      await runtime.dispose();
    }
  });
});
