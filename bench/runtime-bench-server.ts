import 'reflect-metadata';
import Fastify from 'fastify';
import { ANALYTICS_RAW_EVENTS_TOPIC, MAX_REPORT_BYTES } from '@grove/contracts';
import { serveAllocationMeter } from './alloc-meter';
import {
  createRuntimeBenchFixture,
  RUNTIME_BENCH_SERVER_OPTIONS,
} from '@grove/sdk-runtime/src/runtime-bench.fixture';

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
  if (kind === 'report' || kind === 'report-bare') return serveReports(kind);
  if (kind !== 'runtime' && kind !== 'bare')
    throw new Error('usage: runtime-bench-server.ts runtime|bare|report|report-bare');
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

/**
 * `report`: the signed report route (POST {prefix}/reports) with `analytics.raw-events` journaled on disk as in the
 * embedded profile (DATA_DIR/events-journal.sqlite), so a 202 means the batch is durable. `report-bare`: a plain
 * fastify POST route at the same path that parses the same JSON body and answers the same 202 receipt, no checks.
 */
async function serveReports(kind: 'report' | 'report-bare'): Promise<void> {
  const fixture = await createRuntimeBenchFixture({
    durableTopics: kind === 'report' ? [ANALYTICS_RAW_EVENTS_TOPIC] : [],
  });
  const path = `${fixture.prefix}/reports`;
  let url: string;
  if (kind === 'report') {
    url = await fixture.app.listen({ host: '127.0.0.1', port: 0 });
  } else {
    const bare = Fastify({ ...RUNTIME_BENCH_SERVER_OPTIONS, bodyLimit: MAX_REPORT_BYTES });
    bare.post(path, async (request, reply) => {
      const events = (request.body as { events?: unknown[] }).events ?? [];
      return reply
        .code(202)
        .header('cache-control', 'no-store')
        .send({ errcode: 'OK', data: { accepted: events.length, rejected: 0, rejections: [] } });
    });
    url = await bare.listen({ host: '127.0.0.1', port: 0 });
  }
  serveAllocationMeter();
  process.stdout.write(
    `BENCH_READY ${JSON.stringify({ url, path, appId: fixture.appId, versionId: fixture.versionId, ...fixture.credentials })}\n`,
  );
  process.once('SIGTERM', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
