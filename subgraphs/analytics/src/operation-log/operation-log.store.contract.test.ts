import type { OperationLogEntry, OperationLogStore } from './operation-log-store.port';
import { PostgresOperationLogStore } from './postgres-operation-log.store';
import { analyticsStoreDrivers } from '../analytics.test-support';
import { SqliteOperationLogStore } from './sqlite-operation-log.store';

const T0 = Date.parse('2026-05-01T00:00:00Z');

function entry(n: number, extra: Partial<OperationLogEntry> = {}): OperationLogEntry {
  return {
    id: `e-${String(n).padStart(4, '0')}`,
    at: T0 + Math.floor(n / 2) * 1000, // pairs share a time: the id breaks the tie
    action: n % 3 === 0 ? 'freezeMiniProgram' : 'updateMiniProgram',
    subgraph: 'app-manage',
    actorKind: 'user',
    actorId: n % 2 === 0 ? 'user:u-even' : 'user:u-odd',
    organizationId: n % 4 === 0 ? 'org-b' : 'org-a',
    targetType: 'mini-program',
    targetId: `mp-${n % 5}`,
    summary: `change ${n}, "quoted"\nnext line`,
    changes: ['mini-program.updated'],
    requestId: `req-${n}`,
    clientIp: '192.0.2.1',
    atomic: n !== 7,
    ...extra,
  };
}

const drivers = analyticsStoreDrivers<OperationLogStore>('oplog-store', {
  sqlite: (file) => new SqliteOperationLogStore(file),
  postgres: (options) => new PostgresOperationLogStore(options),
  postgresLabel: 'postgres (standard)',
});

describe.each(drivers)('operation log store contract: $name', (driver) => {
  let store: OperationLogStore;
  let dispose: () => Promise<void>;
  const all = Array.from({ length: 20 }, (_, n) => entry(n));
  const newestFirst = [...all].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));

  beforeEach(async () => {
    ({ store, dispose } = await driver.open());
  });
  afterEach(async () => dispose());

  it('stores each entry once by id and reads it back as written', async () => {
    expect(await store.append(all)).toBe(20);
    expect(await store.append([all[3], entry(3, { summary: 'a redelivery never overwrites' })])).toBe(0);
    const read = await store.list({ targetId: 'mp-3', action: 'freezeMiniProgram' }, 10);
    expect(read).toEqual([all[18], all[3]]);
    expect((await store.list({}, 100)).find((e) => e.id === 'e-0007')?.atomic).toBe(false);
  });

  it('orders newest first with the id as tie-breaker and pages without gaps or repeats', async () => {
    await store.append([...all].reverse());
    const pages: string[][] = [];
    let after: { at: number; id: string } | undefined;
    for (;;) {
      const page = await store.list({}, 6, after);
      if (page.length === 0) break;
      pages.push(page.map((e) => e.id));
      after = { at: page[page.length - 1].at, id: page[page.length - 1].id };
    }
    expect(pages.map((p) => p.length)).toEqual([6, 6, 6, 2]);
    expect(pages.flat()).toEqual(newestFirst.map((e) => e.id));
  });

  it('filters by actor (exact or bare id), action, target, organizations and time', async () => {
    await store.append(all);
    const ids = (entries: OperationLogEntry[]) => entries.map((e) => e.id).sort();
    const expected = (keep: (e: OperationLogEntry) => boolean) =>
      all
        .filter(keep)
        .map((e) => e.id)
        .sort();
    expect(ids(await store.list({ actor: 'user:u-even' }, 100))).toEqual(
      expected((e) => e.actorId === 'user:u-even'),
    );
    expect(ids(await store.list({ actor: 'u-odd' }, 100))).toEqual(
      expected((e) => e.actorId === 'user:u-odd'),
    );
    expect(await store.list({ actor: 'apiClient:u-odd' }, 100)).toEqual([]);
    expect(ids(await store.list({ action: 'freezeMiniProgram', organizationIds: ['org-a'] }, 100))).toEqual(
      expected((e) => e.action === 'freezeMiniProgram' && e.organizationId === 'org-a'),
    );
    expect(ids(await store.list({ targetId: 'mp-2', targetType: 'mini-program' }, 100))).toEqual(
      expected((e) => e.targetId === 'mp-2'),
    );
    expect(ids(await store.list({ organizationIds: ['org-a', 'org-b'] }, 100))).toEqual(expected(() => true));
    expect(await store.list({ organizationIds: [] }, 100)).toEqual([]);
    expect(ids(await store.list({ from: T0 + 3000, to: T0 + 6000 }, 100))).toEqual(
      expected((e) => e.at >= T0 + 3000 && e.at < T0 + 6000),
    );
  });

  it('keeps the null organization of platform-wide lines apart from every organization', async () => {
    await store.append([entry(1, { organizationId: null, id: 'platform-1' }), entry(2)]);
    expect((await store.list({ organizationIds: ['org-a'] }, 10)).map((e) => e.id)).toEqual(['e-0002']);
    expect((await store.list({}, 10)).map((e) => e.organizationId)).toEqual(['org-a', null]);
  });

  it('prunes entries older than the retention', async () => {
    await store.append(all);
    expect(await store.prune(T0 + 5000)).toBe(10);
    expect((await store.list({}, 100)).every((e) => e.at >= T0 + 5000)).toBe(true);
    await store.ping();
  });
});
