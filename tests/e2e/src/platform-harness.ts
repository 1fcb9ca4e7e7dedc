import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomToken, readProcessEnv, type EnvSource } from '@grove/platform';
import { startPlatform, type RunningPlatform } from '@grove/router';
import { creditCodeCheckCharacter } from '@grove/account';
import {
  startDistributedPlatform,
  type DistributedPlatform,
  type DistributedServiceName,
} from './distributed-platform.harness';

export const ADMIN_EMAIL = 'admin@e2e.grove.test';
export const ADMIN_PASSWORD = 'e2e-Admin-password-2026';

/**
 * embedded: `npm start` on embedded drivers, one process. distributed: every subgraph its own process, the router
 * over HTTP, on PostgreSQL + Redis Streams + S3 (distributed-platform.harness.ts).
 */
export type E2EMode = 'embedded' | 'distributed';

/**
 * The modes the mode-parametrized suites run in: E2E_MODES (comma list) when set, else both. `npm run test:e2e:embedded`
 * and `npm run test:e2e:distributed` pick one; plain `npm test` runs both.
 */
export function e2eModes(): E2EMode[] {
  const requested = readProcessEnv().E2E_MODES;
  if (!requested) return ['embedded', 'distributed'];
  const modes = requested
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  for (const mode of modes)
    if (mode !== 'embedded' && mode !== 'distributed') throw new Error(`E2E_MODES: unknown mode "${mode}"`);
  return modes as E2EMode[];
}

/**
 * Hook timeout for starting and stopping a platform: the distributed one is seven processes and may first wait for
 * another Jest worker's to finish starting (distributed-platform.harness.ts); an upper bound, not an expectation.
 */
export const E2E_START_TIMEOUT_MS = 600_000;

export interface E2EPlatform {
  mode: E2EMode;
  /** Embedded mode only: the in-process platform. */
  platform?: RunningPlatform;
  /** Distributed mode only: the processes (kill -9, restart, stats). */
  distributed?: DistributedPlatform;
  url: string;
  dataDir: string;
  env: EnvSource;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** Environment for a whole platform on embedded drivers in a temp data dir (what `npm start` runs). */
export function e2eEnv(dataDir: string, extra: EnvSource = {}): EnvSource {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    DATA_DIR: dataDir,
    JWT_SECRET: randomToken(32),
    INTERNAL_TOKEN_SECRET: randomToken(32),
    BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    PASSWORD_HASH_COST: '10',
    ...extra,
  };
}

/**
 * Starts the real platform: embedded, the router and every subgraph in this process through `startPlatform` (the
 * `npm start` path); distributed, each subgraph and the router as its own process.
 */
export async function startE2EPlatform(
  options: { mode?: E2EMode; dataDir?: string; env?: EnvSource; deferred?: DistributedServiceName[] } = {},
): Promise<E2EPlatform> {
  if (options.mode === 'distributed') return startDistributedE2EPlatform(options.env, options.deferred);
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'grove-e2e-'));
  const env = e2eEnv(dataDir, options.env);
  const platform = await startPlatform(env);
  return {
    mode: 'embedded',
    platform,
    url: platform.url,
    dataDir,
    env,
    async stop({ keepData = false } = {}) {
      await platform.stop();
      if (!keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function startDistributedE2EPlatform(
  extra: EnvSource = {},
  deferred?: DistributedServiceName[],
): Promise<E2EPlatform> {
  const distributed = await startDistributedPlatform({
    env: { BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL, BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD, ...extra },
    deferred,
  });
  return {
    mode: 'distributed',
    distributed,
    url: distributed.url,
    dataDir: distributed.env.DATA_DIR!,
    env: distributed.env,
    stop: () => distributed.stop(),
  };
}

let codeCounter = 0;
/** A fresh valid unified social credit code (GB 32100-2015) per call. */
export function validCreditCode(): string {
  codeCounter += 1;
  const serial = `${Date.now() % 1e6}${codeCounter}`.padStart(9, '0').slice(-9);
  const body = `91350100${serial}`;
  const check = creditCodeCheckCharacter(body);
  if (!check) throw new Error(`cannot compute a check character for ${body}`);
  return body + check;
}
