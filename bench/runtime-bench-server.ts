import 'reflect-metadata';
import Fastify from 'fastify';
import { createRuntimeBenchFixture } from '@grove/sdk-runtime/src/runtime-bench.fixture';

/**
 * One runtime benchmark server per process. `runtime`: the SDK runtime routes (signature check, nonce
 * store, read-model) over an in-process platform with one published, linked applet. `bare`: a plain
 * fastify route answering the same JSON that `runtime` produced, with no checks at all.
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
    const body = await fixture.app.inject({ method: 'GET', url: signed.url, headers: signed.headers }).then((r) => r.json());
    const bare = Fastify();
    bare.get(path, async () => body);
    url = await bare.listen({ host: '127.0.0.1', port: 0 });
  }
  process.stdout.write(`BENCH_READY ${JSON.stringify({ url, path, query, ...fixture.credentials })}\n`);
  process.once('SIGTERM', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
