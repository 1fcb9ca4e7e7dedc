import type { RuleContext } from '@grove/gray-rules';
import { ANALYTICS_EXPOSURES_TOPIC, type Exposure } from '@grove/contracts';
import {
  approvedVersion,
  createRuntimePlatform,
  eventually,
  linkedHostApp,
  publishedApplet,
  signedGet,
  startRuntimeServer,
  type HostAppKeys,
  type RuntimePlatform,
  type RuntimeServer,
} from './sdk-runtime.test-support';
import type { RuntimeSources } from './runtime-sources';

const P = '/runtime/v1';
const DEVICES = 1000;
let platform: RuntimePlatform;
let server: RuntimeServer;
const calls: Record<string, number> = {};
/** What the runtime recorded it served (ADR 0012), as the analytics consumer receives it. */
const exposures: Exposure[] = [];

/** The real sources, counted: shows what the read-model answers from its cache. */
function counted(sources: RuntimeSources): RuntimeSources {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(sources) as Array<
    [string, (...args: unknown[]) => Promise<unknown>]
  >) {
    wrapped[name] = (...args: unknown[]) => {
      calls[name] = (calls[name] ?? 0) + 1;
      return fn(...args);
    };
  }
  return wrapped as unknown as RuntimeSources;
}

async function infoFor(keys: HostAppKeys, appId: string, context: Record<string, string>) {
  const body = (await (await signedGet(server, keys, `${P}/applets/${appId}`, context)).json()) as {
    errcode: string;
    data: { version: { id: string; gray: boolean } };
  };
  expect(body.errcode).toBe('OK');
  return body.data.version;
}

beforeAll(async () => {
  platform = await createRuntimePlatform();
  await platform.runtime.events.subscribe<{ exposures: Exposure[] }>(
    ANALYTICS_EXPOSURES_TOPIC,
    'test-exposures',
    async (event) => void exposures.push(...event.payload.exposures),
  );
  server = await startRuntimeServer(
    { ...platform, sources: counted(platform.sources) },
    { localTtlMs: 60_000, exposures: { flushIntervalMs: 20 } },
  );
});

afterAll(async () => {
  await server?.close();
  await platform?.dispose();
});

it('answers repeated requests from the read-model cache, not the sources', async () => {
  const { appId } = await publishedApplet(platform);
  const keys = await linkedHostApp(platform, [appId]);
  // Events of the setup (published, linked, ...) still drop the entries while they arrive; wait until they have.
  await eventually(async () => {
    await infoFor(keys, appId, { deviceId: 'warm-up' });
    const settled = { ...calls };
    await infoFor(keys, appId, { deviceId: 'warm-up' });
    expect(calls).toEqual(settled);
  });
  const before = { ...calls };
  for (let i = 0; i < 20; i++) await infoFor(keys, appId, { deviceId: `device-${i}` });
  expect(calls).toEqual(before);
});

describe('gray release', () => {
  let appId: string;
  let published: string;
  let gray: string;
  let keys: HostAppKeys;
  let planId: string;

  beforeAll(async () => {
    ({ appId, versionId: published } = await publishedApplet(platform));
    gray = (await approvedVersion(platform, appId)).id;
    await platform.appManage.services.versions.startGrayRelease(platform.owner, gray, { grayPercentage: 20 });
    keys = await linkedHostApp(platform, [appId]);
    // Warm the cache before the plan exists: the plan's events must invalidate it.
    expect((await infoFor(keys, appId, { deviceId: 'd-0', platform: 'IOS' })).id).toBe(published);

    const { rules, plans } = platform.ruleEngine.services;
    // The rule engine learns about the mini-program from app-manage's events.
    let ruleId = '';
    await eventually(async () => {
      ruleId = (
        await rules.create(platform.owner, {
          appId,
          name: 'mobile',
          rule: { salt: 'spring-sale', match: { field: 'platform', op: 'in', value: ['IOS', 'ANDROID'] } },
        })
      ).id;
    });
    // The rule engine learns the version's status from app-manage's events too.
    await eventually(async () => {
      planId = (await plans.start(platform.owner, { appId, grayVersionId: gray, ruleId, percentage: 20 })).id;
    });
    await eventually(
      async () => expect((await server.handle.readModel.appletState(appId)).gray?.plan.planId).toBe(planId),
      1000,
    );
  });

  it('serves the gray version to about 20% of matching devices, the same answer every time, as the rule engine decides', async () => {
    const answers = new Map<string, string>();
    let grayCount = 0;
    for (let i = 0; i < DEVICES; i++) {
      const context = { deviceId: `device-${i}`, platform: i % 2 ? 'IOS' : 'android', osVersion: '17.1' };
      const version = await infoFor(keys, appId, context);
      answers.set(context.deviceId, version.id);
      if (version.id === gray) {
        expect(version.gray).toBe(true);
        grayCount++;
      } else expect(version.id).toBe(published);
      const engine = await platform.ruleEngine.services.plans.chooseVersion(appId, context as RuleContext);
      expect(version.id).toBe(engine ? engine.versionId : published);
    }
    expect(grayCount).toBeGreaterThanOrEqual(DEVICES * 0.15);
    expect(grayCount).toBeLessThanOrEqual(DEVICES * 0.25);

    for (let i = 0; i < DEVICES; i += 10) {
      const version = await infoFor(keys, appId, {
        deviceId: `device-${i}`,
        platform: i % 2 ? 'IOS' : 'android',
        osVersion: '17.1',
      });
      expect(version.id).toBe(answers.get(`device-${i}`));
    }
    // The exposure record says what was served to whom, under which plan and rule (the statistics join on it).
    await eventually(async () =>
      expect(new Set(exposures.filter((x) => x.releasePlanId === planId).map((x) => x.deviceId)).size).toBe(
        DEVICES,
      ),
    );
    const ruleId = (await platform.ruleEngine.services.plans.get(platform.owner, planId)).ruleId;
    for (const x of exposures.filter((e) => e.releasePlanId === planId)) {
      const served = answers.get(x.deviceId)!;
      expect(x).toMatchObject({
        appId,
        versionId: served,
        versionSource: served === gray ? 'gray' : 'release',
        ruleId: served === gray ? ruleId : null,
        hostAppId: keys.hostAppId,
      });
    }
    // A request without a device id is served but not recorded: nothing to join reports with.
    const handled = () => Object.values(server.handle.exposures()).reduce((a, b) => a + b, 0);
    const before = handled();
    await infoFor(keys, appId, { platform: 'IOS', userId: 'user-1' });
    expect(handled()).toBe(before);
    await infoFor(keys, appId, { platform: 'IOS', deviceId: 'device-new' });
    expect(handled()).toBe(before + 1);

    // The device's package download follows the same choice.
    const grayDevice = [...answers].find(([, v]) => v === gray)![0];
    const index = Number(grayDevice.split('-')[1]);
    const download = await signedGet(server, keys, `${P}/applets/${appId}/package`, {
      deviceId: grayDevice,
      platform: index % 2 ? 'IOS' : 'android',
    });
    expect(download.headers.get('x-version-id')).toBe(gray);
    await download.arrayBuffer();
  });

  it('never serves it to devices the rule does not match', async () => {
    for (let i = 0; i < 200; i++)
      expect((await infoFor(keys, appId, { deviceId: `device-${i}`, platform: 'HARMONY' })).id).toBe(
        published,
      );
  });

  it('follows the plan: raised to 100% everyone matching, reverted nobody', async () => {
    const { plans } = platform.ruleEngine.services;
    await plans.raise(platform.owner, planId, 100);
    await eventually(
      async () =>
        expect((await infoFor(keys, appId, { deviceId: 'device-x', platform: 'IOS' })).id).toBe(gray),
      1000,
    );
    for (let i = 0; i < 50; i++)
      expect((await infoFor(keys, appId, { deviceId: `device-${i}`, platform: 'IOS' })).id).toBe(gray);
    await plans.revert(platform.owner, planId);
    await eventually(
      async () =>
        expect((await infoFor(keys, appId, { deviceId: 'device-x', platform: 'IOS' })).id).toBe(published),
      1000,
    );
    for (let i = 0; i < 50; i++)
      expect((await infoFor(keys, appId, { deviceId: `device-${i}`, platform: 'IOS' })).id).toBe(published);
  });
});
