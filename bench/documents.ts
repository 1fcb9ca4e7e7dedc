import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import {
  createDocumentStore,
  listOrder,
  readProcessEnv,
  type DocumentCollection,
  type SqliteDocumentStore,
} from '@grove/platform';
import { MiniProgramModel } from '../subgraphs/app-manage/src/store/mini-program.model';
import { MINI_PROGRAM_ORDERS } from '../subgraphs/app-manage/src/store/list-orders';
import { MiniProgramStore } from '../subgraphs/app-manage/src/store/mini-program.store';
import { RESULTS } from './bench-process';

/**
 * Embedded documents benchmark (not a test): the mini-program list as app-manage runs it
 * (`MiniProgramStore.list`: filter by organization, newest first, a page of 20, plus the total) on the
 * SQLite driver, at 1 connection.
 * - 100,000 mini-programs in one organization: first and last page, target p99 <= 20 ms;
 * - a 10-program organization on that instance vs. on an empty instance, target <= 1.2x (p50), with the
 *   rounds of both interleaved so that a busy machine affects both alike.
 * Two modes: "steady" (no write between two lists: the collection keeps the total it counted) and "after a
 * write" (one untimed write to the collection before every timed list: the kept totals are dropped and taken
 * again, from the per-organization counts the SQLite triggers keep). Wall time and the process's CPU time per list are both reported: on a shared machine the
 * wall time includes waiting for a core, the CPU time does not.
 * The 100k rows are written straight into the table in one transaction (seconds, not minutes); the store
 * is then reopened, as after a restart (PRAGMA optimize on open gathers the planner's statistics).
 */
const env = readProcessEnv();
const BIG = Number(env.BENCH_DOCUMENTS ?? 100_000);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 300);
const PAGE = 20;
const SMALL = 10;
const CASE_KEYS = [
  'firstPage',
  'lastPage',
  'smallOrgOnBigInstance',
  'smallOrgOnEmptyInstance',
  'firstPageWithStatus',
];

interface Stats {
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  cpuP50Ms: number;
  cpuP99Ms: number;
}

interface Instance {
  store: SqliteDocumentStore;
  apps: DocumentCollection<MiniProgramModel>;
  list: MiniProgramStore;
}

type Mode = 'steady' | 'after-write';

const round3 = (n: number) => Math.round(n * 1000) / 1000;

function stats(wall: number[], cpu: number[]): Stats {
  const at = (samples: number[], q: number) => {
    const sorted = [...samples].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  };
  return {
    p50Ms: round3(at(wall, 0.5)),
    p99Ms: round3(at(wall, 0.99)),
    meanMs: round3(wall.reduce((a, b) => a + b, 0) / wall.length),
    cpuP50Ms: round3(at(cpu, 0.5)),
    cpuP99Ms: round3(at(cpu, 0.99)),
  };
}

let writes = 0;
/** An untimed write to the collection (another organization's program), so the next list counts again. */
async function touch(instance: Instance): Promise<void> {
  await instance.apps.updateOne({ _id: appId(BIG + SMALL) }, { $set: { description: `touch ${++writes}` } });
}

interface Case {
  instance: Instance;
  orgId: string;
  status?: 'ACTIVE';
  skip: number;
  expected: number;
  total: number;
}

/** Runs the cases round-robin (one list of each per round), so load spikes hit every case alike. */
async function measure(cases: Case[], mode: Mode): Promise<Stats[]> {
  const wall = cases.map(() => [] as number[]);
  const cpu = cases.map(() => [] as number[]);
  for (let round = -20; round < ROUNDS; round++) {
    for (const [i, c] of cases.entries()) {
      if (mode === 'after-write') await touch(c.instance);
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      const { items, total } = await c.instance.list.list({
        orgId: c.orgId,
        status: c.status,
        // The console's default order (newest first, id as the tie-breaker).
        order: listOrder(MINI_PROGRAM_ORDERS),
        skip: c.skip,
        take: PAGE,
      });
      const elapsed = performance.now() - start;
      const used = process.cpuUsage(cpuStart);
      if (items.length !== c.expected || total !== c.total)
        throw new Error(`unexpected page: ${items.length} items, total ${total}`);
      if (round < 0) continue; // warm-up
      wall[i].push(elapsed);
      cpu[i].push((used.user + used.system) / 1000);
    }
  }
  return cases.map((_, i) => stats(wall[i], cpu[i]));
}

function appId(n: number): string {
  return `mp${n.toString(16).padStart(16, '0')}`;
}

function seed(store: SqliteDocumentStore, orgId: string, count: number, offset: number): void {
  const db = (store as unknown as { db: Database.Database }).db;
  const insert = db.prepare('INSERT INTO "app_mini_programs" (id, doc) VALUES (?, ?)');
  const base = Date.UTC(2024, 0, 1);
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const n = offset + i;
      const at = new Date(base + n * 1000).toISOString();
      const doc = {
        orgId,
        name: `app ${n}`,
        tags: [],
        status: 'ACTIVE',
        createdBy: 'bench',
        createdAt: at,
        updatedAt: at,
      };
      insert.run(appId(n), JSON.stringify(doc));
    }
  })();
}

/** The planner's view after the reopen: statistics present, and the list statements' plans (no sort step). */
function plans(store: SqliteDocumentStore): { analyzed: boolean; page: string; count: string } {
  const db = (store as unknown as { db: Database.Database }).db;
  const explain = (sql: string, ...params: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>)
      .map((row) => row.detail)
      .join('; ');
  const where = `json_extract(doc, '$."orgId"') = ?`;
  const hasStats = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`).get() !== undefined;
  return {
    analyzed:
      hasStats &&
      db.prepare(`SELECT 1 FROM sqlite_stat1 WHERE tbl = 'app_mini_programs'`).get() !== undefined,
    page: explain(
      `SELECT id, doc FROM "app_mini_programs" WHERE ${where} ORDER BY json_extract(doc, '$."createdAt"') DESC, id DESC LIMIT ? OFFSET ?`,
      'org-big',
      PAGE,
      0,
    ),
    count: explain(`SELECT COUNT(*) AS n FROM "app_mini_programs" WHERE ${where}`, 'org-big'),
  };
}

async function open(dir: string): Promise<Instance> {
  const store = (await createDocumentStore({ driver: 'sqlite', dataDir: dir })) as SqliteDocumentStore;
  return { store, apps: store.collection(MiniProgramModel), list: new MiniProgramStore(store) };
}

/** Seeds through the table (creating it first), then reopens the store as after a restart. */
async function build(
  dir: string,
  orgs: Array<[orgId: string, count: number, offset: number]>,
): Promise<Instance> {
  const first = await open(dir);
  await first.apps.findById(appId(0)); // creates the table and its indexes
  for (const [orgId, count, offset] of orgs) seed(first.store, orgId, count, offset);
  await first.store.close();
  return open(dir);
}

async function main(): Promise<void> {
  const bigDir = mkdtempSync(join(tmpdir(), 'grove-bench-docs-'));
  const emptyDir = mkdtempSync(join(tmpdir(), 'grove-bench-docs-'));
  const load = loadavg().map((l) => Math.round(l * 100) / 100);
  try {
    let started = performance.now();
    const big = await build(bigDir, [
      ['org-big', BIG, 0],
      ['org-small', SMALL, BIG],
      ['org-other', 1, BIG + SMALL],
    ]);
    const seedMs = Math.round(performance.now() - started);
    const planner = plans(big.store);
    if (/TEMP B-TREE/.test(planner.page)) throw new Error(`the page statement sorts: ${planner.page}`);
    const empty = await build(emptyDir, [
      ['org-small', SMALL, BIG],
      ['org-other', 1, BIG + SMALL],
    ]);

    started = performance.now();
    const cases: Case[] = [
      { instance: big, orgId: 'org-big', skip: 0, expected: PAGE, total: BIG },
      { instance: big, orgId: 'org-big', skip: BIG - PAGE, expected: PAGE, total: BIG },
      { instance: big, orgId: 'org-small', skip: 0, expected: SMALL, total: SMALL },
      { instance: empty, orgId: 'org-small', skip: 0, expected: SMALL, total: SMALL },
      // Not a target: a second filter field, whose total is a COUNT over the organization's rows.
      { instance: big, orgId: 'org-big', status: 'ACTIVE', skip: 0, expected: PAGE, total: BIG },
    ];
    const modes: Mode[] = ['steady', 'after-write'];
    const results: Record<Mode, Stats[]> = { steady: [], 'after-write': [] };
    for (const mode of modes) results[mode] = await measure(cases, mode);
    const measureMs = Math.round(performance.now() - started);
    await big.store.close();
    await empty.store.close();

    const ratio = (s: Stats[], key: 'p50Ms' | 'cpuP50Ms') => Math.round((s[2][key] / s[3][key]) * 100) / 100;
    const verdict = (mode: Mode) => {
      const [first, last] = results[mode];
      return {
        firstPageP99: first.p99Ms <= 20,
        lastPageP99: last.p99Ms <= 20,
        smallOrgRatioP50: ratio(results[mode], 'p50Ms'),
        smallOrgRatioCpuP50: ratio(results[mode], 'cpuP50Ms'),
        smallOrgRatio: ratio(results[mode], 'p50Ms') <= 1.2,
      };
    };
    const result = {
      at: new Date().toISOString(),
      driver: 'sqlite',
      node: process.version,
      loadAverage: load,
      documents: BIG,
      rounds: ROUNDS,
      seedMs,
      measureMs,
      planner,
      steady: Object.fromEntries(CASE_KEYS.map((k, i) => [k, results.steady[i]])),
      afterWrite: Object.fromEntries(CASE_KEYS.map((k, i) => [k, results['after-write'][i]])),
      targets: { steady: verdict('steady'), afterWrite: verdict('after-write') },
    };
    mkdirSync(RESULTS, { recursive: true });
    const stamp = result.at.replace(/[:T]/g, '-').slice(0, 19);
    writeFileSync(join(RESULTS, `documents-${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);

    const names = [
      `first page of ${BIG.toLocaleString('en')}`,
      `last page of ${BIG.toLocaleString('en')}`,
      `${SMALL}-program org, big instance`,
      `${SMALL}-program org, empty instance`,
      `first page of ${BIG.toLocaleString('en')}, status=ACTIVE too (not a target)`,
    ];
    const rows = modes.flatMap((mode) =>
      results[mode].map(
        (s, i) =>
          `| ${mode} | ${names[i]} | ${s.p50Ms} | ${s.p99Ms} | ${s.meanMs} | ${s.cpuP50Ms} | ${s.cpuP99Ms} |`,
      ),
    );
    const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
    const summary = (mode: Mode, label: string) => {
      const v = verdict(mode);
      return `- ${label}: first/last page p99 <= 20 ms: ${met(v.firstPageP99 && v.lastPageP99)}; small organization ${v.smallOrgRatioP50}x of the empty instance (wall p50; CPU p50 ${v.smallOrgRatioCpuP50}x; target <= 1.2x): ${met(v.smallOrgRatio)}.`;
    };
    const md = [
      `# Documents benchmark (SQLite driver, ${result.at})`,
      '',
      `Mini-program list as app-manage runs it (\`MiniProgramStore.list\`: orgId filter, createdAt desc, page of ${PAGE}, plus the total) at 1 connection, ${ROUNDS} rounds per case, cases interleaved; ${BIG.toLocaleString('en')} documents in one organization (seeded in ${seedMs} ms). Node ${process.version}, load average at start ${load.join(' / ')} on ${'a shared machine'}. Run: \`npm run bench:documents\`.`,
      '',
      '"steady": no write between lists (the collection keeps the totals it counted until its next write). "after-write": an untimed write to the collection before every list drops them, so each list takes its total again (for an organization: one lookup in the counts the triggers keep) and the last page is read from the other end with a fresh total.',
      "CPU is this process's CPU time per list; the wall time also holds the time spent waiting for a core.",
      `Planner statistics after the reopen: ${planner.analyzed ? 'present' : 'absent'}. Page plan: ${planner.page}. COUNT plan (other filters): ${planner.count}.`,
      '',
      '| mode | case | p50 ms | p99 ms | mean ms | CPU p50 ms | CPU p99 ms |',
      '|---|---|---|---|---|---|---|',
      ...rows,
      '',
      'Targets:',
      summary('steady', 'steady'),
      summary('after-write', 'after a write'),
      '',
    ].join('\n');
    writeFileSync(join(RESULTS, 'documents-latest.md'), md);
    console.log(md);
  } finally {
    rmSync(bigDir, { recursive: true, force: true });
    rmSync(emptyDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
