import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatDocument, stringifyDocument } from '@urql/core';
import { build } from 'esbuild';
import type { Plugin, Rollup } from 'vite';
import {
  ConsoleMiniProgramsDocument,
  ConsoleMyOrganizationsDocument,
  MeDocument,
} from '../../schema/generated/graphql';

/**
 * Inlines the boot script (src/boot/boot-prefetch.ts) at the top of index.html, build only (issue 11 §6): it sends the
 * app's first queries and preloads the page's chunks while the JavaScript downloads. What it needs from the build is
 * filled in here: the operations printed exactly as the app's urql client prints them (with `__typename`, so the
 * document cache sees the same types), and, per page of src/routes.ts, the chunks its lazy import loads.
 */

/** `path` → page module (as imported in routes.ts), in the table's order. */
export function routeModules(routesSource: string): Array<{ path: string; module: string }> {
  return [...routesSource.matchAll(/path:\s*'([^']+)'[\s\S]*?import\('([^']+)'\)/g)].map((m) => ({
    path: m[1]!,
    module: m[2]!,
  }));
}

/** `/mini-programs/:appId` → `/mini\-programs/[^/]+` (a RegExp source the boot script anchors). */
export function pathPattern(path: string): string {
  return path
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')))
    .join('/');
}

/** The chunks a page's chunk loads that the entry has not loaded already (its own, then its static imports). */
function pageChunks(bundle: Rollup.OutputBundle, moduleFile: string): string[] {
  const chunks = Object.values(bundle).filter((file): file is Rollup.OutputChunk => file.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const loaded = new Set<string>();
  const visit = (fileName: string) => {
    if (loaded.has(fileName)) return;
    loaded.add(fileName);
    for (const imported of byName.get(fileName)?.imports ?? []) visit(imported);
  };
  for (const entry of chunks.filter((chunk) => chunk.isEntry)) visit(entry.fileName);
  const page = chunks.find((chunk) => chunk.facadeModuleId?.replace(/\.tsx?$/, '') === moduleFile);
  if (!page) return [];
  const wanted: string[] = [];
  const collect = (fileName: string) => {
    if (loaded.has(fileName)) return;
    loaded.add(fileName);
    wanted.push(fileName);
    for (const imported of byName.get(fileName)?.imports ?? []) collect(imported);
  };
  collect(page.fileName);
  return wanted;
}

export function bootPrefetch(options: { srcDir: string }): Plugin {
  let base = '/';
  return {
    name: 'grove:boot-prefetch',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, context) {
        const bundle = context.bundle ?? {};
        const routes = routeModules(readFileSync(join(options.srcDir, 'routes.ts'), 'utf8')).map(
          ({ path, module }) =>
            [pathPattern(path), pageChunks(bundle, resolve(options.srcDir, module))] as const,
        );
        const print = (document: Parameters<typeof formatDocument>[0]) =>
          stringifyDocument(formatDocument(document));
        const result = await build({
          entryPoints: [join(options.srcDir, 'boot', 'boot-prefetch.ts')],
          bundle: true,
          write: false,
          format: 'iife',
          minify: true,
          target: 'es2020',
          define: {
            __BOOT_QUERIES__: JSON.stringify({
              Me: print(MeDocument),
              ConsoleMyOrganizations: print(ConsoleMyOrganizationsDocument),
              ConsoleMiniPrograms: print(ConsoleMiniProgramsDocument),
            }),
            __BOOT_ROUTE_CHUNKS__: JSON.stringify(routes.filter(([, chunks]) => chunks.length > 0)),
            __BOOT_BASE__: JSON.stringify(base),
          },
        });
        const script = result.outputFiles[0]!.text.trim();
        // Right after <meta charset> (which must come first): before the stylesheets, which a classic script waits for.
        const at = /<meta charset="UTF-8"\s*\/?>/i.exec(html);
        if (!at) throw new Error('boot prefetch: index.html has no <meta charset="UTF-8">');
        const end = at.index + at[0].length;
        return `${html.slice(0, end)}\n    <script>${script}</script>${html.slice(end)}`;
      },
    },
  };
}
