import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import S3rver from 's3rver';
import { newId, randomToken, readProcessEnv, type EnvSource } from '@grove/platform';
import { createTestDatabase, deleteRedisKeys, testRedisUrl, type TestDatabase } from '@grove/testkit';

const ROOT = resolve(__dirname, '../../..');
/** Longest a service may take to answer /readyz (a loaded shared machine is slow; a healthy start takes seconds). */
const START_TIMEOUT_MS = 180_000;

/** Every real subgraph, by federation name (the SUBGRAPH_URLS key), with its workspace and port variable. */
export const DISTRIBUTED_SERVICES = {
  account: { dir: 'subgraphs/account', portVar: 'ACCOUNT_PORT' },
  license: { dir: 'subgraphs/license', portVar: 'LICENSE_PORT' },
  'app-manage': { dir: 'subgraphs/app-manage', portVar: 'APP_MANAGE_PORT' },
  domain: { dir: 'subgraphs/domain', portVar: 'DOMAIN_PORT' },
  sdk: { dir: 'subgraphs/sdk', portVar: 'SDK_PORT' },
  'rule-engine': { dir: 'subgraphs/rule-engine', portVar: 'RULE_ENGINE_PORT' },
  analytics: { dir: 'subgraphs/analytics', portVar: 'ANALYTICS_PORT' },
  search: { dir: 'subgraphs/search', portVar: 'SEARCH_PORT' },
} as const;

export type DistributedServiceName = keyof typeof DISTRIBUTED_SERVICES | 'router';

export interface ServiceStats {
  service: DistributedServiceName;
  pid: number;
  /** From spawn to the first 200 on /readyz. */
  readyMs: number;
  /** Resident set size when it became ready (/proc/<pid>/status VmRSS). */
  rssMb: number;
  starts: number;
}

interface RunningService {
  name: DistributedServiceName;
  child: ChildProcess;
  port: number;
  output: string[];
  stats: ServiceStats;
}

export interface DistributedPlatform {
  /** The router's /graphql URL. */
  url: string;
  /** The environment every process got (shared secrets, drivers). */
  env: EnvSource;
  /** Base URL (no path) of one service. */
  baseUrl(service: DistributedServiceName): string;
  stats(): ServiceStats[];
  /** `kill -9`: no shutdown hook runs, whatever the process held in memory is gone. */
  kill9(service: DistributedServiceName): Promise<void>;
  /** Starts a killed or deferred service on its port with the same command and waits until it is ready. */
  start(service: DistributedServiceName): Promise<ServiceStats>;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
// A Jest worker that exits or is stopped (timeout, Ctrl-C, forced exit) must not leave services behind.
const killChildren = () => {
  for (const child of children) child.kill('SIGKILL');
};
process.once('exit', killChildren);
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killChildren();
    process.kill(process.pid, signal); // the default action again: this handler was the only one
  });
}

const START_LOCK = join(tmpdir(), 'grove-e2e-distributed-start.lock');

/**
 * One distributed platform starts at a time on this machine: seven processes loading the code at once per Jest
 * worker would starve each other on two cores. Released as soon as the platform is ready (or failed).
 */
async function acquireStartLock(timeoutMs: number): Promise<() => void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(START_LOCK, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(START_LOCK, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(START_LOCK, { encoding: 'utf8', flag: 'a+' }));
    if (holder && !isAlive(holder)) {
      try {
        unlinkSync(START_LOCK); // left by a process that died while starting
      } catch {
        // another waiter removed it first
      }
      continue;
    }
    if (Date.now() > until)
      throw new Error(`another distributed platform (pid ${holder}) is still starting after ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

/**
 * How a service is started: `source` is what `npm start` runs (TypeScript through `@swc-node/register`), `built` what
 * the image and `npm run start:built` run (the JavaScript `npm run build` wrote to dist/, docs/adr/0008).
 */
export type ServiceRunner = 'source' | 'built';

/**
 * Node flags of the built services: the same as infra/docker-entrypoint.sh and the `start:built` scripts (ADR 0008).
 * The router (also the whole platform in embedded mode) keeps 8 MB semi-spaces; a standalone subgraph 4 MB.
 */
export const BUILT_NODE_FLAGS = {
  router: ['--max-semi-space-size=8'],
  subgraph: ['--max-semi-space-size=4'],
} as const;

/** Arguments of `node` for a service's entry (`main` relative to the workspace: `dist/main.js` or `src/main.ts`). */
export function serviceArgs(
  runner: ServiceRunner,
  main: string,
  role: keyof typeof BUILT_NODE_FLAGS = 'router',
): string[] {
  return runner === 'built' ? [...BUILT_NODE_FLAGS[role], main] : ['-r', '@swc-node/register', main];
}

/**
 * The standard profile, every process on its own: s3rver, a fresh PostgreSQL database and a Redis key prefix for
 * this run, each real subgraph started with the command `npm start -w subgraphs/<name>` runs
 * (`node -r @swc-node/register src/main.ts` in the workspace), then the router in distributed mode
 * (`npm start`: `node -r @swc-node/register router/src/main.ts`). Everything is torn down by `stop()`, also when the
 * start fails half way.
 */
export async function startDistributedPlatform(
  options: {
    env?: EnvSource;
    /** Default `source`; `built` needs `npm run build` first. */
    runner?: ServiceRunner;
    /** Subgraphs left stopped until `start()`: a consumer that subscribes after the events it needs were produced. */
    deferred?: DistributedServiceName[];
    /** Extra `node` flags for some processes (a benchmark profiles the router with `--cpu-prof`). */
    nodeFlags?: Partial<Record<DistributedServiceName, string[]>>;
  } = {},
): Promise<DistributedPlatform> {
  const runId = newId()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  const redisUrl = testRedisUrl();
  const redisPrefix = `grove-e2e-${runId}:`;
  const workDir = mkdtempSync(join(tmpdir(), 'grove-e2e-dist-'));
  const services = new Map<DistributedServiceName, RunningService>();
  const waitedFrom = Date.now();
  const releaseStartLock = await acquireStartLock(START_TIMEOUT_MS * 2);
  const started = Date.now();
  const waited =
    started - waitedFrom > 1000
      ? ` (after ${started - waitedFrom} ms waiting for another platform to start)`
      : '';
  let s3: S3rver | undefined;
  let database: TestDatabase | undefined;

  const cleanups = async () => {
    await Promise.all([...services.values()].map((service) => stopService(service)));
    await s3?.close().catch(() => undefined);
    await database?.drop().catch(() => undefined);
    await deleteRedisKeys(redisUrl, redisPrefix).catch(() => undefined);
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(workDir, 's3') });
    const { port: s3Port } = await s3.run();
    database = await createTestDatabase('grove_e2e');

    const ports = new Map<DistributedServiceName, number>();
    for (const name of [...Object.keys(DISTRIBUTED_SERVICES), 'router'] as DistributedServiceName[])
      ports.set(name, await freePort());
    const subgraphUrls = Object.keys(DISTRIBUTED_SERVICES)
      .map((name) => `${name}=http://127.0.0.1:${ports.get(name as DistributedServiceName)}/graphql`)
      .join(',');

    // One environment for every process: shared drivers, and the secrets every process must agree on.
    const env: EnvSource = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      LOG_PRETTY: 'false',
      DATA_DIR: join(workDir, 'data'), // nothing should land here: every secret is set and every driver is shared
      DOCUMENTS_DRIVER: 'postgres',
      POSTGRES_URL: database.url,
      EVENTS_DRIVER: 'redis',
      CACHE_DRIVER: 'redis',
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: redisPrefix,
      // A consumer killed with an event in hand: another consumer (or its restart) claims it after this long.
      EVENTS_REDIS_CLAIM_IDLE_MS: '3000',
      OBJECT_STORE_DRIVER: 's3',
      S3_ENDPOINT: '127.0.0.1',
      S3_PORT: String(s3Port),
      S3_USE_SSL: 'false',
      S3_ACCESS_KEY: 'S3RVER',
      S3_SECRET_KEY: 'S3RVER',
      S3_BUCKET: 'grove-e2e',
      JWT_SECRET: randomToken(32),
      INTERNAL_TOKEN_SECRET: randomToken(32),
      APP_SECRET_ENCRYPTION_KEY: randomToken(32),
      OBJECT_URL_SECRET: randomToken(32),
      SDK_RUNTIME_CACHE_KEY: randomToken(32),
      PASSWORD_HASH_COST: '10',
      SUBGRAPH_MODE: 'distributed',
      SUBGRAPH_URLS: subgraphUrls,
      ...options.env,
    };

    const spawnService = async (name: DistributedServiceName, starts = 1): Promise<RunningService> => {
      const port = ports.get(name)!;
      const isRouter = name === 'router';
      const dir = isRouter ? ROOT : join(ROOT, DISTRIBUTED_SERVICES[name].dir);
      const portVar = isRouter ? 'PORT' : DISTRIBUTED_SERVICES[name].portVar;
      const began = Date.now();
      const runner = options.runner ?? 'source';
      const main = `${isRouter ? 'router/' : ''}${runner === 'built' ? 'dist/main.js' : 'src/main.ts'}`;
      const child = spawn(
        process.execPath,
        [
          ...(options.nodeFlags?.[name] ?? []),
          ...serviceArgs(runner, main, isRouter ? 'router' : 'subgraph'),
        ],
        {
          cwd: dir,
          env: { PATH: readProcessEnv().PATH, ...env, [portVar]: String(port) },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      children.add(child);
      child.once('exit', () => children.delete(child));
      const output: string[] = [];
      const keep = (chunk: Buffer) => {
        output.push(chunk.toString());
        if (output.length > 200) output.shift();
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      const service: RunningService = {
        name,
        child,
        port,
        output,
        stats: { service: name, pid: child.pid ?? -1, readyMs: 0, rssMb: 0, starts },
      };
      services.set(name, service);
      await waitReady(service);
      service.stats.readyMs = Date.now() - began;
      service.stats.rssMb = rssMb(child.pid!);
      return service;
    };

    // The subgraphs start side by side (each creates its tables under PostgreSQL's advisory lock), then the router.
    const deferred = new Set(options.deferred ?? []);
    const first = (Object.keys(DISTRIBUTED_SERVICES) as DistributedServiceName[]).filter(
      (name) => !deferred.has(name),
    );
    await Promise.all(first.map((name) => spawnService(name)));
    await spawnService('router');

    const platform: DistributedPlatform = {
      url: `http://127.0.0.1:${ports.get('router')}/graphql`,
      env,
      baseUrl: (service) => `http://127.0.0.1:${ports.get(service)}`,
      stats: () =>
        [...services.values()].map((s) => ({
          ...s.stats,
          rssMb: s.child.exitCode === null ? rssMb(s.child.pid!) : s.stats.rssMb,
        })),
      async kill9(name) {
        const service = services.get(name);
        if (!service || service.child.exitCode !== null || service.child.signalCode !== null)
          throw new Error(`${name} is not running`);
        const exited = new Promise((done) => service.child.once('exit', done));
        service.child.kill('SIGKILL');
        await exited;
      },
      async start(name) {
        const previous = services.get(name);
        if (previous && previous.child.exitCode === null && previous.child.signalCode === null)
          throw new Error(`${name} is still running`);
        return (await spawnService(name, (previous?.stats.starts ?? 0) + 1)).stats;
      },
      async stop() {
        await cleanups();
      },
    };
    printStats(`distributed platform ready in ${Date.now() - started} ms${waited}`, platform.stats());
    return platform;
  } catch (error) {
    printStats(
      `distributed platform failed to start after ${Date.now() - started} ms`,
      [...services.values()].map((s) => s.stats),
    );
    await cleanups();
    throw error;
  } finally {
    releaseStartLock();
  }
}

/** Polls /readyz until it answers 200; fails with the service's last output when it exits or takes too long. */
async function waitReady(service: RunningService, timeoutMs = START_TIMEOUT_MS): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (service.child.exitCode !== null || service.child.signalCode !== null) {
      throw new Error(
        `${service.name} exited (${service.child.exitCode ?? service.child.signalCode}) before it was ready:\n${service.output.join('')}`,
      );
    }
    try {
      const response = await fetch(`http://127.0.0.1:${service.port}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until)
      throw new Error(`${service.name} not ready after ${timeoutMs} ms:\n${service.output.join('')}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** SIGTERM (the services' graceful stop), then SIGKILL if one is still there after 10 s. */
async function stopService({ child }: RunningService): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(force);
}

/** Time to ready and memory per process (issue 6 item 9 footprint numbers). */
export function printStats(title: string, stats: ServiceStats[]): void {
  const rows = stats.map(
    (s) =>
      `  ${s.service.padEnd(12)} pid ${String(s.pid).padEnd(8)} ready ${String(s.readyMs).padStart(6)} ms  rss ${String(s.rssMb).padStart(4)} MB  start #${s.starts}`,
  );
  const total = stats.reduce((sum, s) => sum + (Number.isNaN(s.rssMb) ? 0 : s.rssMb), 0);
  console.log(`${title}\n${rows.join('\n')}\n  total rss ${total} MB`);
}
