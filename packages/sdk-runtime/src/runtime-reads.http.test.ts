import { RUNTIME_READS_CALLER, RUNTIME_READS_PATH } from '@grove/contracts';
import { newId, serveSubgraph, silentLogger, type RunningSubgraph } from '@grove/platform';
import { runtimeReadsOverHttp } from './runtime-reads.http-client';
import { runtimeSourcesFromReads } from './runtime-sources.reads';
import type { RuntimeSources } from './runtime-sources';
import {
  approvedVersion,
  buildZip,
  createMiniProgram,
  createRuntimePlatform,
  eventually,
  linkedHostApp,
  miniAppPackage,
  publishedApplet,
  signedGet,
  startRuntimeServer,
  type HostAppKeys,
  type RuntimePlatform,
  type RuntimeServer,
} from './sdk-runtime.test-support';

const P = '/runtime/v1';
let platform: RuntimePlatform;
let fromModules: RuntimeSources;
let fromHttp: RuntimeSources;
/** The four owning modules, each served on its own port as a standalone service serves it. */
let services: Record<'app-manage' | 'rule-engine' | 'domain' | 'sdk', RunningSubgraph>;

// One fully set-up applet: published, gray-released under a running plan, linked, with domains and a config override.
let appId: string;
let publishedId: string;
let grayId: string;
let planId: string;
let keys: HostAppKeys;
let delistedAppId: string;
let draftAppId: string;

function httpSources(p: RuntimePlatform, timeoutMs = 5_000): RuntimeSources {
  return runtimeSourcesFromReads(
    runtimeReadsOverHttp({
      origins: {
        'app-manage': services['app-manage'].url,
        'rule-engine': services['rule-engine'].url,
        domain: services.domain.url,
        sdk: services.sdk.url,
        // Not served here (no account module in this platform); the router's test covers account's read.
        account: 'http://127.0.0.1:9/graphql',
        // The search service's reads are covered by the runtime search test.
        search: 'http://127.0.0.1:9/graphql',
      },
      credential: () => p.runtime.tokens.signServiceCall(RUNTIME_READS_CALLER),
      timeoutMs,
      logger: silentLogger(),
    }),
  );
}

beforeAll(async () => {
  platform = await createRuntimePlatform();
  fromModules = platform.sources;
  const serve = (module: Parameters<typeof serveSubgraph>[0]['module']) =>
    serveSubgraph({ module, tokens: platform.runtime.tokens, logger: silentLogger(), port: 0 });
  services = {
    'app-manage': await serve(platform.appManage),
    'rule-engine': await serve(platform.ruleEngine),
    domain: await serve(platform.domain),
    sdk: await serve(platform.sdk),
  };
  fromHttp = httpSources(platform);
  const { owner, admin } = platform;

  ({ appId, versionId: publishedId } = await publishedApplet(platform));
  grayId = (await approvedVersion(platform, appId)).id;
  await platform.appManage.services.versions.startGrayRelease(owner, grayId, { grayPercentage: 20 });
  keys = await linkedHostApp(platform, [appId]);

  const { rules, plans } = platform.ruleEngine.services;
  let ruleId = '';
  // The rule engine and the domain subgraph learn about the mini-program from app-manage's events.
  await eventually(async () => {
    ruleId = (
      await rules.create(owner, {
        appId,
        name: 'mobile',
        rule: { salt: 'parity', match: { field: 'platform', op: 'in', value: ['IOS'] } },
      })
    ).id;
  });
  // The rule engine learns the version's status from app-manage's events too.
  await eventually(async () => {
    planId = (await plans.start(owner, { appId, grayVersionId: grayId, ruleId, percentage: 20 })).id;
  });

  const { domains } = platform.domain.services;
  await eventually(async () => {
    await domains.replaceServiceDomains(owner, appId, 'request', [
      'https://api.example.com',
      'https://b.example.com',
    ]);
  });
  await domains.replaceServiceDomains(owner, appId, 'socket', ['wss://ws.example.com']);
  // Pending (unverified) business domains are not served: both sources must leave it out.
  await domains.addBusinessDomain(owner, appId, 'shop.example.com');

  await eventually(async () => {
    await platform.sdk.services.configs.setOverride(owner, keys.hostAppId, { maxCachedApplets: 7 });
  });

  for (const [version, minSdkVersion] of [
    ['1.0.0', '1.0.0'],
    ['2.0.0', '3.0.0'],
  ]) {
    await platform.sdk.services.baseLibraries.upload(admin, {
      version,
      minSdkVersion,
      platforms: ['IOS', 'ANDROID'],
      zip: await buildZip({
        'package.json': JSON.stringify({ version }),
        'dist/framework.js': `/* ${version} */`,
      }),
    });
  }

  const delisted = await publishedApplet(platform);
  delistedAppId = delisted.appId;
  await platform.appManage.services.versions.delist(owner, delisted.versionId, 'parity test');
  draftAppId = await createMiniProgram(platform);
});

afterAll(async () => {
  // app.close only: the modules belong to the platform, which disposes them.
  await Promise.all(Object.values(services ?? {}).map((s) => s.app.close()));
  await platform?.dispose();
});

/** Both sources, same call: equal answers, and the answer is the expected one. */
async function same<T>(call: (sources: RuntimeSources) => Promise<T>): Promise<T> {
  const [expected, actual] = await Promise.all([call(fromModules), call(fromHttp)]);
  expect(actual).toEqual(expected);
  return actual;
}

describe('the owning services answer the runtime reads over HTTP as their modules do in process', () => {
  it('resolveCredentials: decrypts the SDK secret; unknown and malformed keys are null', async () => {
    expect(await same((s) => s.resolveCredentials(keys.sdkKey))).toEqual({
      hostAppId: keys.hostAppId,
      orgId: platform.orgId,
      sdkKey: keys.sdkKey,
      secret: keys.sdkSecret,
      enabled: true,
    });
    expect(await same((s) => s.resolveCredentials(`hk${'0'.repeat(24)}`))).toBeNull();
    expect(await same((s) => s.resolveCredentials('not-a-key'))).toBeNull();
  });

  it('applet: published, delisted, never released, missing', async () => {
    expect(await same((s) => s.applet(appId))).toMatchObject({
      appId,
      orgId: platform.orgId,
      status: 'ACTIVE',
      delisted: false,
      published: { id: publishedId, status: 'PUBLISHED' },
    });
    expect(await same((s) => s.applet(delistedAppId))).toMatchObject({
      appId: delistedAppId,
      published: null,
      delisted: true,
    });
    expect(await same((s) => s.applet(draftAppId))).toMatchObject({
      appId: draftAppId,
      published: null,
      delisted: false,
    });
    expect(await same((s) => s.applet(newId()))).toBeNull();
  });

  it('isLinked', async () => {
    expect(await same((s) => s.isLinked(keys.hostAppId, appId))).toBe(true);
    expect(await same((s) => s.isLinked(keys.hostAppId, draftAppId))).toBe(false);
  });

  it('grayPlan: the running plan with its rule; none for other apps', async () => {
    expect(await same((s) => s.grayPlan(appId))).toMatchObject({
      planId,
      state: 'ACTIVE',
      percentage: 20,
      grayVersionId: grayId,
      rule: {
        version: 1,
        definition: { salt: 'parity', match: { field: 'platform', op: 'in', value: ['IOS'] } },
      },
    });
    expect(await same((s) => s.grayPlan(draftAppId))).toBeNull();
  });

  it('version: by id, gray included; missing is null', async () => {
    expect(await same((s) => s.version(publishedId))).toMatchObject({
      id: publishedId,
      appId,
      status: 'PUBLISHED',
    });
    expect(await same((s) => s.version(grayId))).toMatchObject({ id: grayId, appId, status: 'GRAY' });
    expect(await same((s) => s.version(newId()))).toBeNull();
  });

  it('trialVersion and trialMembers: the trial build and its testers; rejected, cleared and unknown are empty', async () => {
    const { trials, versions } = platform.appManage.services;
    const { owner, reviewer } = platform;
    expect(await same((s) => s.trialVersion(appId))).toBeNull();
    expect(await same((s) => s.trialMembers(appId))).toEqual([]);
    await trials.setTrialVersion(owner, grayId);
    await trials.addMember(owner, appId, { userId: 'tester-b', label: 'second' });
    await trials.addMember(owner, appId, { userId: 'tester-a' });
    expect(await same((s) => s.trialVersion(appId))).toMatchObject({ id: grayId, appId, status: 'GRAY' });
    expect(await same((s) => s.trialMembers(appId))).toEqual(['tester-b', 'tester-a']);

    const rejected = await versions.upload(owner, {
      appId: draftAppId,
      versionName: '0.0.1',
      zip: await miniAppPackage(draftAppId, '0.0.1', 1),
    });
    await trials.setTrialVersion(owner, rejected.id);
    expect(await same((s) => s.trialVersion(draftAppId))).toMatchObject({
      id: rejected.id,
      status: 'DEVELOPMENT',
    });
    await versions.submit(owner, rejected.id);
    await versions.reject(reviewer, rejected.id, 'parity');
    expect(await same((s) => s.trialVersion(draftAppId))).toBeNull();

    await trials.clearTrialVersion(owner, appId);
    expect(await same((s) => s.trialVersion(appId))).toBeNull();
    expect(await same((s) => s.trialVersion(newId()))).toBeNull();
    expect(await same((s) => s.trialMembers(newId()))).toEqual([]);
  });

  it('domains: service lists and only verified business domains', async () => {
    expect(await same((s) => s.domains(appId))).toEqual({
      request: ['https://api.example.com', 'https://b.example.com'],
      socket: ['wss://ws.example.com'],
      upload: [],
      download: [],
      business: [],
    });
    expect(await same((s) => s.domains(draftAppId))).toEqual({
      request: [],
      socket: [],
      upload: [],
      download: [],
      business: [],
    });
  });

  it('effectiveConfig: defaults merged with the override, same version and etag', async () => {
    const withOverride = await same((s) => s.effectiveConfig(keys.hostAppId));
    expect(withOverride).toMatchObject({ version: 1, config: { maxCachedApplets: 7 } });
    const defaults = await same((s) => s.effectiveConfig(newId()));
    expect(defaults.version).toBe(0);
    expect(defaults.etag).not.toBe(withOverride.etag);
  });

  it('baseLibrary: newest compatible, else newest, none for other platforms, bad input refused alike', async () => {
    expect(await same((s) => s.baseLibrary('2.1.0', 'IOS'))).toMatchObject({ version: '1.0.0' });
    expect(await same((s) => s.baseLibrary('3.2.0', 'ANDROID'))).toMatchObject({
      version: '2.0.0',
      platforms: ['IOS', 'ANDROID'],
    });
    expect(await same((s) => s.baseLibrary('0.1.0', 'IOS'))).toMatchObject({ version: '2.0.0' });
    expect(await same((s) => s.baseLibrary('3.2.0', 'HARMONY'))).toBeNull();
    const [modulesError, documentsError] = await Promise.all([
      fromModules.baseLibrary('x.y', 'IOS').catch((e: unknown) => e),
      fromHttp.baseLibrary('x.y', 'IOS').catch((e: unknown) => e),
    ]);
    expect(documentsError).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(modulesError).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('the runtime routes over the owning services', () => {
  let server: RuntimeServer;

  beforeAll(async () => {
    // Account is not served here (its read has its own test in the router): no organization is frozen.
    server = await startRuntimeServer({
      runtime: platform.runtime,
      objects: platform.objects,
      sources: { ...fromHttp, organizationFrozen: async () => false },
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  type Envelope = { errcode: string; data: any };
  const get = async (
    path: string,
    query: Record<string, string> = {},
    signer: Pick<HostAppKeys, 'sdkKey' | 'sdkSecret'> = keys,
  ) => (await (await signedGet(server, signer, path, query)).json()) as Envelope;

  it('authenticates with the secret app-manage answers and refuses a wrong one', async () => {
    expect((await get(`${P}/config`)).errcode).toBe('OK');
    expect(
      (await get(`${P}/config`, {}, { sdkKey: keys.sdkKey, sdkSecret: 'wrong-secret' })).errcode,
    ).not.toBe('OK');
  });

  it('serves applet info, gray choice, package, domains, config and base library', async () => {
    const info = await get(`${P}/applets/${appId}`, { deviceId: 'device-1', platform: 'HARMONY' });
    expect(info).toMatchObject({
      errcode: 'OK',
      data: { appId, version: { id: publishedId, gray: false }, domains: { request: 2, socket: 1 } },
    });
    // The rule matches IOS only; at 20% some of these devices get the gray version, never a HARMONY one.
    const ios = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        get(`${P}/applets/${appId}`, { deviceId: `device-${i}`, platform: 'IOS' }),
      ),
    );
    const served = new Set(ios.map((body) => body.data.version.id as string));
    expect(served).toEqual(new Set([publishedId, grayId]));

    const download = await signedGet(server, keys, `${P}/applets/${appId}/package`, {
      deviceId: 'device-1',
      platform: 'HARMONY',
    });
    expect(download.headers.get('x-version-id')).toBe(publishedId);
    await download.arrayBuffer();

    expect((await get(`${P}/applets/${appId}/domains`)).data).toMatchObject({
      appId,
      request: ['https://api.example.com', 'https://b.example.com'],
      business: [],
    });
    expect((await get(`${P}/config`)).data.config).toMatchObject({ maxCachedApplets: 7 });
    expect((await get(`${P}/base-library`, { sdkVersion: '3.2.0', platform: 'android' })).data).toMatchObject(
      { version: '2.0.0' },
    );
    expect((await get(`${P}/applets/${draftAppId}`)).errcode).not.toBe('OK');
  });
});

describe('the internal read route', () => {
  const post = (
    service: RunningSubgraph,
    read: string,
    body: unknown,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${new URL(service.url).origin}${RUNTIME_READS_PATH}/${read}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const credential = async (token: Promise<string>) => ({ 'x-grove-principal': await token });

  it('answers only the runtime’s service credential: none, a user’s and another service’s are refused', async () => {
    const app = services['app-manage'];
    const user = platform.owner;
    for (const headers of [
      {},
      await credential(platform.runtime.tokens.signInternal(user)),
      await credential(platform.runtime.tokens.signServiceCall('someone-else')),
      { 'x-grove-principal': 'not-a-token' },
    ]) {
      const response = await post(app, 'resolveCredentials', { sdkKey: keys.sdkKey }, headers);
      expect(response.status).toBe(401);
      const body = (await response.json()) as { code: string; secret?: string };
      expect(body.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(body)).not.toContain(keys.sdkSecret);
    }
  });

  it('refuses reads another service owns, unknown reads and malformed parameters', async () => {
    const headers = await credential(platform.runtime.tokens.signServiceCall(RUNTIME_READS_CALLER));
    const misrouted = await post(services.domain, 'resolveCredentials', { sdkKey: keys.sdkKey }, headers);
    expect([misrouted.status, ((await misrouted.json()) as { code: string }).code]).toEqual([
      404,
      'RUNTIME_READ_UNKNOWN',
    ]);
    expect((await post(services['app-manage'], 'dropTables', {}, headers)).status).toBe(404);
    const bad = await post(services['app-manage'], 'applet', { appId: 42 }, headers);
    expect([bad.status, ((await bad.json()) as { code: string; fields: string[] }).fields]).toEqual([
      400,
      ['appId'],
    ]);
  });

  it('a service that does not answer is UNAVAILABLE, not "nothing there"; devices get 503 and retry', async () => {
    const dead = runtimeSourcesFromReads(
      runtimeReadsOverHttp({
        origins: {
          'app-manage': 'http://127.0.0.1:9/graphql',
          'rule-engine': 'http://127.0.0.1:9',
          domain: 'http://127.0.0.1:9',
          sdk: 'http://127.0.0.1:9',
          account: 'http://127.0.0.1:9',
          search: 'http://127.0.0.1:9',
        },
        credential: () => platform.runtime.tokens.signServiceCall(RUNTIME_READS_CALLER),
        timeoutMs: 1_000,
        logger: silentLogger(),
      }),
    );
    await expect(dead.applet(appId)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      details: { reason: 'RUNTIME_READ_FAILED' },
    });

    const server = await startRuntimeServer({
      runtime: platform.runtime,
      objects: platform.objects,
      sources: dead,
    });
    try {
      const answer = async (id: string) => {
        const response = await signedGet(server, keys, `${P}/applets/${id}`, {
          deviceId: 'device-1',
          platform: 'IOS',
        });
        return [response.status, ((await response.json()) as { errcode: string }).errcode];
      };
      // What the read model already holds (the shared cache of the earlier tests) is still served…
      expect(await answer(appId)).toEqual([200, 'OK']);
      // …a miss needs its owner.
      expect(await answer(`mp${'0'.repeat(16)}`)).toEqual([503, 'UNAVAILABLE']);
    } finally {
      await server.close();
    }
  });
});
