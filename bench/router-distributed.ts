import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { randomToken, type EnvSource } from '@grove/platform';
import {
  BUILT_NODE_FLAGS,
  DISTRIBUTED_SERVICES,
  startDistributedPlatform,
  type DistributedServiceName,
} from '../tests/e2e/src/distributed-platform.harness';
import { buildScript, buildServices } from '../scripts/build';
import { benchLicenseVendor, seedOrganization } from './bench-seed';
import {
  combineRounds,
  processCpuMs,
  RESULTS,
  ROOT,
  startBenchProcess,
  stopBenchServer,
  type BenchServer,
  type Measurement,
} from './bench-process';
import type { BaselineConfig } from './baseline-gateway-server';

/**
 * `npm run bench:router -- --distributed` (issue 8 item 5): Grove's router against a plain `@apollo/gateway` and Hive
 * Gateway, each in its own process over the SAME subgraph processes of the standard profile (PostgreSQL documents,
 * Redis events and cache, every service the built JavaScript of `npm run build`). Loaded by autocannon in rotating
 * rounds with the authenticated `me` query and a cross-subgraph list (app-manage's mini-programs, each with account's
 * organization). Reports req/s and gateway CPU per request, and the ratios against the targets: router >= 1.0x the
 * plain gateway and >= 1.5x Hive Gateway. `-- --profile` also writes the router's `--cpu-prof` profile;
 * `-- --profile=router,account` those of the named processes.
 */
const AUTOCANNON = require.resolve('autocannon/autocannon.js');
const SETTINGS = {
  connections: 16,
  warmupSec: 5,
  durationSec: 10,
  rounds: 3,
  miniPrograms: 60,
  listTake: 50,
};
const TARGETS = { apollo: 1.0, hive: 1.5 };
const ADMIN = { email: 'admin@bench.grove.test', password: 'Bench-admin-pass-2026' };
const JWT_ISSUER = 'grove';
const ACCESS_TOKEN_TTL_SEC = 3600;
const QUERIES = {
  me: { query: 'query Me { me { user { id email } permissions } }', operationName: 'Me' },
  list: {
    query: `query List($o: ID!) { miniPrograms(orgId: $o, take: ${SETTINGS.listTake}) { total items { id name organization { id name } } } }`,
    operationName: 'List',
  },
} as const;
type QueryName = keyof typeof QUERIES;
const GATEWAYS = ['router', 'apollo', 'hive'] as const;
type Gateway = (typeof GATEWAYS)[number];
const LABELS: Record<Gateway, string> = {
  router:
    "Grove's router (JWT + epoch check, rate limits, operation limits, CSRF, tracing, metrics, breaker, retries)",
  apollo: 'plain @apollo/gateway + @apollo/server (defaults)',
  hive: 'Hive Gateway runtime (defaults)',
};

interface Target {
  url: string;
  pid: number;
}

interface Round extends Measurement {
  /** CPU of all the subgraph processes per request: the same work behind every gateway, or not. */
  subgraphCpuUsPerRequest?: number;
}

function bodyOf(name: QueryName, orgId: string): string {
  return JSON.stringify(name === 'list' ? { ...QUERIES.list, variables: { o: orgId } } : QUERIES.me);
}

async function autocannon(
  url: string,
  token: string,
  body: string,
  durationSec: number,
): Promise<Measurement> {
  const args = [
    AUTOCANNON,
    '--json',
    '-c',
    String(SETTINGS.connections),
    '-d',
    String(durationSec),
    '-m',
    'POST',
    '-H',
    'content-type=application/json',
    '-H',
    `authorization=Bearer ${token}`,
    '-b',
    body,
    url,
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`autocannon exited with ${code}`);
  const result = JSON.parse(out);
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: 0,
    errors: 0,
  };
}

/** One answer per gateway, checked to be the same data: every gateway does the same work. */
async function answer(target: Target, token: string, body: string): Promise<unknown> {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const json = (await response.json()) as { data?: unknown; errors?: unknown };
  if (response.status !== 200 || json.errors || !json.data)
    throw new Error(`${target.url} answered ${response.status}: ${JSON.stringify(json)}`);
  return json.data;
}

/** The committed supergraph with each subgraph's join__graph URL pointing at this run's process. */
function localSupergraph(baseUrl: (service: DistributedServiceName) => string, dir: string): string {
  let sdl = readFileSync(join(ROOT, 'schema', 'supergraph.graphql'), 'utf8');
  for (const name of Object.keys(DISTRIBUTED_SERVICES) as DistributedServiceName[]) {
    const committed = `url: "http://${name}.grove.internal/graphql"`;
    if (!sdl.includes(committed)) throw new Error(`the supergraph has no ${committed}`);
    sdl = sdl.replace(committed, `url: "${baseUrl(name)}/graphql"`);
  }
  const file = join(dir, 'supergraph.graphql');
  writeFileSync(file, sdl);
  return file;
}

async function main(): Promise<void> {
  // `--profile` profiles the router; `--profile=router,account,…` the named processes.
  const profileArg = process.argv.find((a) => a === '--profile' || a.startsWith('--profile='));
  const profiled = profileArg
    ? (profileArg.split('=')[1] ?? 'router').split(',').filter(Boolean)
    : ([] as string[]);
  const profile = profiled.length > 0;
  const load = loadavg();
  buildServices();
  const baselineScript = join(ROOT, 'bench', 'dist', 'baseline-gateway-server.js');
  buildScript(join(ROOT, 'bench', 'baseline-gateway-server.ts'), baselineScript);
  const vendor = benchLicenseVendor();
  const env: EnvSource = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
    JWT_SECRET: randomToken(32),
    JWT_ISSUER,
    ACCESS_TOKEN_TTL_SEC: String(ACCESS_TOKEN_TTL_SEC),
    INTERNAL_TOKEN_SECRET: randomToken(32),
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    PASSWORD_HASH_COST: '10',
    LICENSE_PUBLIC_KEY: vendor.publicKeyPem,
    // Large enough never to trip: the router still counts every request in its buckets.
    RATE_LIMIT_IP_POINTS: '100000000',
    RATE_LIMIT_USER_POINTS: '100000000',
  };
  const work = mkdtempSync(join(tmpdir(), 'grove-bench-router-'));
  const profileDir = join(work, 'profiles');
  console.log('starting the standard profile (every subgraph its own process, built JavaScript)…');
  const platform = await startDistributedPlatform({
    env,
    runner: 'built',
    nodeFlags: profile
      ? Object.fromEntries(
          profiled.map((service) => [service, ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, service)}`]]),
        )
      : undefined,
  });
  const baselines: BenchServer<{ url: string }>[] = [];
  try {
    const { token, orgId } = await seedOrganization(platform.url, {
      admin: ADMIN,
      miniPrograms: SETTINGS.miniPrograms,
      vendor,
    });
    const supergraphPath = localSupergraph((service) => platform.baseUrl(service), work);
    const stats = platform.stats();
    const subgraphPids = stats.filter((s) => s.service !== 'router').map((s) => s.pid);
    const targets = {
      router: { url: platform.url, pid: stats.find((s) => s.service === 'router')!.pid },
    } as Record<Gateway, Target>;
    for (const kind of ['apollo', 'hive'] as const) {
      const config: BaselineConfig = {
        kind,
        supergraphPath,
        jwtSecret: String(env.JWT_SECRET),
        jwtIssuer: JWT_ISSUER,
        accessTokenTtlSec: ACCESS_TOKEN_TTL_SEC,
        internalSecret: String(env.INTERNAL_TOKEN_SECRET),
      };
      const server = await startBenchProcess<{ url: string }>(
        [...BUILT_NODE_FLAGS.router, baselineScript, JSON.stringify(config)],
        kind,
      );
      baselines.push(server);
      targets[kind] = { url: server.info.url, pid: server.child.pid! };
    }

    const subgraphCpuMs = () => subgraphPids.reduce((sum, pid) => sum + (processCpuMs(pid) ?? NaN), 0);
    const throughput = {} as Record<QueryName, Record<Gateway, Round>>;
    for (const name of Object.keys(QUERIES) as QueryName[]) {
      const body = bodyOf(name, orgId);
      const answers = await Promise.all(GATEWAYS.map((g) => answer(targets[g], token, body)));
      for (const [i, g] of GATEWAYS.entries()) {
        if (!isDeepStrictEqual(answers[i], answers[0]))
          throw new Error(`${g} answered ${name} differently from the router: ${JSON.stringify(answers[i])}`);
      }
      for (const g of GATEWAYS) await autocannon(targets[g].url, token, body, SETTINGS.warmupSec);
      const rounds = { router: [], apollo: [], hive: [] } as Record<Gateway, Round[]>;
      for (let round = 0; round < SETTINGS.rounds; round++) {
        // Rotated order: each gateway goes first, second and last once, so a neighbour's burst hits all alike.
        const order = GATEWAYS.map((_, i) => GATEWAYS[(i + round) % GATEWAYS.length]);
        for (const g of order) {
          const before = { gateway: processCpuMs(targets[g].pid), subgraphs: subgraphCpuMs() };
          const result: Round = await autocannon(targets[g].url, token, body, SETTINGS.durationSec);
          const after = { gateway: processCpuMs(targets[g].pid), subgraphs: subgraphCpuMs() };
          if (before.gateway !== undefined && after.gateway !== undefined)
            result.cpuUsPerRequest = ((after.gateway - before.gateway) * 1000) / result.requests;
          result.subgraphCpuUsPerRequest = ((after.subgraphs - before.subgraphs) * 1000) / result.requests;
          rounds[g].push(result);
        }
        console.log(
          `${name} round ${round + 1}/${SETTINGS.rounds}: ${GATEWAYS.map((g) => `${g} ${rounds[g].at(-1)!.rps.toFixed(0)} req/s`).join(', ')}`,
        );
      }
      throughput[name] = {} as Record<Gateway, Round>;
      for (const g of GATEWAYS) {
        const subgraphCpu =
          rounds[g].reduce((sum, r) => sum + r.subgraphCpuUsPerRequest!, 0) / rounds[g].length;
        throughput[name][g] = {
          ...combineRounds(rounds[g]),
          subgraphCpuUsPerRequest: Number(subgraphCpu.toFixed(1)),
        };
      }
    }
    report(throughput, load);
  } finally {
    await Promise.all(baselines.map(stopBenchServer));
    await platform.stop();
    if (profile) {
      mkdirSync(join(RESULTS, 'profiles'), { recursive: true });
      for (const service of profiled) {
        const dir = join(profileDir, service);
        const files = readdirSync(dir, { withFileTypes: true }).filter((f) => f.name.endsWith('.cpuprofile'));
        for (const file of files) {
          const target = join(RESULTS, 'profiles', `router-distributed-${service}-${file.name}`);
          writeFileSync(target, readFileSync(join(dir, file.name)));
          console.log(`${service} CPU profile: ${target}`);
        }
      }
    }
    rmSync(work, { recursive: true, force: true });
  }
}

function report(throughput: Record<QueryName, Record<Gateway, Round>>, loadBefore: number[]): void {
  const date = new Date().toISOString();
  const ratios = Object.fromEntries(
    (Object.keys(QUERIES) as QueryName[]).map((name) => {
      const t = throughput[name];
      const cpu = (g: Gateway) =>
        t.router.cpuUsPerRequest && t[g].cpuUsPerRequest
          ? Number((t[g].cpuUsPerRequest! / t.router.cpuUsPerRequest).toFixed(2))
          : undefined;
      return [
        name,
        {
          vsApollo: {
            rps: Number((t.router.rps / t.apollo.rps).toFixed(2)),
            cpuEfficiency: cpu('apollo'),
            target: TARGETS.apollo,
          },
          vsHive: {
            rps: Number((t.router.rps / t.hive.rps).toFixed(2)),
            cpuEfficiency: cpu('hive'),
            target: TARGETS.hive,
          },
        },
      ];
    }),
  ) as Record<
    QueryName,
    {
      vsApollo: { rps: number; cpuEfficiency?: number; target: number };
      vsHive: { rps: number; cpuEfficiency?: number; target: number };
    }
  >;
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  const result = {
    date,
    commit,
    node: process.version,
    cpus: cpus().length,
    loadavgBefore: loadBefore,
    loadavgAfter: loadavg(),
    settings: SETTINGS,
    queries: QUERIES,
    throughput,
    ratios,
  };
  mkdirSync(RESULTS, { recursive: true });
  const jsonFile = `router-distributed-${date.replace(/[:.]/g, '-').slice(0, 19)}.json`;
  writeFileSync(join(RESULTS, jsonFile), `${JSON.stringify(result, null, 2)}\n`);
  const met = (value: number, target: number) =>
    `${value.toFixed(2)}× (target ≥ ${target}×: ${value >= target ? 'met' : '**not met**'})`;
  const md = [
    `# Router vs plain Apollo Gateway vs Hive Gateway, distributed (${date})`,
    '',
    `\`npm run bench:router -- --distributed\` at ${commit}. Node ${process.version}, ${cpus().length} CPUs, load average ${loadBefore.map((l) => l.toFixed(2)).join(' / ')} before and ` +
      `${result.loadavgAfter.map((l) => l.toFixed(2)).join(' / ')} after the run (shared machine). The same six subgraph processes (built JavaScript, ` +
      `PostgreSQL documents, Redis events, cache and rate limits) behind three gateway processes; autocannon with ${SETTINGS.connections} connections, ` +
      `${SETTINGS.warmupSec} s warm-up per gateway and query, then ${SETTINGS.rounds} rotating rounds of ${SETTINGS.durationSec} s each. ` +
      `\`list\` is \`miniPrograms(take: ${SETTINGS.listTake})\` (app-manage) with each item's \`organization\` (account) over ${SETTINGS.miniPrograms} mini-programs.`,
    '',
    '| query | gateway | req/s | p50 ms | p99 ms | gateway CPU µs/req | subgraphs CPU µs/req |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...(Object.keys(QUERIES) as QueryName[]).flatMap((name) =>
      GATEWAYS.map((g) => {
        const m = throughput[name][g];
        return `| ${name} | ${LABELS[g]} | ${m.rps.toFixed(0)} | ${m.p50Ms} | ${m.p99Ms} | ${m.cpuUsPerRequest ?? '—'} | ${m.subgraphCpuUsPerRequest ?? '—'} |`;
      }),
    ),
    '',
    '| query | router / plain Apollo (req/s) | router / Hive (req/s) | CPU per request: plain Apollo / router | Hive / router |',
    '|---|---|---|---|---|',
    ...(Object.keys(QUERIES) as QueryName[]).map((name) => {
      const r = ratios[name];
      return `| ${name} | ${met(r.vsApollo.rps, TARGETS.apollo)} | ${met(r.vsHive.rps, TARGETS.hive)} | ${r.vsApollo.cpuEfficiency ?? '—'} | ${r.vsHive.cpuEfficiency ?? '—'} |`;
    }),
    '',
    'What each gateway does per request: the router runs its whole policy (docs/resilience.md, ADR 0002): bearer verification with its ' +
      '60 s cache of verified tokens plus the authorization-epoch check (one Redis read), per-IP and per-user rate limits in Redis, ' +
      'operation limits, CSRF guard, an OpenTelemetry span per request and per subgraph fetch (no exporter configured), Prometheus metrics, ' +
      'circuit breaker and query retries, and one signed internal credential per request. Each baseline verifies the bearer token ' +
      '(jose, no cache) and signs one internal credential per request (`x-grove-principal`, what the subgraphs require), and nothing else ' +
      '(`bench/baseline-gateway-server.ts`). Every gateway is checked to give the same answer before it is loaded.',
    '',
    `Raw numbers: \`bench/results/${jsonFile}\`.`,
    '',
  ].join('\n');
  writeFileSync(join(RESULTS, 'router-distributed-latest.md'), md);
  console.log(md);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
