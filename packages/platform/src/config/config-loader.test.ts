import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, readServiceEnv } from './config-loader';

describe('readServiceEnv', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'grove-env-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads .env from the working directory under the process environment, which wins', () => {
    writeFileSync(join(dir, '.env'), '# comment\nPORT=4100\nLOG_LEVEL=debug\nJWT_SECRET="quoted value"\n');
    const { env, envFile } = readServiceEnv(dir, { PORT: '4200' });
    expect(envFile).toBe(join(dir, '.env'));
    expect(env).toMatchObject({ PORT: '4200', LOG_LEVEL: 'debug', JWT_SECRET: 'quoted value' });
  });

  it('uses ENV_FILE when set, skips the file with ENV_FILE=none, and works without any file', () => {
    writeFileSync(join(dir, 'prod.env'), 'NODE_ENV=production\n');
    writeFileSync(join(dir, '.env'), 'NODE_ENV=development\n');
    expect(readServiceEnv(dir, { ENV_FILE: 'prod.env' }).env.NODE_ENV).toBe('production');
    expect(readServiceEnv(dir, { ENV_FILE: 'none' })).toEqual({ env: { ENV_FILE: 'none' } });
    rmSync(join(dir, '.env'));
    expect(readServiceEnv(dir, {})).toEqual({ env: {} });
  });

  it('refuses an ENV_FILE that does not exist rather than starting without it', () => {
    expect(() => readServiceEnv(dir, { ENV_FILE: 'missing.env' })).toThrow(ConfigError);
  });
});
