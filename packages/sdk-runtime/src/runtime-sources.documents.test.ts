import { LOCAL_SECRET_KEY_NAME, SecretCipher } from '@grove/app-manage';
import { loadOrCreateLocalSecret, newId } from '@grove/platform';
import { runtimeSourcesFromDocuments } from './runtime-sources.documents';
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
let fromDocuments: RuntimeSources;

// One fully set-up applet: published, gray-released under a running plan, linked, with domains and a config override.
let appId: string;
let publishedId: string;
let grayId: string;
let planId: string;
let keys: HostAppKeys;
let delistedAppId: string;
let draftAppId: string;

function documentSources(p: RuntimePlatform): RuntimeSources {
  // The key app-manage itself uses in embedded mode (no APP_SECRET_ENCRYPTION_KEY in the test env).
  const secretCipher = new SecretCipher(loadOrCreateLocalSecret(p.runtime.config.DATA_DIR, LOCAL_SECRET_KEY_NAME));
  return runtimeSourcesFromDocuments(p.runtime.documents, { secretCipher });
}

beforeAll(async () => {
  platform = await createRuntimePlatform();
  fromModules = platform.sources;
  fromDocuments = documentSources(platform);
  const { owner, admin } = platform;

  ({ appId, versionId: publishedId } = await publishedApplet(platform));
  grayId = (await approvedVersion(platform, appId)).id;
  await platform.appManage.services.versions.startGrayRelease(owner, grayId, { grayPercentage: 20 });
  keys = await linkedHostApp(platform, [appId]);

  const { rules, plans } = platform.ruleEngine.services;
  let ruleId = '';
  // The rule engine and the domain subgraph learn about the mini-program from app-manage's events.
  await eventually(async () => {
    ruleId = (await rules.create(owner, { appId, name: 'mobile', rule: { salt: 'parity', match: { field: 'platform', op: 'in', value: ['IOS'] } } })).id;
  });
  // The rule engine learns the version's status from app-manage's events too.
  await eventually(async () => {
    planId = (await plans.start(owner, { appId, grayVersionId: grayId, ruleId, percentage: 20 })).id;
  });

  const { domains } = platform.domain.services;
  await eventually(async () => {
    await domains.replaceServiceDomains(owner, appId, 'request', ['https://api.example.com', 'https://b.example.com']);
  });
  await domains.replaceServiceDomains(owner, appId, 'socket', ['wss://ws.example.com']);
  // Pending (unverified) business domains are not served: both sources must leave it out.
  await domains.addBusinessDomain(owner, appId, 'shop.example.com');

  await eventually(async () => {
    await platform.sdk.services.configs.setOverride(owner, keys.hostAppId, { maxCachedApplets: 7 });
  });

  for (const [version, minSdkVersion] of [['1.0.0', '1.0.0'], ['2.0.0', '3.0.0']]) {
    await platform.sdk.services.baseLibraries.upload(admin, {
      version,
      minSdkVersion,
      platforms: ['IOS', 'ANDROID'],
      zip: await buildZip({ 'package.json': JSON.stringify({ version }), 'dist/framework.js': `/* ${version} */` }),
    });
  }

  const delisted = await publishedApplet(platform);
  delistedAppId = delisted.appId;
  await platform.appManage.services.versions.delist(owner, delisted.versionId, 'parity test');
  draftAppId = await createMiniProgram(platform);
});

afterAll(async () => {
  await platform?.dispose();
});

/** Both sources, same call: equal answers, and the answer is the expected one. */
async function same<T>(call: (sources: RuntimeSources) => Promise<T>): Promise<T> {
  const [expected, actual] = await Promise.all([call(fromModules), call(fromDocuments)]);
  expect(actual).toEqual(expected);
  return actual;
}

describe('runtimeSourcesFromDocuments answers like runtimeSourcesFromModules', () => {
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

  it('resolveCredentials fails with another key: the secret is bound to app-manage’s key', async () => {
    const wrong = runtimeSourcesFromDocuments(platform.runtime.documents, { secretCipher: new SecretCipher('x'.repeat(40)) });
    await expect(wrong.resolveCredentials(keys.sdkKey)).rejects.toThrow();
  });

  it('applet: published, delisted, never released, missing', async () => {
    expect(await same((s) => s.applet(appId))).toMatchObject({ appId, orgId: platform.orgId, status: 'ACTIVE', delisted: false, published: { id: publishedId, status: 'PUBLISHED' } });
    expect(await same((s) => s.applet(delistedAppId))).toMatchObject({ appId: delistedAppId, published: null, delisted: true });
    expect(await same((s) => s.applet(draftAppId))).toMatchObject({ appId: draftAppId, published: null, delisted: false });
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
      rule: { version: 1, definition: { salt: 'parity', match: { field: 'platform', op: 'in', value: ['IOS'] } } },
    });
    expect(await same((s) => s.grayPlan(draftAppId))).toBeNull();
  });

  it('version: by id, gray included; missing is null', async () => {
    expect(await same((s) => s.version(publishedId))).toMatchObject({ id: publishedId, appId, status: 'PUBLISHED' });
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

    const rejected = await versions.upload(owner, { appId: draftAppId, versionName: '0.0.1', zip: await miniAppPackage(draftAppId, '0.0.1', 1) });
    await trials.setTrialVersion(owner, rejected.id);
    expect(await same((s) => s.trialVersion(draftAppId))).toMatchObject({ id: rejected.id, status: 'DEVELOPMENT' });
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
    expect(await same((s) => s.domains(draftAppId))).toEqual({ request: [], socket: [], upload: [], download: [], business: [] });
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
    expect(await same((s) => s.baseLibrary('3.2.0', 'ANDROID'))).toMatchObject({ version: '2.0.0', platforms: ['IOS', 'ANDROID'] });
    expect(await same((s) => s.baseLibrary('0.1.0', 'IOS'))).toMatchObject({ version: '2.0.0' });
    expect(await same((s) => s.baseLibrary('3.2.0', 'HARMONY'))).toBeNull();
    const [modulesError, documentsError] = await Promise.all([
      fromModules.baseLibrary('x.y', 'IOS').catch((e: unknown) => e),
      fromDocuments.baseLibrary('x.y', 'IOS').catch((e: unknown) => e),
    ]);
    expect(documentsError).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(documentsError).toEqual(modulesError);
  });
});

describe('the runtime routes over document-backed sources', () => {
  let server: RuntimeServer;

  beforeAll(async () => {
    server = await startRuntimeServer({ runtime: platform.runtime, objects: platform.objects, sources: fromDocuments });
  });

  afterAll(async () => {
    await server?.close();
  });

  type Envelope = { errcode: string; data: any };
  const get = async (path: string, query: Record<string, string> = {}, signer: Pick<HostAppKeys, 'sdkKey' | 'sdkSecret'> = keys) =>
    (await (await signedGet(server, signer, path, query)).json()) as Envelope;

  it('authenticates with the decrypted secret and refuses a wrong one', async () => {
    expect((await get(`${P}/config`)).errcode).toBe('OK');
    expect((await get(`${P}/config`, {}, { sdkKey: keys.sdkKey, sdkSecret: 'wrong-secret' })).errcode).not.toBe('OK');
  });

  it('serves applet info, gray choice, package, domains, config and base library', async () => {
    const info = await get(`${P}/applets/${appId}`, { deviceId: 'device-1', platform: 'HARMONY' });
    expect(info).toMatchObject({ errcode: 'OK', data: { appId, version: { id: publishedId, gray: false }, domains: { request: 2, socket: 1 } } });
    // The rule matches IOS only; at 20% some of these devices get the gray version, never a HARMONY one.
    const ios = await Promise.all(Array.from({ length: 50 }, (_, i) => get(`${P}/applets/${appId}`, { deviceId: `device-${i}`, platform: 'IOS' })));
    const served = new Set(ios.map((body) => body.data.version.id as string));
    expect(served).toEqual(new Set([publishedId, grayId]));

    const download = await signedGet(server, keys, `${P}/applets/${appId}/package`, { deviceId: 'device-1', platform: 'HARMONY' });
    expect(download.headers.get('x-version-id')).toBe(publishedId);
    await download.arrayBuffer();

    expect((await get(`${P}/applets/${appId}/domains`)).data).toMatchObject({ appId, request: ['https://api.example.com', 'https://b.example.com'], business: [] });
    expect((await get(`${P}/config`)).data.config).toMatchObject({ maxCachedApplets: 7 });
    expect((await get(`${P}/base-library`, { sdkVersion: '3.2.0', platform: 'android' })).data).toMatchObject({ version: '2.0.0' });
    expect((await get(`${P}/applets/${draftAppId}`)).errcode).not.toBe('OK');
  });
});
