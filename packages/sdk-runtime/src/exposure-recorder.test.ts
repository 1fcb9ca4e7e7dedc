import { ANALYTICS_EXPOSURES_TOPIC, type Exposure } from '@grove/contracts';
import { MemoryEventBus, silentLogger, type DomainEvent } from '@grove/platform';
import { eventually } from '@grove/testkit';
import { ExposureRecorder } from './exposure-recorder';

const decision = (deviceId: string): Omit<Exposure, 'servedAt'> => ({
  appId: 'mp0123456789abcdef',
  deviceId,
  versionId: 'v2',
  versionSource: 'gray',
  releasePlanId: 'plan-1',
  ruleId: 'rule-1',
  hostAppId: 'host-1',
  orgId: 'org-1',
});

describe('exposure recorder', () => {
  let bus: MemoryEventBus;
  let received: Array<DomainEvent<{ exposures: Exposure[] }>>;

  beforeEach(async () => {
    bus = new MemoryEventBus();
    received = [];
    await bus.subscribe<{ exposures: Exposure[] }>(
      ANALYTICS_EXPOSURES_TOPIC,
      'test',
      async (event) => void received.push(event),
    );
  });
  afterEach(async () => {
    await bus.close();
  });

  it('holds a partial batch for the timer, appends once a batch is full, in batches of at most 500, each decision once', async () => {
    const now = Date.parse('2025-03-02T01:00:00Z');
    const recorder = new ExposureRecorder(bus, silentLogger(), { flushIntervalMs: 60_000, now: () => now });
    for (let i = 0; i < 10; i++) recorder.record(decision(`device-${i}`));
    await new Promise((resolve) => setImmediate(resolve));
    expect(recorder.snapshot()).toEqual({ published: 0, dropped: 0, deduplicated: 0, buffered: 10 });
    for (let i = 10; i < 1200; i++) recorder.record(decision(`device-${i}`));
    await eventually(async () =>
      expect(received.map((e) => e.payload.exposures.length)).toEqual([500, 500, 200]),
    );
    expect(recorder.snapshot()).toEqual({ published: 1200, dropped: 0, deduplicated: 0, buffered: 0 });
    recorder.record(decision('device-1200'));
    await recorder.close();
    await eventually(async () =>
      expect(received.map((e) => e.payload.exposures.length)).toEqual([500, 500, 200, 1]),
    );
    const all = received.flatMap((e) => e.payload.exposures);
    expect(new Set(all.map((x) => x.deviceId)).size).toBe(1201);
    expect(all[0]).toEqual({ ...decision('device-0'), servedAt: now });
    expect(received[0]).toMatchObject({ type: 'exposures.recorded', headers: { 'schema-version': '1' } });
    recorder.record(decision('after-close'));
    expect(recorder.snapshot().buffered).toBe(0);
  });

  it('records the same decision for a device once per quarter hour', async () => {
    let now = Date.parse('2025-03-02T01:00:00Z');
    const recorder = new ExposureRecorder(bus, silentLogger(), { flushIntervalMs: 60_000, now: () => now });
    recorder.record(decision('device-1'));
    now += 14 * 60_000;
    recorder.record(decision('device-1'));
    // Another version for the same device is another decision.
    recorder.record({ ...decision('device-1'), versionId: 'v1', versionSource: 'release', ruleId: null });
    now += 60_000; // 01:15, the next slot
    recorder.record(decision('device-1'));
    await recorder.close();
    expect(recorder.snapshot()).toEqual({ published: 3, dropped: 0, deduplicated: 1, buffered: 0 });
    await eventually(async () =>
      expect(received.flatMap((e) => e.payload.exposures).map((x) => [x.versionId, x.servedAt])).toEqual([
        ['v2', Date.parse('2025-03-02T01:00:00Z')],
        ['v1', Date.parse('2025-03-02T01:14:00Z')],
        ['v2', Date.parse('2025-03-02T01:15:00Z')],
      ]),
    );
  });

  it('holds at most maxBuffered and drops (counting) what the bus refuses, without throwing to the caller', async () => {
    const recorder = new ExposureRecorder(bus, silentLogger(), { flushIntervalMs: 60_000, maxBuffered: 100 });
    for (let i = 0; i < 150; i++) recorder.record(decision(`device-${i}`));
    expect(recorder.snapshot()).toEqual({ published: 0, dropped: 50, deduplicated: 0, buffered: 100 });
    // The bus goes away: the buffered batch is lost and counted, never retried, never thrown.
    await bus.close();
    await expect(recorder.close()).resolves.toBeUndefined();
    expect(recorder.snapshot()).toEqual({ published: 0, dropped: 150, deduplicated: 0, buffered: 0 });
  });
});
