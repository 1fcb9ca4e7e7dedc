import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { readProcessEnv, SqliteDocumentStore, type DocumentCollection } from '@grove/platform';
import { MiniProgramModel } from '../subgraphs/app-manage/src/store/mini-program.model';
import { RESULTS } from './bench-process';

/**
 * Embedded documents benchmark (not a test): the mini-program list (filter by organization, newest first,
 * a page of 20, plus the total) on the SQLite driver, at 1 connection.
 * - 100,000 mini-programs in one organization: first and last page, target p99 <= 20 ms;
 * - a 10-program organization on that instance vs. on an empty instance, target <= 1.2x.
 * The 100k rows are written straight into the table in one transaction (seconds, not minutes).
 */
const env = readProcessEnv();
const BIG = Number(env.BENCH_DOCUMENTS ?? 100_000);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 300);
const PAGE = 20;

interface Stats {
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

type Apps = DocumentCollection<MiniProgramModel>;

function list(apps: Apps, orgId: string, skip: number) {
  return Promise.all([apps.find({ orgId }, { sort: { createdAt: -1 }, skip, limit: PAGE }), apps.count({ orgId })]);
}

async function measure(apps: Apps, orgId: string, skip: number, expected: number): Promise<Stats> {
  for (let i = 0; i < 20; i++) await list(apps, orgId, skip); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    const [items, total] = await list(apps, orgId, skip);
    samples.push(performance.now() - start);
    if (items.length !== expected || total === 0) throw new Error(`unexpected page: ${items.length} items, total ${total}`);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), meanMs: round(samples.reduce((a, b) => a + b, 0) / samples.length) };
}

function seed(store: SqliteDocumentStore, orgId: string, count: number, offset: number): void {
  const db = (store as unknown as { db: Database.Database }).db;
  const insert = db.prepare('INSERT INTO "app_mini_programs" (id, doc) VALUES (?, ?)');
  const base = Date.UTC(2024, 0, 1);
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const n = offset + i;
      const at = new Date(base + n * 1000).toISOString();
      const doc = { orgId, name: `app ${n}`, tags: [], status: 'ACTIVE', createdBy: 'bench', createdAt: at, updatedAt: at };
      insert.run(`mp${n.toString(16).padStart(16, '0')}`, JSON.stringify(doc));
    }
  })();
}

async function open(dir: string): Promise<{ store: SqliteDocumentStore; apps: Apps }> {
  const store = new SqliteDocumentStore({ dataDir: dir });
  const apps = store.collection(MiniProgramModel);
  await apps.count(); // creates the table and indexes
  return { store, apps };
}

async function main(): Promise<void> {
  const bigDir = mkdtempSync(join(tmpdir(), 'grove-bench-docs-'));
  const emptyDir = mkdtempSync(join(tmpdir(), 'grove-bench-docs-'));
  try {
    const big = await open(bigDir);
    let started = performance.now();
    seed(big.store, 'org-big', BIG, 0);
    seed(big.store, 'org-small', 10, BIG);
    const seedMs = Math.round(performance.now() - started);

    const empty = await open(emptyDir);
    seed(empty.store, 'org-small', 10, BIG);

    started = performance.now();
    const firstPage = await measure(big.apps, 'org-big', 0, PAGE);
    const lastPage = await measure(big.apps, 'org-big', BIG - PAGE, PAGE);
    const smallOnBig = await measure(big.apps, 'org-small', 0, 10);
    const smallOnEmpty = await measure(empty.apps, 'org-small', 0, 10);
    const smallRatio = Math.round((smallOnBig.p50Ms / smallOnEmpty.p50Ms) * 100) / 100;
    const measureMs = Math.round(performance.now() - started);
    await big.store.close();
    await empty.store.close();

    const result = {
      at: new Date().toISOString(),
      driver: 'sqlite',
      node: process.version,
      documents: BIG,
      rounds: ROUNDS,
      seedMs,
      measureMs,
      firstPage,
      lastPage,
      smallOrgOnBigInstance: smallOnBig,
      smallOrgOnEmptyInstance: smallOnEmpty,
      smallOrgRatioP50: smallRatio,
      targets: {
        firstPageP99: firstPage.p99Ms <= 20,
        lastPageP99: lastPage.p99Ms <= 20,
        smallOrgRatio: smallRatio <= 1.2,
      },
    };
    mkdirSync(RESULTS, { recursive: true });
    const stamp = result.at.replace(/[:T]/g, '-').slice(0, 19);
    writeFileSync(join(RESULTS, `documents-${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
    const row = (name: string, s: Stats) => `| ${name} | ${s.p50Ms} | ${s.p99Ms} | ${s.meanMs} |`;
    const md = [
      `# Documents benchmark (SQLite driver, ${result.at})`,
      '',
      `Mini-program list (orgId filter, createdAt desc, page of ${PAGE}, plus count) at 1 connection, ${ROUNDS} rounds each; ${BIG.toLocaleString('en')} documents in one organization (seeded in ${seedMs} ms). Node ${process.version}. Run: \`npm run bench:documents\`.`,
      '',
      '| case | p50 ms | p99 ms | mean ms |',
      '|---|---|---|---|',
      row(`first page of ${BIG.toLocaleString('en')}`, firstPage),
      row(`last page of ${BIG.toLocaleString('en')}`, lastPage),
      row('10-program org, big instance', smallOnBig),
      row('10-program org, empty instance', smallOnEmpty),
      '',
      `Targets: first/last page p99 <= 20 ms: ${result.targets.firstPageP99 && result.targets.lastPageP99 ? 'met' : 'NOT met'}; small organization ${smallRatio}x of the empty instance (p50; target <= 1.2x): ${result.targets.smallOrgRatio ? 'met' : 'NOT met'}.`,
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
