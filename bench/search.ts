import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { readProcessEnv } from '@grove/platform';
import {
  CatalogueStatus,
  EmbeddedSearchEngine,
  IndexFilesStore,
  readSnapshot,
  writeSnapshot,
  type IndexedMiniProgram,
  type SearchEngine,
} from '@grove/search';
import { BeforeMiniSearchEngine } from './search-before.engine';

/**
 * `npm run bench:search`: the search of issue 10 over 100,000 generated mini-programs (Chinese names, aliases, tags,
 * descriptions, organizations, some searchable pages; the shapes of the relevance set, combined at random with a
 * fixed seed). Measures, in one run on this machine, for Grove's embedded engine (MiniSearch + the Chinese analyzer,
 * ADR 0011) and for the baseline (a plain MiniSearch with its default tokenizer over the same fields and data):
 * indexing throughput, heap after indexing, and search latency (p50 / p99) over the same queries. Also Grove's engine
 * with a device's filter (host app, published, searchable) and the hits each finds for the Chinese queries (the
 * baseline's default tokenizer splits on spaces and punctuation only, so it finds few). Writes
 * bench/results/search-<date>.json and bench/results/search-latest.md. Not a test: nothing here asserts a time.
 */
const DOCUMENTS = Number(readProcessEnv().SEARCH_BENCH_DOCUMENTS ?? 100_000);
const SEARCHES = Number(readProcessEnv().SEARCH_BENCH_SEARCHES ?? 3_000);
/** Searches timed on the engine before issue 10's performance work (0 leaves it out: it indexes at ~300 docs/s). */
const BEFORE_SEARCHES = Number(readProcessEnv().SEARCH_BENCH_BEFORE_SEARCHES ?? 300);
const BATCH = 1_000;

let seed = 20261202;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const CITIES = [
  '北京',
  '上海',
  '广州',
  '深圳',
  '杭州',
  '成都',
  '武汉',
  '西安',
  '南京',
  '重庆',
  '苏州',
  '天津',
  '长沙',
  '郑州',
  '青岛',
  '厦门',
  '宁波',
  '合肥',
  '昆明',
  '大连',
];
const SERVICES: Array<[string, string, string[], string]> = [
  ['公积金查询', '政务', ['公积金', '住房'], '住房公积金余额、缴存明细与贷款进度查询'],
  ['社保服务', '政务', ['社保', '养老'], '社会保险缴费记录、养老金测算与参保证明'],
  ['医保电子凭证', '医疗', ['医保', '看病'], '医保码就医结算与药店购药'],
  ['挂号预约', '医疗', ['挂号', '医院'], '三甲医院专家号预约与候诊提醒'],
  ['地铁乘车码', '交通', ['地铁', '乘车'], '扫码进出站与行程记录'],
  ['停车缴费', '交通', ['停车', '缴费'], '路边停车与停车场在线缴费'],
  ['ETC办理', '交通', ['ETC', '高速'], '高速公路ETC在线申办与账单'],
  ['生鲜配送', '生活服务', ['买菜', '生鲜'], '蔬菜水果肉禽半小时送达'],
  ['外卖点餐', '餐饮', ['外卖', '美食'], '附近餐厅外卖与到店自取'],
  ['电影票', '娱乐', ['电影', '影院'], '选座购票与热映影片'],
  ['信用卡还款', '金融', ['信用卡', '账单'], '信用卡账单查询、还款与积分兑换'],
  ['理财助手', '金融', ['理财', '基金'], '基金定投与理财产品比较'],
  ['快递查询', '生活服务', ['快递', '物流'], '快递单号追踪与上门寄件'],
  ['共享单车', '交通', ['单车', '骑行'], '扫码骑行与月卡'],
  ['天气预报', '工具', ['天气', '预报'], '逐小时天气与空气质量'],
  ['招聘求职', '生活服务', ['招聘', '找工作'], '本地企业招聘与简历投递'],
  ['二手交易', '购物', ['二手', '闲置'], '闲置物品买卖与回收'],
  ['酒店预订', '旅游', ['酒店', '住宿'], '酒店民宿预订与会员价'],
  ['景区门票', '旅游', ['门票', '景区'], '景区门票预约与导览'],
  ['水电燃气', '生活服务', ['缴费', '水费'], '水费电费燃气费在线缴纳'],
];
const BRANDS = [
  '掌上',
  '智慧',
  '惠民',
  '便民',
  '云上',
  '易',
  '悦',
  '优选',
  '畅行',
  '安心',
  '乐享',
  '速达',
  '星选',
  '鲸选',
  '小橙',
  '蓝鲸',
  '青柠',
  '红杉',
  '金桥',
  '银河',
];
const SUFFIXES = ['', '', '', '服务', '助手', '通', '宝', 'Pro', '极速版', '小程序'];
const ORG_KINDS = [
  '市大数据中心',
  '科技有限公司',
  '信息技术有限公司',
  '银行股份有限公司',
  '网络科技有限公司',
  '市人民医院',
  '文化传媒有限公司',
];

function generate(count: number): IndexedMiniProgram[] {
  const documents: IndexedMiniProgram[] = [];
  for (let i = 0; i < count; i++) {
    const city = pick(CITIES);
    const [service, category, tags, description] = pick(SERVICES);
    const brand = pick(BRANDS);
    const name = `${random() < 0.5 ? city : brand}${service}${pick(SUFFIXES)}`.slice(0, 40);
    const pages =
      random() < 0.3
        ? [{ path: `pages/${i % 97}/index`, title: `${service}首页`, text: description.slice(0, 20) }]
        : [];
    documents.push({
      appId: `mp${i.toString(16).padStart(16, '0')}`,
      orgId: `org-${i % 5_000}`,
      organizationName: `${city}${pick(BRANDS)}${pick(ORG_KINDS)}`,
      name,
      aliases: random() < 0.4 ? [`${city}${tags[0]}`] : [],
      keywords: tags,
      category,
      description: `${city}${description}`,
      logoKey: null,
      status:
        random() < 0.85
          ? CatalogueStatus.PUBLISHED
          : pick([CatalogueStatus.DRAFT, CatalogueStatus.DELISTED, CatalogueStatus.FROZEN]),
      pages,
      searchable: random() < 0.95,
      hostAppIds: [`host-${i % 50}`],
    });
  }
  return documents;
}

const QUERIES = [
  '公积金',
  '社保',
  '医保',
  '挂号',
  '地铁',
  '停车',
  'etc',
  '买菜',
  '外卖',
  '电影',
  '信用卡',
  '理财',
  '快递',
  '单车',
  '天气',
  '招聘',
  '二手',
  '酒店',
  '门票',
  '水费',
  '北京公积金',
  '上海地铁',
  '深圳停车',
  '杭州医保',
  '成都外卖',
  '公积金查询',
  '信用卡还款',
  '酒店预订',
  '养老金',
  '缴费记录',
  '智慧',
  '掌上社保',
  'gjj',
  'dtcc',
  'Pro',
  '住房公积金余额',
  '高速公路',
  '专家号',
  '逐小时天气',
  '闲置物品',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface Measured {
  engine: string;
  indexSeconds: number;
  docsPerSecond: number;
  heapMb: number;
  p50Ms: number;
  p99Ms: number;
  meanHits: number;
  searches: number;
}

async function timeSearches(
  run: (text: string) => Promise<number> | number,
  searches: number,
): Promise<{ p50Ms: number; p99Ms: number; meanHits: number }> {
  // Warm-up (JIT), and the hits of each query once: the same mean whatever the number of timed searches.
  let hits = 0;
  for (let i = 0; i < 100; i++) {
    const found = await run(QUERIES[i % QUERIES.length]);
    if (i < QUERIES.length) hits += found;
  }
  const times: number[] = [];
  for (let i = 0; i < searches; i++) {
    const query = QUERIES[i % QUERIES.length];
    const start = process.hrtime.bigint();
    await run(query);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), meanHits: hits / QUERIES.length };
}

function heapMb(): number {
  global.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Saves measured alone (each beside its control). */
const SAVE_ROUNDS = 3;

interface SnapshotMeasured {
  bytes: number;
  rounds: Array<{ saveMs: number; maxMs: number; p99Ms: number; maxGcMs: number; controlMaxMs: number }>;
  /** Freeze, stream to a temporary file, fsync, rename, fsync the directory (median of the rounds). */
  saveMs: number;
  /** The longest the event loop was held during a save (monitorEventLoopDelay, 1 ms resolution), median and max. */
  saveMaxStallMs: { median: number; max: number };
  saveStallP99Ms: number;
  saveMaxGcPauseMs: number;
  /** The synchronous part of a save: copying the document slots and field lengths (min / max over the saves). */
  freezeMs: { min: number; max: number };
  /**
   * The control: the longest event-loop stall of this process doing nothing but sub-millisecond steps of arithmetic
   * (a turn of the loop between them) for as long as the save took: what the machine's load alone does to a busy
   * process, since the scheduler preempts it whatever it runs.
   */
  busyControlMaxStallMs: { median: number; max: number };
  /** Open, read every section (checksum, structure), build the engine from it. */
  loadMs: number;
  rebuildFromDocumentsMs: number;
  /** Searches (a device's filter) and writes side by side, without and then during a save. */
  traffic: { withoutSave: Traffic; duringSave: Traffic };
}

interface Traffic {
  searches: number;
  writes: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Longest event-loop delay seen while this traffic ran, and the longest garbage collection pause. */
  maxStallMs: number;
  maxGcPauseMs: number;
}

const ms = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;

/**
 * Event-loop delay while `work` runs: the longest block and the p99 of the timer's lateness, and the longest garbage
 * collection pause in that time.
 */
async function stalls<T>(
  work: () => Promise<T>,
): Promise<{ result: T; maxMs: number; p99Ms: number; maxGcMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let maxGcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) maxGcMs = Math.max(maxGcMs, entry.duration);
  });
  gc.observe({ entryTypes: ['gc'] });
  histogram.enable();
  try {
    const result = await work();
    // Let the observer's queued entries arrive.
    await new Promise<void>((resolve) => setTimeout(resolve, 10));
    return { result, maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6, maxGcMs };
  } finally {
    histogram.disable();
    gc.disconnect();
  }
}

/**
 * A device's searches, one per turn of the event loop, and an update of a mini-program every fifth turn, until
 * `until` settles (or for `forMs` when it is null): what a search process serves while a snapshot is written.
 */
async function traffic(
  engine: EmbeddedSearchEngine,
  documents: readonly IndexedMiniProgram[],
  until: Promise<unknown> | null,
  forMs: number,
): Promise<Traffic> {
  let done = false;
  void until?.then(() => (done = true));
  const started = process.hrtime.bigint();
  const times: number[] = [];
  let writes = 0;
  const { maxMs, maxGcMs } = await stalls(async () => {
    for (let i = 0; !done && (until !== null || ms(started) < forMs); i++) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      const start = process.hrtime.bigint();
      await engine.search({
        text: QUERIES[i % QUERIES.length],
        filter: { hostAppId: `host-${i % 50}`, statuses: [CatalogueStatus.PUBLISHED], searchableOnly: true },
        offset: 0,
        limit: 20,
      });
      times.push(ms(start));
      if (i % 5 === 0) {
        const document = documents[(i * 7919) % documents.length];
        await engine.upsert([{ ...document, name: `${document.name}${i % 2 ? '' : '极速版'}` }]);
        writes += 1;
      }
    }
    await until;
  });
  times.sort((a, b) => a - b);
  return {
    searches: times.length,
    writes,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    maxMs: times[times.length - 1] ?? 0,
    maxStallMs: maxMs,
    maxGcPauseMs: maxGcMs,
  };
}

/**
 * A restart's view of the snapshot: written to a file as the search process does (frozen generation, streamed,
 * fsynced, renamed) with the event-loop delay watched, loaded back into a new engine, then the same save again while
 * searches and writes go on, against the same traffic without a save. The rebuild a restart does without a snapshot
 * (re-indexing every document) in the same run.
 */
async function measureSnapshot(
  engine: EmbeddedSearchEngine,
  documents: readonly IndexedMiniProgram[],
): Promise<SnapshotMeasured> {
  const dir = mkdtempSync(join(tmpdir(), 'grove-bench-search-index-'));
  try {
    const files = new IndexFilesStore(dir);
    const freezes: number[] = [];
    const save = async () => {
      const started = process.hrtime.bigint();
      const frozen = engine.freeze();
      freezes.push(ms(started));
      try {
        const marker = { journalSequence: 1, savedAt: Date.now(), identity: 'bench' };
        return await files.writeSnapshot((sink) => writeSnapshot(frozen, marker, sink));
      } finally {
        frozen.release();
      }
    };
    // Saves alone and the control, interleaved, SAVE_ROUNDS times each: on a loaded machine one maximum is noise.
    const rounds: Array<{
      saveMs: number;
      maxMs: number;
      p99Ms: number;
      maxGcMs: number;
      controlMaxMs: number;
    }> = [];
    let bytes = 0;
    for (let round = 0; round < SAVE_ROUNDS; round++) {
      global.gc?.();
      const started = process.hrtime.bigint();
      const saved = await stalls(save);
      const saveMs = ms(started);
      bytes = saved.result;
      const control = await stalls(async () => {
        const until = process.hrtime.bigint() + BigInt(Math.round(saveMs * 1e6));
        let sink = 0;
        while (process.hrtime.bigint() < until) {
          for (let i = 0; i < 20_000; i++) sink += Math.sqrt(i);
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        return sink;
      });
      rounds.push({
        saveMs,
        maxMs: saved.maxMs,
        p99Ms: saved.p99Ms,
        maxGcMs: saved.maxGcMs,
        controlMaxMs: control.maxMs,
      });
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

    global.gc?.();
    let start = process.hrtime.bigint();
    const source = (await files.openSnapshot())!;
    const loaded = EmbeddedSearchEngine.fromState((await readSnapshot(source)).state);
    await source.close();
    const loadMs = ms(start);
    for (const text of QUERIES) {
      const request = { text, filter: {}, offset: 0, limit: 20 };
      const [a, b] = [await engine.search(request), await loaded.search(request)];
      if (
        a.total !== b.total ||
        a.hits.map((h) => h.document.appId).join() !== b.hits.map((h) => h.document.appId).join()
      )
        throw new Error(`the loaded snapshot answers "${text}" differently`);
    }
    await loaded.clear();

    global.gc?.();
    const withoutSave = await traffic(engine, documents, null, 3_000);
    global.gc?.();
    const duringSave = await traffic(engine, documents, save(), 0);

    start = process.hrtime.bigint();
    const rebuilt = new EmbeddedSearchEngine();
    for (let i = 0; i < documents.length; i += BATCH) await rebuilt.upsert(documents.slice(i, i + BATCH));
    const rebuildFromDocumentsMs = ms(start);
    await rebuilt.clear();
    return {
      bytes,
      rounds,
      saveMs: median(rounds.map((r) => r.saveMs)),
      saveMaxStallMs: {
        median: median(rounds.map((r) => r.maxMs)),
        max: Math.max(...rounds.map((r) => r.maxMs)),
      },
      saveStallP99Ms: median(rounds.map((r) => r.p99Ms)),
      saveMaxGcPauseMs: Math.max(...rounds.map((r) => r.maxGcMs)),
      freezeMs: { min: Math.min(...freezes), max: Math.max(...freezes) },
      busyControlMaxStallMs: {
        median: median(rounds.map((r) => r.controlMaxMs)),
        max: Math.max(...rounds.map((r) => r.controlMaxMs)),
      },
      loadMs,
      rebuildFromDocumentsMs,
      traffic: { withoutSave, duringSave },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureEngine(
  label: string,
  documents: readonly IndexedMiniProgram[],
  create: () => SearchEngine,
  searches: number,
): Promise<{ rows: Measured[]; engine: SearchEngine }> {
  const before = heapMb();
  const start = process.hrtime.bigint();
  const engine = create();
  for (let i = 0; i < documents.length; i += BATCH) await engine.upsert(documents.slice(i, i + BATCH));
  const indexSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const heap = heapMb() - before;
  const indexing = { indexSeconds, docsPerSecond: documents.length / indexSeconds, heapMb: heap };
  const plain = await timeSearches(
    async (text) => (await engine.search({ text, filter: {}, offset: 0, limit: 20 })).total,
    searches,
  );
  const device = await timeSearches(
    async (text) =>
      (
        await engine.search({
          text,
          filter: { hostAppId: 'host-7', statuses: [CatalogueStatus.PUBLISHED], searchableOnly: true },
          offset: 0,
          limit: 20,
        })
      ).total,
    searches,
  );
  return {
    engine,
    rows: [
      { engine: `${label} (no filter)`, ...indexing, ...plain, searches },
      {
        engine: `${label}, a device's filter (host app, published, searchable)`,
        ...indexing,
        ...device,
        searches,
      },
    ],
  };
}

async function main(): Promise<void> {
  const documents = generate(DOCUMENTS);
  const results: Measured[] = [];
  const loadAtStart = loadavg();

  // Baseline: MiniSearch as it comes (default tokenizer: splits on spaces and punctuation), same fields and boosts.
  {
    const before = heapMb();
    const start = process.hrtime.bigint();
    const plain = new MiniSearch<IndexedMiniProgram>({
      idField: 'appId',
      fields: ['name', 'aliases', 'keywords', 'category', 'organizationName', 'description', 'pages'],
      extractField: (document, field) => {
        if (field === 'pages') return document.pages.map((p) => `${p.title}\n${p.text}`).join('\n');
        const value = (document as unknown as Record<string, unknown>)[field];
        return Array.isArray(value) ? value.join('\n') : ((value as string | null) ?? '');
      },
      searchOptions: {
        boost: {
          name: 6,
          aliases: 4,
          keywords: 3,
          category: 2,
          organizationName: 1.5,
          description: 1,
          pages: 0.8,
        },
        prefix: true,
      },
    });
    for (let i = 0; i < documents.length; i += BATCH) plain.addAll(documents.slice(i, i + BATCH));
    const indexSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const heap = heapMb() - before;
    const timing = await timeSearches((text) => plain.search(text).length, SEARCHES);
    results.push({
      engine: 'baseline: plain MiniSearch, default tokenizer',
      indexSeconds,
      docsPerSecond: documents.length / indexSeconds,
      heapMb: heap,
      ...timing,
      searches: SEARCHES,
    });
  }

  // Before (commit abaf97d): MiniSearch with the Chinese analyzer. Slow, so fewer searches (SEARCH_BENCH_BEFORE=0 skips).
  if (BEFORE_SEARCHES > 0) {
    const measured = await measureEngine(
      'before: MiniSearch + Chinese analyzer',
      documents,
      () => new BeforeMiniSearchEngine(),
      BEFORE_SEARCHES,
    );
    results.push(...measured.rows);
    await measured.engine.clear();
  }

  const measuredAfter = await measureEngine(
    "after: Grove's inverted index + Chinese analyzer",
    documents,
    () => new EmbeddedSearchEngine(),
    SEARCHES,
  );
  results.push(...measuredAfter.rows);
  const loadBeforeSnapshot = loadavg();
  const snapshot = await measureSnapshot(measuredAfter.engine as EmbeddedSearchEngine, documents);
  const loadAfterSnapshot = loadavg();
  await measuredAfter.engine.clear();

  const commit = (() => {
    try {
      return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  const at = new Date().toISOString();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, Node ${process.version}`;
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `search-${at.replace(/[:.]/g, '-')}.json`),
    JSON.stringify(
      {
        at,
        commit,
        machine,
        loadAtStart,
        documents: DOCUMENTS,
        searches: SEARCHES,
        queries: QUERIES,
        results,
        snapshot: { ...snapshot, loadAverage: { before: loadBeforeSnapshot, after: loadAfterSnapshot } },
      },
      null,
      2,
    ),
  );
  const row = (prefix: string, device: boolean) =>
    results.find((r) => r.engine.startsWith(prefix) && r.engine.includes("device's") === device);
  const base = results[0];
  const comparisons = [false, true].flatMap((device) => {
    const [before, after] = [row('before', device), row('after', device)];
    if (!before || !after) return [];
    return [
      `- ${device ? "device's filter" : 'no filter'}: search p50 ${before.p50Ms.toFixed(1)} → ${after.p50Ms.toFixed(2)} ms, p99 ${before.p99Ms.toFixed(1)} → ${after.p99Ms.toFixed(2)} ms (${(before.p99Ms / after.p99Ms).toFixed(0)}× lower); mean hits ${before.meanHits.toFixed(0)} → ${after.meanHits.toFixed(0)} (must be equal: same matches, exact totals).`,
    ];
  });
  const [before, after] = [row('before', false), row('after', false)!];
  const lines = [
    `# bench:search (${at}, commit ${commit})`,
    '',
    `${DOCUMENTS.toLocaleString('en')} generated mini-programs, ${SEARCHES} searches (${BEFORE_SEARCHES} on the before engine) over ${QUERIES.length} queries (Chinese words and phrases, pinyin initials, Latin), 20 hits a page; ${machine}; load average at the start ${loadAtStart.map((l) => l.toFixed(1)).join(' ')}.`,
    '',
    '| engine | index time | docs/s | heap after indexing | search p50 | search p99 | mean hits per query | searches |',
    '|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.engine} | ${r.indexSeconds.toFixed(1)} s | ${Math.round(r.docsPerSecond).toLocaleString('en')} | ${Math.round(r.heapMb)} MB | ${r.p50Ms.toFixed(2)} ms | ${r.p99Ms.toFixed(2)} ms | ${r.meanHits.toFixed(0)} | ${r.searches} |`,
    ),
    '',
    'Before → after (same run):',
    ...(before
      ? [
          `- indexing ${Math.round(before.docsPerSecond).toLocaleString('en')} → ${Math.round(after.docsPerSecond).toLocaleString('en')} docs/s, heap ${Math.round(before.heapMb)} → ${Math.round(after.heapMb)} MB.`,
        ]
      : []),
    ...comparisons,
    `- against the baseline (plain MiniSearch): search p99 ${(after.p99Ms / base.p99Ms).toFixed(2)}× its latency, indexing ${(after.docsPerSecond / base.docsPerSecond).toFixed(2)}× its throughput. The baseline finds far fewer hits: its default tokenizer cannot split Chinese text without spaces (公积金 inside 北京公积金查询 is no term of its own), so its latency is that of a much smaller answer.`,
    '',
    `Snapshot of the after index (format 2, binary; a restart loads it instead of rebuilding), load average ${loadBeforeSnapshot.map((l) => l.toFixed(1)).join(' ')} before and ${loadAfterSnapshot.map((l) => l.toFixed(1)).join(' ')} after:`,
    '',
    '| snapshot | value |',
    '|---|---|',
    `| size | ${(snapshot.bytes / 1024 / 1024).toFixed(1)} MB |`,
    `| save (freeze, stream to a file, fsync, rename; median of ${SAVE_ROUNDS}) | ${snapshot.saveMs.toFixed(0)} ms |`,
    `| longest event-loop stall during a save (median / max of ${SAVE_ROUNDS}) | ${snapshot.saveMaxStallMs.median.toFixed(1)} / ${snapshot.saveMaxStallMs.max.toFixed(1)} ms (p99 of the loop's delay ${snapshot.saveStallP99Ms.toFixed(1)} ms; longest GC pause ${snapshot.saveMaxGcPauseMs.toFixed(1)} ms) |`,
    `| control: longest stall of a busy loop of sub-millisecond steps, no save, as long as each save (median / max) | ${snapshot.busyControlMaxStallMs.median.toFixed(1)} / ${snapshot.busyControlMaxStallMs.max.toFixed(1)} ms |`,
    `| the save's synchronous part (freeze: document slots and field lengths copied) | ${snapshot.freezeMs.min.toFixed(1)}–${snapshot.freezeMs.max.toFixed(1)} ms |`,
    `| load (read, checksum, build the engine) | ${snapshot.loadMs.toFixed(0)} ms |`,
    `| rebuild instead: re-index the same documents | ${snapshot.rebuildFromDocumentsMs.toFixed(0)} ms (warm analyzer memo, no reads from the owners) |`,
    '',
    "A device's searches (one per turn) with an update every fifth, without a save (3 s) and while a save runs:",
    '',
    '| traffic | searches | updates | search p50 | search p99 | search max | longest event-loop stall | longest GC pause |',
    '|---|---|---|---|---|---|---|---|',
    ...(['withoutSave', 'duringSave'] as const).map((key) => {
      const t = snapshot.traffic[key];
      return `| ${key === 'withoutSave' ? 'no save' : 'during a save'} | ${t.searches} | ${t.writes} | ${t.p50Ms.toFixed(2)} ms | ${t.p99Ms.toFixed(2)} ms | ${t.maxMs.toFixed(2)} ms | ${t.maxStallMs.toFixed(1)} ms | ${t.maxGcPauseMs.toFixed(1)} ms |`;
    }),
    '',
  ];
  writeFileSync(join(dir, 'search-latest.md'), lines.join('\n'));
  console.log(lines.join('\n'));
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
