import { existsSync, statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply } from 'fastify';

export const CONSOLE_PREFIX = '/console';
/** Vite puts every hashed (content-addressed) file under assets/: they never change, so they are cached for a year. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files: always revalidated, so a new build is seen at once. */
export const REVALIDATE_CACHE = 'no-cache';

/**
 * The web console (docs/console.md) at /console, in embedded and distributed mode alike: the SPA's static build from
 * `dir`. Hashed assets get long-lived caching, everything else `no-cache`; any other path under /console is a deep
 * link into the SPA and gets index.html (the client-side router draws the page), but a missing asset is a 404.
 * The console has no backend of its own: it calls /graphql and the REST routes next to it.
 */
export async function registerConsoleRoutes(
  app: FastifyInstance,
  options: { dir: string; logger: FastifyBaseLogger },
): Promise<void> {
  const root = resolve(options.dir);
  // reply.sendFile only: the routes below decide what is served (a build replaced while running is picked up).
  await app.register(fastifyStatic, {
    root,
    serve: false,
    cacheControl: false,
    etag: true,
    lastModified: true,
    // The build writes .br/.gz beside each file (scripts/console-build.ts): sent to browsers that accept them.
    preCompressed: true,
  });
  const built = () => existsSync(join(root, 'index.html'));
  if (!built()) {
    options.logger.warn(
      { dir: root },
      'web console not built: /console answers 503 until `npm run build -w console` (npm start builds it)',
    );
  }

  const sendIndex = (reply: FastifyReply) => {
    if (!built()) {
      return reply
        .code(503)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send(
          'The web console is not built: run `npm run build -w console` (or `npm start`, which builds it when missing).',
        );
    }
    return reply.header('cache-control', REVALIDATE_CACHE).sendFile('index.html', { cacheControl: false });
  };

  app.get(CONSOLE_PREFIX, (_request, reply) => reply.redirect(`${CONSOLE_PREFIX}/`, 302));
  app.get(`${CONSOLE_PREFIX}/*`, (request, reply) => {
    const wildcard = (request.params as { '*': string })['*'] ?? '';
    const path = normalize(decodeURIComponent(wildcard.split('?')[0]!)).replace(/^(\.\.(\/|\\|$))+/, '');
    const file = join(root, path);
    const isFile =
      path !== '' &&
      path !== '.' &&
      file.startsWith(root + sep) &&
      statSync(file, { throwIfNoEntry: false })?.isFile();
    if (isFile) {
      const hashed = path.startsWith(`assets${sep}`);
      return reply
        .header('cache-control', hashed ? IMMUTABLE_CACHE : REVALIDATE_CACHE)
        .sendFile(path, { cacheControl: false });
    }
    // A hashed file that is not there (an old build's): not the SPA, or the browser would run HTML as a script.
    if (path.startsWith(`assets${sep}`) || /\.(js|css|map|png|svg|ico|woff2?)$/.test(path)) {
      return reply.code(404).header('cache-control', 'no-store').send({ error: 'Not Found' });
    }
    return sendIndex(reply);
  });
}
