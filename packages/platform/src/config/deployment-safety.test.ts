import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomToken } from '../ids';
import { objectStoreEnvShape } from '../object-store/object-store.config';
import { ConfigError, readProcessEnv } from './config-loader';
import {
  assertDeployable,
  assertSharedTopology,
  EMBEDDED_ONLY_DRIVERS,
  GROVE_SECRET_VARIABLES,
  OTHER_SECRET_VARIABLES,
  placeholderReason,
  placeholderSecretProblems,
  SHARED_DRIVERS,
} from './deployment-safety';
import { platformEnvShape } from './platform-config';

const ROOT = join(__dirname, '..', '..', '..', '..');
const standard = {
  NODE_ENV: 'production',
  DOCUMENTS_DRIVER: 'postgres',
  EVENTS_DRIVER: 'redis',
  OBJECT_STORE_DRIVER: 's3',
};
const problemsOf = (fn: () => void): string[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('assertSharedTopology', () => {
  it.each([
    ['DOCUMENTS_DRIVER', 'embedded', 'postgres or mongodb'],
    ['DOCUMENTS_DRIVER', 'sqlite', 'postgres or mongodb'],
    ['DOCUMENTS_DRIVER', 'nedb', 'postgres or mongodb'],
    ['EVENTS_DRIVER', 'memory', 'redis or kafka'],
    ['OBJECT_STORE_DRIVER', 'fs', 's3'],
  ])('refuses %s=%s and names the drivers that work', (variable, value, shared) => {
    const problems = problemsOf(() =>
      assertSharedTopology({ ...standard, [variable]: value }, 'the standalone sdk subgraph'),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${variable}=${value} `);
    expect(problems[0]).toContain('the standalone sdk subgraph');
    expect(problems[0]).toContain(`${variable}=${shared}`);
  });

  it('reports every embedded-only driver in one message', () => {
    let error: unknown;
    try {
      assertSharedTopology(
        { DOCUMENTS_DRIVER: 'embedded', EVENTS_DRIVER: 'memory', OBJECT_STORE_DRIVER: 'fs' },
        'the router in distributed mode',
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message.split('\n')).toEqual([
      'Invalid configuration:',
      expect.stringMatching(/^ {2}- DOCUMENTS_DRIVER=embedded .*DOCUMENTS_DRIVER=postgres or mongodb/),
      expect.stringMatching(/^ {2}- EVENTS_DRIVER=memory .*EVENTS_DRIVER=redis or kafka/),
      expect.stringMatching(/^ {2}- OBJECT_STORE_DRIVER=fs .*OBJECT_STORE_DRIVER=s3/),
    ]);
  });

  it('accepts the standard and large profiles, and skips a port the deployable does not use', () => {
    expect(() => assertSharedTopology(standard, 'x')).not.toThrow();
    expect(() =>
      assertSharedTopology(
        { DOCUMENTS_DRIVER: 'mongodb', EVENTS_DRIVER: 'kafka', OBJECT_STORE_DRIVER: 's3' },
        'x',
      ),
    ).not.toThrow();
    expect(() =>
      assertSharedTopology({ DOCUMENTS_DRIVER: 'postgres', EVENTS_DRIVER: 'redis' }, 'x'),
    ).not.toThrow();
  });

  it('refuses a driver nobody classified yet', () => {
    expect(
      problemsOf(() => assertSharedTopology({ ...standard, EVENTS_DRIVER: 'carrier-pigeon' }, 'x')),
    ).toEqual([
      expect.stringContaining('EVENTS_DRIVER=carrier-pigeon is not known to be shared between processes'),
    ]);
  });

  it('classifies every driver the configuration schemas accept', () => {
    const options = {
      DOCUMENTS_DRIVER: platformEnvShape.DOCUMENTS_DRIVER.unwrap().options as readonly string[],
      EVENTS_DRIVER: platformEnvShape.EVENTS_DRIVER.unwrap().options as readonly string[],
      OBJECT_STORE_DRIVER: objectStoreEnvShape.OBJECT_STORE_DRIVER.unwrap().options as readonly string[],
    };
    for (const [variable, values] of Object.entries(options) as [
      keyof typeof SHARED_DRIVERS,
      readonly string[],
    ][]) {
      const classified: readonly string[] = [...SHARED_DRIVERS[variable], ...EMBEDDED_ONLY_DRIVERS[variable]];
      for (const value of values)
        expect(`${variable}=${value} ${classified.includes(value) ? 'classified' : 'unclassified'}`).toBe(
          `${variable}=${value} classified`,
        );
    }
  });
});

describe('production secrets', () => {
  const good = () => randomToken(48);

  it('refuses change-me placeholders, short values and committed samples without echoing them', () => {
    const env = {
      JWT_SECRET: 'change-me-to-a-long-random-secret-of-48-chars-0000',
      INTERNAL_TOKEN_SECRET: 'short-but-real-secret',
      APP_SECRET_ENCRYPTION_KEY: good(),
      OBJECT_URL_SECRET: good(),
      SDK_RUNTIME_CACHE_KEY: 'CHANGE_ME please, this one is long enough anyway',
      S3_SECRET_KEY: 'minioadmin',
      BOOTSTRAP_ADMIN_PASSWORD: 'e2e-Admin-password-2026',
    };
    const problems = placeholderSecretProblems(env, 'production');
    expect(problems).toEqual([
      expect.stringMatching(/^JWT_SECRET: is a placeholder \(starts with "change-me"\)/),
      expect.stringMatching(/^INTERNAL_TOKEN_SECRET: is shorter than 32 bytes/),
      expect.stringMatching(/^SDK_RUNTIME_CACHE_KEY: is a placeholder/),
      expect.stringMatching(/^S3_SECRET_KEY: is a sample value committed in the Grove repository/),
      expect.stringMatching(/^BOOTSTRAP_ADMIN_PASSWORD: is a sample value committed/),
    ]);
    for (const value of Object.values(env))
      for (const problem of problems) expect(problem).not.toContain(value);
  });

  it('counts bytes, not characters', () => {
    expect(placeholderReason('密'.repeat(11), { minBytes: 32 })).toBeUndefined(); // 33 bytes
    expect(placeholderReason('密'.repeat(10), { minBytes: 32 })).toBe('is shorter than 32 bytes'); // 30 bytes
  });

  it('applies to production only and accepts random secrets', () => {
    const env = Object.fromEntries(GROVE_SECRET_VARIABLES.map((name) => [name, 'change-me']));
    expect(placeholderSecretProblems(env, 'development')).toEqual([]);
    expect(placeholderSecretProblems(env, 'test')).toEqual([]);
    expect(
      placeholderSecretProblems(
        Object.fromEntries(GROVE_SECRET_VARIABLES.map((name) => [name, good()])),
        'production',
      ),
    ).toEqual([]);
  });

  it('assertDeployable reports topology and secrets together, secrets even in embedded mode', () => {
    const env = { JWT_SECRET: 'change-me-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' };
    const both = problemsOf(() =>
      assertDeployable({
        config: { ...standard, EVENTS_DRIVER: 'memory' },
        env,
        deployable: 'the standalone account subgraph',
        shared: true,
      }),
    );
    expect(both).toEqual([
      expect.stringMatching(/^EVENTS_DRIVER=memory .*the standalone account subgraph/),
      expect.stringMatching(/^JWT_SECRET: is a placeholder/),
    ]);
    const embedded = problemsOf(() =>
      assertDeployable({
        config: { ...standard, DOCUMENTS_DRIVER: 'sqlite', EVENTS_DRIVER: 'memory' },
        env,
        deployable: 'x',
        shared: false,
      }),
    );
    expect(embedded).toEqual([expect.stringMatching(/^JWT_SECRET: is a placeholder/)]);
  });

  it('refuses every secret value committed in the repository', () => {
    // Deployment samples live in env, compose, manifest and Markdown files; TypeScript tests use random secrets.
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter(
        (f) => /(\.env(\.example)?|\.ya?ml|\.md|\.sh|Dockerfile)$/.test(f) && !f.includes('node_modules/'),
      );
    expect(files.length).toBeGreaterThan(0);
    const names = [...GROVE_SECRET_VARIABLES, ...OTHER_SECRET_VARIABLES, 'MINIO_ROOT_PASSWORD'].join('|');
    const assignment = new RegExp(`\\b(${names})\\b["']?\\s*[:=]\\s*["']?([^\\s"'#,}]+)`, 'g');
    const accepted: string[] = [];
    let seen = 0;
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(join(ROOT, file), 'utf8');
      } catch {
        continue; // listed but deleted in the work tree
      }
      for (const [, name, value] of text.matchAll(assignment)) {
        seen += 1;
        if (/[$(<>`|]/.test(value) || /^(\.+|…|—)$/.test(value)) continue; // an expression, an ellipsis or a table cell
        const minBytes = (GROVE_SECRET_VARIABLES as readonly string[]).includes(name) ? 32 : 0;
        if (!placeholderReason(value, { minBytes })) accepted.push(`${file}: ${name}=${value}`);
      }
    }
    expect(seen).toBeGreaterThan(0); // the infra files name these variables: the scan reads them
    expect(accepted).toEqual([]);
  });
});

describe('runSubgraphService', () => {
  it('stops a standalone subgraph on embedded drivers with exit code 78 and one message', async () => {
    const script = `require('./packages/platform/src/federation/run-subgraph-service').runSubgraphService({
      name: 'probe', schema: require('./packages/platform/src/config/platform-config').platformEnvSchema,
      address: () => ({ host: '127.0.0.1', port: 0 }),
      build: () => { throw new Error('must not build'); },
    });`;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', '-e', script], {
      cwd: ROOT,
      env: {
        PATH: readProcessEnv().PATH,
        NODE_ENV: 'production',
        JWT_SECRET: 'change-me-please-000000000000000000000000',
        INTERNAL_TOKEN_SECRET: randomToken(48),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(78);
    expect(stderr.trim().split('\n')).toEqual([
      'Invalid configuration:',
      expect.stringContaining(
        'DOCUMENTS_DRIVER=sqlite keeps documents in files of this process; the standalone probe subgraph',
      ),
      expect.stringContaining('EVENTS_DRIVER=memory delivers events only inside this process'),
      expect.stringContaining('JWT_SECRET: is a placeholder'),
    ]);
  }, 60_000);
});
