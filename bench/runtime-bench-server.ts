import 'reflect-metadata';
import Fastify from 'fastify';
import { serveAllocationMeter } from './alloc-meter';
import { createRuntimeBenchFixture, RUNTIME_BENCH_SERVER_OPTIONS } from '@grove/sdk-runtime/src/runtime-bench.fixture';

/**
 * One runtime benchmark server per process; both kinds build the same in-process platform (one published applet
 * linked to one host app, embedded drivers, silent platform logger), so both processes carry the same heap and
 * background work, and both serve from a fastify instance made with the same options (RUNTIME_BENCH_SERVER_OPTIONS:
 * `logger: false`) of the same fastify package.
 *
 * - `runtime`: the SDK runtime routes (schemas, signature, timestamp window, nonce guard, read-model, gray choice).
 * - `bare`: one plain fastify route at the same path with no checks at all, answering the JSON the runtime route
 *   produced (captured once at start) as an object that fastify serializes per request, with the same `etag` and
 *   `cache-control` headers. The runner checks that both answer the same status, content-type and body bytes.
 *
 * Prints `BENCH_READY {"url", "path", "query", "sdkKey", "sdkSecret"}`.
 */
async function main(): Promise<void> {
  const kind = process.argv[2];
  if (kind !== 'runtime' && kind !== 'bare') throw new Error('usage: runtime-bench-server.ts runtime|bare');
  const fixture = await createRuntimeBenchFixture();
  const path = `${fixture.prefix}/applets/${fixture.appId}`;
  const query = { deviceId: 'bench-device', platform: 'ANDROID' };
  let url: string;
  if (kind === 'runtime') {
    url = await fixture.app.listen({ host: '127.0.0.1', port: 0 });
  } else {
    const signed = fixture.sign(path, query);
    const answer = await fixture.app.inject({ method: 'GET', url: signed.url, headers: signed.headers });
    const body = answer.json<unknown>();
    const etag = String(answer.headers.etag);
    const cacheControl = String(answer.headers['cache-control']);
    const bare = Fastify(RUNTIME_BENCH_SERVER_OPTIONS);
    bare.get(path, async (_request, reply) => {
      void reply.header('etag', etag).header('cache-control', cacheControl);
      return body;
    });
    url = await bare.listen({ host: '127.0.0.1', port: 0 });
  }
  serveAllocationMeter();
  process.stdout.write(`BENCH_READY ${JSON.stringify({ url, path, query, ...fixture.credentials })}\n`);
  process.once('SIGTERM', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
