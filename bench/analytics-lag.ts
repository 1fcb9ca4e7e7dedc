import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { expect } from 'expect';
import { signRuntimeRequest } from '@grove/sdk-runtime';
import { MiniProgramAnalyticsDocument } from '../schema/generated/graphql';
import { dataOf, execute } from '../tests/e2e/src/graphql-client';
import { startE2EPlatform } from '../tests/e2e/src/platform-harness';
import { RESULTS } from './bench-process';

/**
 * `npm run bench:analytics:lag [-- --reports=200 --rate=10]` (issue 9 §7): end-to-end lag from a report to the
 * statistics. The whole embedded platform (`startPlatform`, as `npm start`), the mini-program story for an app and a
 * host app's SDK keys; then `reports` signed reports (`POST /runtime/v1/reports`, one launch of a new device each:
 * launch, page view, hide) at `rate` per second, while the owner polls `miniProgramAnalytics` for today through the
 * router every 100 ms. A report is visible when today's launches reach its rank in acceptance order (the bus keeps
 * order); its lag is from the 202 to the first answer that counts it. Two configurations, each on its own platform
 * in the same run:
 *
 * - window only: ANALYTICS_ROLLUP_INTERVAL_MS=5000 (today and the late window every 5 s);
 * - today pass: ANALYTICS_ROLLUP_INTERVAL_MS=60000 (the default) with ANALYTICS_TODAY_ROLLUP_INTERVAL_MS=1000.
 *
 * Writes bench/results/analytics-lag-<date>.json and analytics-lag-latest.md.
 */
// The story asserts with Jest's `expect`; outside Jest the same library provides it.
Object.assign(globalThis, { expect });

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const SETTINGS = {
  reports: Number(arg('reports', '200')),
  rate: Number(arg('rate', '10')),
  pollMs: 100,
  timeoutMs: 180_000,
};
const CONFIGS = [
  { label: 'window only, every 5 s', env: { ANALYTICS_ROLLUP_INTERVAL_MS: '5000' } },
  {
    label: 'window every 60 s + today every 1 s',
    env: { ANALYTICS_ROLLUP_INTERVAL_MS: '60000', ANALYTICS_TODAY_ROLLUP_INTERVAL_MS: '1000' },
  },
];

const round = (n: number) => Number(n.toFixed(1));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const shanghaiDay = (ms: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(ms));

async function report(url: string, keys: { sdkKey: string; sdkSecret: string }, appId: string, i: number) {
  const path = '/runtime/v1/reports';
  const now = Date.now();
  const deviceId = `lag-device-${i}`;
  const launchId = `lag-launch-${i}`;
  const base = { appId, deviceId, launchId, platform: 'ANDROID' };
  const events = [
    { ...base, eventId: `${launchId}-1`, type: 'app_launch', clientTs: now - 3000 },
    { ...base, eventId: `${launchId}-2`, type: 'page_show', pagePath: 'pages/index', clientTs: now - 2000 },
    { ...base, eventId: `${launchId}-3`, type: 'app_hide', durationMs: 3000, clientTs: now },
  ];
  const response = await fetch(new URL(path, url), {
    method: 'POST',
    headers: {
      ...signRuntimeRequest({ sdkKey: keys.sdkKey, secret: keys.sdkSecret, method: 'POST', path }),
      'content-type': 'application/json',
    },
    body: JSON.stringify({ schemaVersion: 1, sentAt: now, events }),
  });
  if (response.status !== 202)
    throw new Error(`report refused (${response.status}): ${await response.text()}`);
  return performance.now();
}

async function measure(config: (typeof CONFIGS)[number]) {
  const { runMiniProgramStory, STORY_ENV } = await import('../tests/e2e/src/mini-program-story.scenario');
  const e2e = await startE2EPlatform({ mode: 'embedded', env: { ...STORY_ENV, ...config.env } });
  try {
    const story = await runMiniProgramStory(e2e, { tag: 'lag' });
    const keys = { sdkKey: story.sdkKey, sdkSecret: story.sdkSecret };
    const launches = async () => {
      const today = shanghaiDay(Date.now());
      const answer = dataOf(
        await execute(
          e2e.url,
          MiniProgramAnalyticsDocument,
          { appId: story.appId, from: today, to: today },
          { token: story.ownerToken },
        ),
      ).miniProgramAnalytics!;
      return answer.total.launches;
    };
    // The story's runtime calls are not reports; whatever is counted already is the baseline.
    const before = await launches();
    const sentAt: number[] = [];
    const visibleAt: number[] = [];
    let done = false;
    const poller = (async () => {
      const deadline = performance.now() + SETTINGS.timeoutMs;
      while (!done && performance.now() < deadline) {
        const counted = (await launches()) - before;
        const now = performance.now();
        for (let i = visibleAt.length; i < Math.min(counted, sentAt.length); i++) visibleAt.push(now);
        if (visibleAt.length === SETTINGS.reports) break;
        await new Promise((resolve) => setTimeout(resolve, SETTINGS.pollMs));
      }
    })();
    const gap = 1000 / SETTINGS.rate;
    const t0 = performance.now();
    for (let i = 0; i < SETTINGS.reports; i++) {
      const due = t0 + i * gap;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      sentAt.push(await report(e2e.url, keys, story.appId, i));
    }
    await poller;
    done = true;
    if (visibleAt.length < SETTINGS.reports)
      throw new Error(
        `${config.label}: ${visibleAt.length}/${SETTINGS.reports} reports visible after the timeout`,
      );
    const lags = visibleAt.map((t, i) => t - sentAt[i]!);
    return {
      label: config.label,
      env: config.env,
      p50Ms: round(percentile(lags, 50)),
      p99Ms: round(percentile(lags, 99)),
      maxMs: round(Math.max(...lags)),
    };
  } finally {
    await e2e.stop();
  }
}

async function main(): Promise<void> {
  const loadBefore = loadavg().map((n) => Number(n.toFixed(2)));
  const results = [];
  for (const config of CONFIGS) {
    const row = await measure(config);
    console.log(`${row.label}: p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, max ${row.maxMs} ms`);
    results.push(row);
  }
  const date = new Date().toISOString();
  const loadAfter = loadavg().map((n) => Number(n.toFixed(2)));
  mkdirSync(RESULTS, { recursive: true });
  const stamp = date.replace(/[:.]/g, '-');
  writeFileSync(
    join(RESULTS, `analytics-lag-${stamp}.json`),
    `${JSON.stringify({ date, node: process.version, cpus: cpus().length, settings: SETTINGS, loadBefore, loadAfter, results }, null, 2)}\n`,
  );
  const md = [
    `# bench:analytics:lag (${date})`,
    '',
    `End-to-end lag from a signed report's 202 to the first \`miniProgramAnalytics\` answer (through the router, polled every ${SETTINGS.pollMs} ms) that counts it: ${SETTINGS.reports} reports (one launch of a new device each) at ${SETTINGS.rate}/s, embedded platform, each configuration on its own platform in the same run. ${cpus().length} CPUs, load ${loadBefore.join(' ')} before, ${loadAfter.join(' ')} after, Node ${process.version}.`,
    '',
    '| rollup timers | p50 ms | p99 ms | max ms |',
    '|---|---:|---:|---:|',
    ...results.map((r) => `| ${r.label} | ${r.p50Ms} | ${r.p99Ms} | ${r.maxMs} |`),
    '',
    'The lag is bounded by the interval of the pass that includes today plus that pass: each pass recomputes today in full (streamed), so its time grows with the events of the day so far (see bench:analytics:query for a day of 333,000 events).',
    '',
  ].join('\n');
  writeFileSync(join(RESULTS, 'analytics-lag-latest.md'), md);
  console.log(md);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
