/**
 * `npm run bench:console` (issue 11 item 6, a benchmark, not a test): the web console's budgets.
 *  1. Initial JavaScript: what index.html loads before any route (the entry and its modulepreloads), gzip-compressed,
 *     against 350 KB; and what the mini-program list adds (its lazy route chunks), measured in the browser.
 *  2. Time to interactive of the mini-program list with 1,000 mini-programs, in headless Chromium (Debian's), against
 *     an empty page (the router's /healthz) loaded the same way in the same run as the baseline; target under 1.5 s.
 *     TTI here: from navigation start until the list's rows are drawn and the main thread has had no long task (>50 ms)
 *     for 500 ms. Each run is a fresh browser context (nothing cached); the median of RUNS runs is reported.
 * Results: bench/results/console-latest.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readProcessEnv } from '@grove/platform';
import { LoginDocument } from '../schema/generated/graphql';
import { toStoredSession } from '../console/src/auth/session-manager';
import { buildConsole, CONSOLE_DIST } from '../scripts/console-build';
import { dataOf, execute } from '../tests/e2e/src/graphql-client';
import { chromiumMissing, launchChromium } from '../tests/e2e/src/console-browser.harness';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startE2EPlatform } from '../tests/e2e/src/platform-harness';
import { RESULTS } from './bench-process';
import { benchLicenseVendor, seedOrganization } from './bench-seed';

const RUNS = Number(readProcessEnv().CONSOLE_BENCH_RUNS ?? 5);
const MINI_PROGRAMS = 1000;
const PAGE_SIZE = 20;
const INITIAL_JS_BUDGET_KB = 350;
const TTI_TARGET_MS = 1500;
const QUIET_MS = 500;
/** `-- --cpu-prof`: the last list run's main-thread CPU profile (CDP), written to bench/results/profiles/ and summarized. */
const CPU_PROFILE = process.argv.includes('--cpu-prof');

/** Enough of Chromium's trace for the renderer's top-level tasks and the thread that ran them. */
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * CPU time (thread time, not wall time) of the top-level tasks of the page's renderer main thread during the trace:
 * parse, script, style, layout, paint. On a machine other jobs load, wall-clock TTI stretches with the load; this
 * does not, so it shows what a change to the console itself did. The page's renderer is the CrRendererMain thread
 * that worked most (a fresh context gets its own renderer process).
 */
function rendererMainThreadCpuMs(trace: Buffer): number {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const perThread = new Map<string, number>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.name === 'RunTask' && e.tdur !== undefined && mainThreads.has(thread))
      perThread.set(thread, (perThread.get(thread) ?? 0) + e.tdur);
  }
  return Math.max(0, ...perThread.values()) / 1000;
}

interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
}

/** Self time (ms) of a CDP CPU profile by script (the chunk's file name) and by function, the largest first. */
function summarizeProfile(profile: CpuProfile): {
  byScript: Array<[string, number]>;
  byFunction: Array<[string, number]>;
} {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byScript = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (!us) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const script = url.replace(/^.*\//, '') || `(${functionName || 'program'})`;
    byScript.set(script, (byScript.get(script) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'} ${script}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]): [string, number] => [k, Math.round(v / 100) / 10]);
  return { byScript: top(byScript, 15), byFunction: top(byFunction, 30) };
}

/**
 * Where the page's main-thread CPU went, by trace event (self thread time: an event's own time without the events
 * nested in it), e.g. v8.compile, FunctionCall, UpdateLayoutTree, Layout, Paint; the largest first.
 */
function mainThreadBreakdown(trace: Buffer): Array<[string, number]> {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const perThread = new Map<string, TraceEvent[]>();
  for (const e of events)
    if (e.ph === 'X' && e.tdur !== undefined && mainThreads.has(`${e.pid}:${e.tid}`))
      perThread.set(`${e.pid}:${e.tid}`, [...(perThread.get(`${e.pid}:${e.tid}`) ?? []), e]);
  const busiest =
    [...perThread.values()].sort(
      (a, b) =>
        b.reduce((s, e) => s + (e.name === 'RunTask' ? e.tdur! : 0), 0) -
        a.reduce((s, e) => s + (e.name === 'RunTask' ? e.tdur! : 0), 0),
    )[0] ?? [];
  busiest.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  for (const e of busiest) {
    while (stack.length && stack.at(-1)!.ts + (stack.at(-1)!.dur ?? 0) <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.tdur!);
    self.set(e.name, (self.get(e.name) ?? 0) + e.tdur!);
    stack.push(e);
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)
    .map(([name, us]): [string, number] => [name, Math.round(us / 100) / 10]);
}

type Waterfall = Array<{ name: string; start: number; end: number }>;

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The entry script and the chunks index.html preloads: what every first visit downloads before a route. */
function initialJs(): { files: Array<{ file: string; gzip: number; raw: number }>; gzip: number } {
  const html = readFileSync(join(CONSOLE_DIST, 'index.html'), 'utf8');
  const srcs = [
    ...html.matchAll(/<script[^>]+src="\/console\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/console\/([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const files = [...new Set(srcs)].map((file) => {
    const body = readFileSync(join(CONSOLE_DIST, file));
    return { file, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
  // The boot script index.html carries inline (console/build/boot-prefetch.plugin.ts) counts too.
  for (const [, inline] of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    const body = Buffer.from(inline!);
    files.push({
      file: 'index.html (inline boot script)',
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
    });
  }
  return { files, gzip: files.reduce((sum, f) => sum + f.gzip, 0) };
}

async function main(): Promise<void> {
  const missing = chromiumMissing();
  if (missing) throw new Error(`bench:console needs Chromium: ${missing}`);
  const build = buildConsole({ ifStale: true });
  const initial = initialJs();

  const vendor = benchLicenseVendor();
  const e2e = await startE2EPlatform({
    mode: 'embedded',
    env: {
      CONSOLE_DIR: CONSOLE_DIST,
      LICENSE_PUBLIC_KEY: vendor.publicKeyPem,
      RATE_LIMIT_IP_POINTS: '100000',
      RATE_LIMIT_USER_POINTS: '100000',
    },
  });
  const browser = await launchChromium();
  try {
    const seedStarted = Date.now();
    const owner = await seedOrganization(e2e.url, {
      admin: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      miniPrograms: MINI_PROGRAMS,
      vendor,
    });
    console.log(`seeded ${MINI_PROGRAMS} mini-programs in ${Date.now() - seedStarted} ms`);
    const base = e2e.url.replace(/\/graphql$/, '');
    // The owner's session, as the console keeps it after signing in (the seed's owner is the only org member).
    const login = dataOf(
      await execute(e2e.url, LoginDocument, { input: { identifier: owner.email, password: owner.password } }),
    ).login;
    const session = JSON.stringify(toStoredSession(login));

    const baseline: number[] = [];
    const list: number[] = [];
    const rowsAt: number[] = [];
    const domReady: number[] = [];
    const graphqlMs: number[] = [];
    const mainThreadCpu: number[] = [];
    let routeJsBytes = 0;
    const runtimeStyles: number[] = [];
    let waterfall: Waterfall = [];
    let trace: { operations: Array<[number, string]>; longTasks: Array<[number, number]> } = {
      operations: [],
      longTasks: [],
    };
    for (let run = 0; run < RUNS; run++) {
      // Baseline: an empty page from the same server, same browser, fresh context.
      {
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
        const page = await context.newPage();
        await page.goto(`${base}/healthz`, { waitUntil: 'load' });
        baseline.push(
          await page.evaluate(
            () =>
              (globalThis as any).performance.getEntriesByType('navigation')[0].toJSON()
                .loadEventEnd as number,
          ),
        );
        await context.close();
      }
      {
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' });
        // (Runs in the page: `globalThis` is its window; the root program has no DOM types.)
        await context.addInitScript((stored: string) => {
          const page = globalThis as unknown as {
            localStorage: { setItem(key: string, value: string): void };
            __longTaskEnds: number[];
          };
          page.localStorage.setItem('grove.console.session', stored);
          const tasks: number[] = [];
          page.__longTaskEnds = tasks;
          const longTasks: Array<[number, number]> = [];
          (page as any).__longTasks = longTasks;
          new (globalThis as any).PerformanceObserver((entries: any) => {
            for (const entry of entries.getEntries()) {
              tasks.push(entry.startTime + entry.duration);
              longTasks.push([Math.round(entry.startTime), Math.round(entry.duration)]);
            }
          }).observe({ type: 'longtask', buffered: true });
          // Which GraphQL operation each /graphql request was (resource timing only knows the URL).
          const operations: Array<[number, string]> = [];
          (page as any).__operations = operations;
          const original = (globalThis as any).fetch;
          (globalThis as any).fetch = (input: unknown, init?: { body?: unknown }) => {
            if (typeof init?.body === 'string' && init.body.includes('"operationName"'))
              operations.push([
                Math.round((globalThis as any).performance.now()),
                String(JSON.parse(init.body).operationName),
              ]);
            return original(input, init);
          };
        }, session);
        const page = await context.newPage();
        let jsBytes = 0;
        page.on('response', async (response) => {
          if (response.url().endsWith('.js'))
            jsBytes +=
              Number((await response.headerValue('content-length')) ?? 0) || (await response.body()).length;
        });
        const profiling = CPU_PROFILE && run === RUNS - 1;
        const cdp = profiling ? await context.newCDPSession(page) : null;
        if (cdp) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
          await cdp.send('Profiler.start');
        }
        await browser.startTracing(page, { categories: TRACE_CATEGORIES });
        await page.goto(`${base}/console/mini-programs?size=${PAGE_SIZE}`);
        await page
          .locator('.ant-table-row')
          .nth(PAGE_SIZE - 1)
          .waitFor({ timeout: 30_000 });
        const drawn = await page.evaluate(() => performance.now());
        // Quiet window: no long task for QUIET_MS after the rows are drawn (or after the last long task).
        let tti = drawn;
        for (;;) {
          await page.waitForTimeout(QUIET_MS);
          const last = await page.evaluate(() =>
            Math.max(0, ...(globalThis as unknown as { __longTaskEnds: number[] }).__longTaskEnds),
          );
          const next = Math.max(drawn, last);
          if (next === tti) break;
          tti = next;
        }
        const chromeTrace = await browser.stopTracing();
        mainThreadCpu.push(rendererMainThreadCpuMs(chromeTrace));
        if (profiling) {
          console.log('main-thread self CPU time by trace event (ms):');
          for (const [name, ms] of mainThreadBreakdown(chromeTrace)) console.log(`  ${ms}\t${name}`);
        }
        if (cdp) {
          const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
          mkdirSync(join(RESULTS, 'profiles'), { recursive: true });
          const file = join(RESULTS, 'profiles', 'console-list.cpuprofile');
          writeFileSync(file, JSON.stringify(profile));
          const summary = summarizeProfile(profile);
          console.log(`CPU profile of the last list run: ${file} (open in Chrome DevTools)`);
          console.log('self time by script (ms):');
          for (const [name, ms] of summary.byScript) console.log(`  ${ms}\t${name}`);
          console.log('self time by function (ms):');
          for (const [name, ms] of summary.byFunction) console.log(`  ${ms}\t${name}`);
        }
        // Ant Design styles the page still generated in the browser (<style data-css-hash>): the build's static CSS
        // (console/build/antd-static-styles.plugin.ts) should leave none for the list.
        runtimeStyles.push(
          await page.evaluate(
            () => (globalThis as any).document.querySelectorAll('style[data-css-hash]').length as number,
          ),
        );
        const total = await page.locator('.ant-pagination-total-text').textContent();
        if (!total?.includes('1,000') && !total?.includes('1000'))
          throw new Error(`the list does not show 1,000 mini-programs: "${total}"`);
        // Where the time goes: the document's DOMContentLoaded, and the GraphQL round trips before the rows (sequential).
        const phases = await page.evaluate(() => {
          const perf = (globalThis as any).performance;
          const nav = perf.getEntriesByType('navigation')[0].toJSON();
          const calls = perf.getEntriesByType('resource').filter((e: any) => e.name.endsWith('/graphql'));
          return {
            dcl: nav.domContentLoadedEventEnd as number,
            graphql: calls.reduce((sum: number, e: any) => sum + e.duration, 0) as number,
            calls: calls.length as number,
          };
        });
        // The last run's requests in order (start → end, ms from navigation start): what waits on what.
        waterfall = await page.evaluate(() =>
          (globalThis as any).performance.getEntriesByType('resource').map((e: any) => ({
            name: String(e.name).replace(/^https?:\/\/[^/]+/, ''),
            start: Math.round(e.startTime),
            end: Math.round(e.responseEnd),
          })),
        );
        trace = await page.evaluate(() => ({
          operations: (globalThis as any).__operations as Array<[number, string]>,
          longTasks: (globalThis as any).__longTasks as Array<[number, number]>,
        }));
        domReady.push(phases.dcl);
        graphqlMs.push(phases.graphql);
        list.push(tti);
        rowsAt.push(drawn);
        routeJsBytes = jsBytes; // the server sends no compression: raw bytes of JS downloaded for the route
        await context.close();
      }
    }
    const result = {
      initialGzipKb: kb(initial.gzip),
      ttiMs: Math.round(median(list)),
      rowsMs: Math.round(median(rowsAt)),
      baselineMs: Math.round(median(baseline)),
    };
    const md = [
      '# bench:console',
      '',
      `Run ${new Date().toISOString()} on ${readProcessEnv().HOSTNAME ?? 'this machine'} (load: ${(
        await import('node:os')
      )
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}), headless Chromium (${browser.version()}), ${RUNS} runs, medians.`,
      build.built ? `Console build: ${build.ms} ms.` : 'Console build: current, not rebuilt.',
      '',
      '| budget | measured | target | met |',
      '|---|---|---|---|',
      `| initial JavaScript (entry + modulepreloads, gzip -9) | ${result.initialGzipKb} KB | ≤ ${INITIAL_JS_BUDGET_KB} KB | ${result.initialGzipKb <= INITIAL_JS_BUDGET_KB ? 'yes' : 'no'} |`,
      `| mini-program list, ${MINI_PROGRAMS} mini-programs (page of ${PAGE_SIZE}): time to interactive | ${result.ttiMs} ms (rows drawn at ${result.rowsMs} ms) | < ${TTI_TARGET_MS} ms | ${result.ttiMs < TTI_TARGET_MS ? 'yes' : 'no'} |`,
      `| baseline: empty page (/healthz) load, same server and browser | ${result.baselineMs} ms | | |`,
      `| list TTI minus baseline | ${result.ttiMs - result.baselineMs} ms | | |`,
      `| of which: DOMContentLoaded (entry script parsed and run) | ${Math.round(median(domReady))} ms | | |`,
      `| page's main-thread CPU time, navigation to interactive (thread time: what the machine's load does not inflate) | ${Math.round(median(mainThreadCpu))} ms | | |`,
      `| of which: GraphQL round trips before the rows (me, organizations, list) | ${Math.round(median(graphqlMs))} ms | | |`,
      '',
      `All runs (ms): list TTI ${list.map(Math.round).join(', ')}; baseline ${baseline.map(Math.round).join(', ')}; main-thread CPU ${mainThreadCpu.map(Math.round).join(', ')}.`,
      `Ant Design styles generated in the browser on the list (not in the build's static CSS): ${median(runtimeStyles)}.`,
      `JavaScript transferred for the list route (brotli, as the router sends the precompressed build): ${kb(routeJsBytes)} KB.`,
      '',
      'Requests of the last list run (ms from navigation start, start → end):',
      '',
      ...waterfall.map((r) => `- ${r.start} → ${r.end}: ${r.name}`),
      '',
      `GraphQL operations sent (ms: name): ${trace.operations.map(([at, name]) => `${at}: ${name}`).join(', ') || 'none'}.`,
      `Long tasks (start ms + duration ms): ${trace.longTasks.map(([at, ms]) => `${at}+${ms}`).join(', ') || 'none'}.`,
      '',
      'Initial files:',
      '',
      ...initial.files.map((f) => `- ${f.file}: ${kb(f.raw)} KB, ${kb(f.gzip)} KB gzip`),
      '',
    ].join('\n');
    writeFileSync(join(RESULTS, 'console-latest.md'), md);
    console.log(md);
  } finally {
    await browser.close();
    await e2e.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
