import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ANALYTICS_RAW_EVENTS_TOPIC,
  AnalyticsEventType,
  analyticsEvents,
  contractEvent,
  type ReportAcceptedPayload,
  type ReportEvent,
} from '@grove/contracts';
import { createTestRuntime, eventually, type TestRuntime } from '@grove/testkit';
import { createAnalyticsSubgraph, type AnalyticsSubgraph } from './analytics.subgraph';
import { dayOf } from './service/reporting-day';

const APP_ID = 'mp0123456789abcdef';
const NOW = Date.UTC(2025, 5, 10, 4, 0, 0);
const DAY = dayOf(NOW, 'Asia/Shanghai');

/** Reports as the runtime appends them: `launches` devices, one launch each (launch, page view, hide). */
function reports(launches: number): ReportAcceptedPayload[] {
  return Array.from({ length: launches }, (_, i) => {
    const device = `device-${String(i).padStart(4, '0')}`;
    const base = {
      appId: APP_ID,
      deviceId: device,
      launchId: `launch-${device}`,
      platform: 'ANDROID' as const,
    };
    const events: ReportEvent[] = [
      { ...base, eventId: `${device}-1`, type: 'app_launch', clientTs: NOW - 60_000 },
      { ...base, eventId: `${device}-2`, type: 'page_show', pagePath: 'pages/index', clientTs: NOW - 50_000 },
      { ...base, eventId: `${device}-3`, type: 'app_hide', durationMs: 40_000, clientTs: NOW - 20_000 },
    ];
    return { hostAppId: 'host-1', orgId: 'org-1', receivedAt: NOW, sentAt: NOW, region: null, events };
  });
}

/** The embedded profile after a crash: the reports were accepted (202) but the consumer had not cleaned them. */
describe('analytics in the embedded profile: accepted reports survive a crash before cleaning', () => {
  let dir: string;
  const open: Array<{ runtime: TestRuntime; subgraph?: AnalyticsSubgraph }> = [];
  const start = async () => {
    const runtime = await createTestRuntime({ dataDir: dir, durableTopics: [ANALYTICS_RAW_EVENTS_TOPIC] });
    const subgraph = await createAnalyticsSubgraph(runtime, {
      settings: { rollupIntervalMs: 0, storeDriver: 'sqlite' },
      now: () => NOW,
    });
    open.push({ runtime, subgraph });
    return { runtime, subgraph };
  };
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'grove-analytics-crash-'))));
  afterAll(async () => {
    for (const { runtime, subgraph } of open) {
      await subgraph?.close().catch(() => undefined);
      await runtime.close().catch(() => undefined);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts every accepted event exactly once after a restart', async () => {
    const first = await start();
    // The consumer stops (as if the process died before it got to them); the runtime keeps accepting.
    await first.subgraph.close();
    for (const payload of reports(30)) {
      await first.runtime.events.publish(
        ANALYTICS_RAW_EVENTS_TOPIC,
        contractEvent(analyticsEvents, AnalyticsEventType.REPORT_ACCEPTED, payload.hostAppId, payload),
      );
    }
    await first.runtime.close(); // the in-process queue is gone

    const second = await start();
    await eventually(
      async () =>
        expect([
          await second.subgraph.services.metrics.storedTotal(),
          await second.subgraph.services.metrics.droppedByReason(),
        ]).toEqual([90, {}]),
      10_000,
      20,
    );
    await second.subgraph.services.pipeline.recompute([DAY]);
    const [row] = await second.subgraph.services.store.daily(APP_ID, DAY, DAY, '');
    expect([row.launches, row.pageViews, row.activeUsers]).toEqual([30, 30, 30]);
    await second.subgraph.close();
    await second.runtime.close();

    // Restarted again: nothing is replayed, nothing counted twice.
    const third = await start();
    await third.subgraph.services.pipeline.recompute([DAY]);
    expect(await third.subgraph.services.metrics.storedTotal()).toBe(0);
    expect(await third.subgraph.services.metrics.droppedByReason()).toEqual({});
    const [again] = await third.subgraph.services.store.daily(APP_ID, DAY, DAY, '');
    expect([again.launches, again.pageViews, again.activeUsers]).toEqual([30, 30, 30]);
  });
});
