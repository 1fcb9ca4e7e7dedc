import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { transformSync, type Options } from '@swc/core';
import { buildConsole } from './console-build';

/**
 * `npm run build` (docs/adr/0008): compiles the TypeScript every service runs into plain CommonJS, `<workspace>/dist`
 * mirroring `<workspace>/src`, with a `.js.map` beside each file. Services started from dist/ need neither
 * `@swc-node/register` (the TypeScript compiler, SWC's native binding and an in-memory source map per module) nor
 * source-map handling on every stack capture. `npm start` and the tests keep running the sources directly.
 *
 * Workspace imports (`@grove/platform`) are rewritten to the dependency's built entry (`../../packages/platform/dist/index.js`),
 * so the workspaces' `main` keeps pointing at `src/index.ts` for everything that runs the sources.
 */
const ROOT = resolve(__dirname, '..');
const WORKSPACE_GLOBS = ['packages', 'subgraphs'];
const SINGLE_WORKSPACES = ['router'];
/** What only tests load: never shipped, never compiled. */
const NOT_SHIPPED = [
  /\.test\.ts$/,
  /\.test-support\.ts$/,
  /\.fixtures?\.ts$/,
  /\.d\.ts$/,
  /(^|\/)test-support\//,
];
/** The same transform as `.swcrc` (Jest) and `@swc-node/register`: legacy decorators with metadata for type-graphql and typegoose. */
const SWC: Options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    target: 'es2022',
    keepClassNames: true,
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
  },
  module: { type: 'commonjs' },
  sourceMaps: true,
  swcrc: false,
  configFile: false,
};

interface Workspace {
  name: string;
  dir: string;
}

function workspaces(): Workspace[] {
  const dirs = [
    ...WORKSPACE_GLOBS.flatMap((parent) =>
      readdirSync(join(ROOT, parent)).map((child) => join(ROOT, parent, child)),
    ),
    ...SINGLE_WORKSPACES.map((dir) => join(ROOT, dir)),
  ];
  return (
    dirs
      .filter((dir) => statSync(join(dir, 'src'), { throwIfNoEntry: false })?.isDirectory())
      .map((dir) => ({
        name: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name as string,
        dir,
      }))
      // testkit is for tests only (a devDependency of every workspace): nothing that ships imports it.
      .filter((workspace) => workspace.name !== '@grove/testkit')
  );
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    const rel = relative(ROOT, path).split(sep).join('/');
    return entry.name.endsWith('.ts') && !NOT_SHIPPED.some((pattern) => pattern.test(rel)) ? [path] : [];
  });
}

/** Compiles one module to `out` (plus `out.map`), linking `@grove/<package>` imports to the packages' built entries. */
function compileModule(file: string, out: string, byName: Map<string, Workspace>): void {
  const { code, map } = transformSync(readFileSync(file, 'utf8'), {
    ...SWC,
    filename: file,
    sourceFileName: relative(dirname(out), file).split(sep).join('/'),
  });
  const linked = code.replace(
    /require\("(@grove\/[a-z0-9-]+)(\/[^"]*)?"\)/g,
    (_all, name: string, subpath?: string) => {
      const target = byName.get(name);
      if (!target || subpath) {
        throw new Error(
          `${relative(ROOT, file)}: ${name}${subpath ?? ''} is not a shipped workspace entry (only @grove/<package> itself can be imported)`,
        );
      }
      let path = relative(dirname(out), join(target.dir, 'dist', 'index.js'))
        .split(sep)
        .join('/');
      if (!path.startsWith('.')) path = `./${path}`;
      return `require(${JSON.stringify(path)})`;
    },
  );
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${linked}\n//# sourceMappingURL=${out.slice(dirname(out).length + 1)}.map\n`);
  if (map) writeFileSync(`${out}.map`, map);
}

/**
 * One self-contained script (a benchmark's server) as a built service is: plain JavaScript at `out` whose
 * `@grove/<package>` imports load the packages' dist/ (run `buildServices()` first). Relative imports are not followed.
 */
export function buildScript(file: string, out: string): void {
  compileModule(
    resolve(file),
    resolve(out),
    new Map(workspaces().map((workspace) => [workspace.name, workspace])),
  );
}

/** Compiles every shipped workspace; returns how many files were written. */
export function buildServices(): number {
  const started = Date.now();
  const all = workspaces();
  const byName = new Map(all.map((workspace) => [workspace.name, workspace]));
  let files = 0;
  for (const workspace of all) {
    const src = join(workspace.dir, 'src');
    const dist = join(workspace.dir, 'dist');
    rmSync(dist, { recursive: true, force: true });
    for (const file of sources(src)) {
      const out = join(dist, relative(src, file)).replace(/\.ts$/, '.js');
      compileModule(file, out, byName);
      files++;
    }
  }
  console.log(
    `Built ${files} files of ${all.length} workspaces into <workspace>/dist in ${Date.now() - started} ms.`,
  );
  return files;
}

if (require.main === module) {
  buildServices();
  // The web console the router serves at /console (scripts/console-build.ts); the image builds it in its own stage.
  if (!process.argv.includes('--no-console')) {
    const { ms } = buildConsole();
    console.log(`Built the web console into console/dist in ${ms} ms.`);
  }
}
