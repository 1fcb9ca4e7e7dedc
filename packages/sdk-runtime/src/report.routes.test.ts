import { gzipSync } from 'node:zlib';
import {
  ANALYTICS_RAW_EVENTS_TOPIC,
  MAX_REPORT_BYTES,
  analyticsEvents,
  parseContractEvent,
  type ReportAcceptedPayload,
} from '@grove/contracts';
import type { DomainEvent } from '@grove/platform';
import { createRegionLookup } from './report-region';
import { signRuntimeRequest } from './runtime-signature';
import {
  createMiniProgram,
  createRuntimePlatform,
  eventually,
  linkedHostApp,
  startRuntimeServer,
  type HostAppKeys,
  type RuntimePlatform,
  type RuntimeServer,
} from './sdk-runtime.test-support';

const PATH = '/runtime/v1/reports';
let platform: RuntimePlatform;
let server: RuntimeServer;
let keys: HostAppKeys;
let appId: string;
let otherAppId: string;
const received: Array<DomainEvent<unknown>> = [];

function event(n: number, extra: Record<string, unknown> = {}) {
  return {
    eventId: `event-${String(n).padStart(6, '0')}`,
    type: 'app_launch',
    appId,
    deviceId: 'device-0001',
    launchId: 'launch-0001',
    platform: 'ANDROID',
    clientTs: Date.now(),
    ...extra,
  };
}

function post(
  body: unknown,
  options: { gzip?: boolean; keys?: HostAppKeys; raw?: Buffer } = {},
): Promise<Response> {
  const signer = options.keys ?? keys;
  const headers = signRuntimeRequest({
    sdkKey: signer.sdkKey,
    secret: signer.sdkSecret,
    method: 'POST',
    path: PATH,
  });
  const json = options.raw ?? Buffer.from(JSON.stringify(body));
  return fetch(`${server.baseUrl}${PATH}`, {
    method: 'POST',
    headers: {
      ...headers,
      'content-type': 'application/json',
      ...(options.gzip ? { 'content-encoding': 'gzip' } : {}),
    },
    body: options.gzip ? gzipSync(json) : json,
  });
}

beforeAll(async () => {
  platform = await createRuntimePlatform();
  appId = await createMiniProgram(platform);
  otherAppId = await createMiniProgram(platform);
  keys = await linkedHostApp(platform, [appId]);
  await platform.runtime.events.subscribe(ANALYTICS_RAW_EVENTS_TOPIC, 'report-test', async (e) => {
    received.push(e);
  });
  server = await startRuntimeServer(platform);
});

afterAll(async () => {
  await server?.close();
  await platform?.dispose();
});

describe('POST /runtime/v1/reports', () => {
  it('accepts the good events of a gzipped batch, rejects each bad one with its reason, and appends one bus entry', async () => {
    const before = received.length;
    const response = await post(
      {
        schemaVersion: 1,
        sentAt: Date.now(),
        events: [
          event(1),
          event(2, { type: 'page_show' }),
          event(3, { appId: otherAppId }),
          event(1),
          event(4, { type: 'page_show', pagePath: 'pages/index/index' }),
        ],
      },
      { gzip: true },
    );
    expect(response.status).toBe(202);
    const body = (await response.json()) as {
      errcode: string;
      data: {
        accepted: number;
        rejected: number;
        rejections: Array<{ index: number; code: string; reason: string }>;
      };
    };
    expect(body.errcode).toBe('OK');
    expect(body.data).toMatchObject({ accepted: 2, rejected: 3 });
    expect(body.data.rejections.map((r) => [r.index, r.code])).toEqual([
      [1, 'INVALID_EVENT'],
      [2, 'APPLET_NOT_LINKED'],
      [3, 'DUPLICATE_IN_BATCH'],
    ]);
    expect(body.data.rejections[0].reason).toContain('pagePath');

    await eventually(() => expect(received.length).toBe(before + 1));
    const parsed = parseContractEvent(analyticsEvents, received[before]);
    if (!parsed.ok) throw new Error(parsed.detail);
    const payload: ReportAcceptedPayload = parsed.payload;
    expect(payload.hostAppId).toBe(keys.hostAppId);
    expect(payload.orgId).toBe(platform.orgId);
    expect(payload.events.map((e) => e.eventId)).toEqual(['event-000001', 'event-000004']);
    expect(payload.receivedAt).toBeGreaterThan(0);
    // Loopback has no region, and the client IP is not part of what is appended.
    expect(payload.region).toBeNull();
    expect(JSON.stringify(received[before])).not.toContain('127.0.0.1');
  });

  it('refuses a batch that is not a report as a whole, with a stable code', async () => {
    const wrongVersion = await post({ schemaVersion: 9, sentAt: Date.now(), events: [event(5)] });
    expect(wrongVersion.status).toBe(400);
    expect(await wrongVersion.json()).toMatchObject({ errcode: 'BAD_REQUEST' });
    const notJson = await post(null, { raw: Buffer.from('{nope') });
    expect(await notJson.json()).toMatchObject({
      errcode: 'BAD_REQUEST',
      error: 'The body is not valid JSON',
    });
    const bomb = await post(null, { gzip: true, raw: Buffer.alloc(MAX_REPORT_BYTES + 10, 0x20) });
    expect(bomb.status).toBe(413);
    expect(await bomb.json()).toMatchObject({ errcode: 'REPORT_TOO_LARGE' });
  });

  it('is signed like every runtime route', async () => {
    const unsigned = await fetch(`${server.baseUrl}${PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ errcode: 'APP_KEY_INVALID' });
    const forged = await post(
      { schemaVersion: 1, sentAt: Date.now(), events: [event(6)] },
      { keys: { ...keys, sdkSecret: 'not-the-secret' } },
    );
    expect(await forged.json()).toMatchObject({ errcode: 'SIGNATURE_INVALID' });
  });
});

describe('region lookup', () => {
  it('finds province and city offline and keeps no place for private addresses', () => {
    const regions = createRegionLookup();
    expect(regions.regionOf('120.24.78.68')).toEqual({ country: '中国', province: '广东省', city: '深圳市' });
    expect(regions.regionOf('::ffff:120.24.78.68')).toMatchObject({ city: '深圳市' });
    expect(regions.regionOf('10.1.2.3')).toBeNull();
    expect(regions.regionOf('not an ip')).toBeNull();
  });
});
