import { createRuntimeBenchFixture } from './runtime-bench.fixture';

it('builds a ready app whose signed requests are served', async () => {
  const fixture = await createRuntimeBenchFixture();
  try {
    const { url, headers } = fixture.sign(`${fixture.prefix}/applets/${fixture.appId}`, {
      deviceId: 'bench-1',
      platform: 'IOS',
    });
    const base = await fixture.app.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${base}${url}`, { headers });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      errcode: 'OK',
      data: { version: { id: fixture.versionId } },
    });
    // Each signature carries a new nonce, so a benchmark can send many.
    const again = fixture.sign(`${fixture.prefix}/config`);
    expect(again.headers['x-nonce']).not.toBe(headers['x-nonce']);
    expect(await (await fetch(`${base}${again.url}`, { headers: again.headers })).json()).toMatchObject({
      errcode: 'OK',
    });
  } finally {
    await fixture.close();
  }
});
