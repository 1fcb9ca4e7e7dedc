import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { readProcessEnv } from '@grove/platform';

/**
 * Builds the web console (console/, Vite) into console/dist, which the router serves at /console (docs/console.md).
 * `npm start` runs it with --if-stale first, so `npm install && npm start` serves a console; `npm run build` builds it
 * always; the browser test builds it when stale, and says how long it took.
 */
const ROOT = resolve(__dirname, '..');
export const CONSOLE_ROOT = join(ROOT, 'console');
export const CONSOLE_DIST = join(CONSOLE_ROOT, 'dist');
/** What the build reads: a change to any of them makes the build stale. */
const INPUTS = [
  join(CONSOLE_ROOT, 'src'),
  join(CONSOLE_ROOT, 'build'),
  join(CONSOLE_ROOT, 'index.html'),
  join(CONSOLE_ROOT, 'vite.config.ts'),
  join(CONSOLE_ROOT, 'package.json'),
  join(ROOT, 'schema', 'generated'),
];

function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** True when console/dist is missing or older than one of its inputs. */
export function consoleBuildIsStale(): boolean {
  const built = statSync(join(CONSOLE_DIST, 'index.html'), { throwIfNoEntry: false });
  return !built || INPUTS.some((input) => newestMtime(input) > built.mtimeMs);
}

/** Runs `vite build` in console/ (unless `ifStale` and the build is current); returns what it did and how long it took. */
export function buildConsole(options: { ifStale?: boolean } = {}): { built: boolean; ms: number } {
  const started = Date.now();
  if (options.ifStale && !consoleBuildIsStale()) return { built: false, ms: Date.now() - started };
  execFileSync(
    process.execPath,
    [join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: CONSOLE_ROOT,
      stdio: 'inherit',
      // A production build whoever runs it (Jest sets NODE_ENV=test, which would give React's development build).
      env: { ...readProcessEnv(), NODE_ENV: 'production' },
    },
  );
  precompress(CONSOLE_DIST);
  return { built: true, ms: Date.now() - started };
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file of the build: the router serves them to browsers that
 * accept them (@fastify/static's preCompressed), so nothing is compressed per request.
 */
function precompress(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) precompress(path);
    else if (/\.(js|css|html|svg|json)$/.test(entry.name)) {
      const body = readFileSync(path);
      writeFileSync(
        `${path}.br`,
        brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
      writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
    }
  }
}

if (require.main === module) {
  const { built, ms } = buildConsole({ ifStale: process.argv.includes('--if-stale') });
  console.log(
    built
      ? `Built the web console into console/dist in ${ms} ms.`
      : 'The web console build in console/dist is current.',
  );
}
