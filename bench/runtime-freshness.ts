/**
 * `npm run bench:freshness`: how long a change takes to reach devices through the SDK runtime (issue 6 item 6: within
 * 1 s), in the distributed profile (every subgraph its own process on PostgreSQL + Redis Streams + S3, the runtime on
 * the router reading from the owning services) and, as the baseline of the same run, embedded. The e2e mini-program
 * story sets everything up; then the owner changes the host app's SDK configuration and the mini-program's request
 * domains, and a device polls the signed runtime route every 5 ms until it sees the change.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'expect';
import { readProcessEnv } from '@grove/platform';
import { signRuntimeRequest } from '@grove/sdk-runtime';
import { SetSdkConfigOverrideDocument, SetServiceDomainsDocument } from '../schema/generated/graphql';
import { dataOf, execute } from '../tests/e2e/src/graphql-client';
import { startE2EPlatform, type E2EMode } from '../tests/e2e/src/platform-harness';
import type { StoryResult } from '../tests/e2e/src/mini-program-story.scenario';
import { RESULTS } from './bench-process';

// The story asserts with Jest's `expect`; outside Jest the same library provides it.
Object.assign(globalThis, { expect });

const ROUNDS = Number(readProcessEnv().FRESHNESS_ROUNDS ?? 20);
const POLL_MS = 5;
const GIVE_UP_MS = 30_000;
const TARGET_MS = 1_000;

interface Summary {
  change: string;
  samples: number;
  p50: number;
  p95: number;
  max: number;
}

function summarize(change: string, samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { change, samples: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

async function measure(mode: E2EMode): Promise<Summary[]> {
  const { runMiniProgramStory, STORY_ENV } = await import('../tests/e2e/src/mini-program-story.scenario');
  const e2e = await startE2EPlatform({ mode, env: STORY_ENV });
  let summaries: Summary[] = [];
  try {
    // Measured while the story's applet is served (after its domains and config reached the runtime, before delisting).
    await runMiniProgramStory(e2e, {
      tag: `fresh-${mode}`,
      at: async (step, story) => {
        if (step === 'runtime-serving') summaries = await changes(e2e.url, story as StoryResult);
      },
    });
    return summaries;
  } finally {
    await e2e.stop();
  }
}

async function changes(url: string, story: StoryResult): Promise<Summary[]> {
  const base = url.replace(/\/graphql$/, '');
  const runtimeGet = async (path: string) => {
    const query = { deviceId: 'freshness-device', platform: 'ANDROID' };
    const headers = signRuntimeRequest({ sdkKey: story.sdkKey, secret: story.sdkSecret, path, query });
    const response = await fetch(`${base}${path}?${new URLSearchParams(query)}`, { headers });
    return (await response.json()) as { errcode: string; data: any };
  };
  const until = async (seen: () => Promise<boolean>): Promise<number> => {
    const started = performance.now();
    while (!(await seen())) {
      if (performance.now() - started > GIVE_UP_MS) throw new Error(`not visible after ${GIVE_UP_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return performance.now() - started;
  };

  const config: number[] = [];
  const domains: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const maxCachedApplets = 10 + round;
    dataOf(
      await execute(
        url,
        SetSdkConfigOverrideDocument,
        { hostAppId: story.hostAppId, input: { maxCachedApplets } },
        { token: story.ownerToken },
      ),
    );
    config.push(
      await until(
        async () =>
          (await runtimeGet('/runtime/v1/config')).data?.config?.maxCachedApplets === maxCachedApplets,
      ),
    );

    const domain = `https://api-${round}.fresh.example`;
    dataOf(
      await execute(
        url,
        SetServiceDomainsDocument,
        { appId: story.appId, kind: 'REQUEST', domains: [domain] },
        { token: story.ownerToken },
      ),
    );
    domains.push(
      await until(
        async () =>
          (await runtimeGet(`/runtime/v1/applets/${story.appId}/domains`)).data?.request?.[0] === domain,
      ),
    );
  }
  return [summarize('sdk config override', config), summarize('request domains', domains)];
}

async function main(): Promise<void> {
  const results: Record<string, Summary[]> = {};
  for (const mode of ['embedded', 'distributed'] as const) {
    console.log(`measuring ${mode}…`);
    results[mode] = await measure(mode);
  }
  const date = new Date().toISOString();
  const rows = Object.entries(results).flatMap(([mode, summaries]) =>
    summaries.map(
      (s) =>
        `| ${mode} | ${s.change} | ${s.samples} | ${s.p50.toFixed(0)} | ${s.p95.toFixed(0)} | ${s.max.toFixed(0)} |`,
    ),
  );
  const worst = Math.max(...results.distributed.map((s) => s.max));
  const markdown = [
    `# Runtime freshness (${date})`,
    '',
    `Node ${process.version}. \`npm run bench:freshness\`: the time from a mutation's answer to the first signed runtime answer that shows it, polled every ${POLL_MS} ms by one device; ${ROUNDS} rounds per change.`,
    '',
    '| mode | change | samples | p50 ms | p95 ms | max ms |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `Target: a change visible to devices within ${TARGET_MS} ms in the distributed profile (worst sample ${worst.toFixed(0)} ms: **${worst <= TARGET_MS ? 'met' : 'not met'}**).`,
    '',
  ].join('\n');
  writeFileSync(
    join(RESULTS, `freshness-${date.replace(/[:.]/g, '-')}.json`),
    JSON.stringify({ date, node: process.version, rounds: ROUNDS, results }, null, 2),
  );
  writeFileSync(join(RESULTS, 'freshness-latest.md'), markdown);
  console.log(markdown);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
