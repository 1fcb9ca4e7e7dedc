import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomToken, type EnvSource } from '@grove/platform';
import { startPlatform, type RunningPlatform } from '@grove/router';
import { creditCodeCheckCharacter } from '@grove/account';

export const ADMIN_EMAIL = 'admin@e2e.grove.test';
export const ADMIN_PASSWORD = 'e2e-Admin-password-2026';

export interface E2EPlatform {
  platform: RunningPlatform;
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

/** Starts the real platform (router + embedded subgraphs) through `startPlatform`, the `npm start` path. */
export async function startE2EPlatform(options: { dataDir?: string; env?: EnvSource } = {}): Promise<E2EPlatform> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'grove-e2e-'));
  const env = e2eEnv(dataDir, options.env);
  const platform = await startPlatform(env);
  return {
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
