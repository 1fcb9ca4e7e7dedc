import { createHash } from 'node:crypto';
import { signTrialToken } from '@grove/contracts';
import {
  approvedVersion,
  createMiniProgram,
  createRuntimePlatform,
  eventually,
  linkedHostApp,
  miniAppPackage,
  signedGet,
  startRuntimeServer,
  trialGrantSecret,
  type HostAppKeys,
  type RuntimePlatform,
  type RuntimeServer,
} from './sdk-runtime.test-support';

const P = '/runtime/v1';
type Envelope = { errcode: string; error: string; data: any };

/**
 * Trial (体验版): a tester scans the QR code app-manage draws; the host app passes the grant (`trial`) and the user id
 * to the runtime, which serves the trial version, also before anything is published.
 */
describe('SDK runtime: trial versions for testers', () => {
  let p: RuntimePlatform;
  let server: RuntimeServer;
  let keys: HostAppKeys;
  let appId: string;
  let trialId: string;
  let zip: Buffer;
  let grant: string;

  beforeAll(async () => {
    p = await createRuntimePlatform();
    // Long local TTL: only app-manage's events can make the runtime notice changes.
    server = await startRuntimeServer(p, { localTtlMs: 60_000 });
    appId = await createMiniProgram(p);
    zip = await miniAppPackage(appId, '0.9.0-beta', 9);
    // Never submitted: testers try builds before review.
    trialId = (await p.appManage.services.versions.upload(p.owner, { appId, versionName: '0.9.0-beta', zip }))
      .id;
    keys = await linkedHostApp(p, [appId]);
    const { trials } = p.appManage.services;
    await trials.setTrialVersion(p.owner, trialId);
    await trials.addMember(p.owner, appId, { userId: 'tester-1', label: 'QA' });
    grant = (await trials.qrCode(p.owner, appId, { format: 'SVG' })).token;
  });
  afterAll(async () => {
    await server?.close();
    await p?.dispose();
  });

  const get = async (
    path: string,
    query: Record<string, string> = {},
    extra: { headers?: Record<string, string> } = {},
    signer: Pick<HostAppKeys, 'sdkKey' | 'sdkSecret'> = keys,
  ) => {
    const response = await signedGet(server, signer, path, query, extra);
    return { status: response.status, body: (await response.json()) as Envelope };
  };

  it('serves the trial version to a tester with a valid grant, and its package', async () => {
    const info = await get(`${P}/applets/${appId}`, { trial: grant, userId: 'tester-1' });
    expect(info.body).toMatchObject({
      errcode: 'OK',
      data: { appId, version: { id: trialId, name: '0.9.0-beta', gray: false, trial: true } },
    });

    const download = await signedGet(server, keys, `${P}/applets/${appId}/package`, {
      versionId: trialId,
      trial: grant,
      userId: 'tester-1',
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('x-version-id')).toBe(trialId);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      createHash('sha256').update(zip).digest('hex'),
    );
    // The user id may come as the x-user-id header too, like every device field.
    expect(
      (await get(`${P}/applets/${appId}`, { trial: grant }, { headers: { 'x-user-id': 'tester-1' } })).body
        .errcode,
    ).toBe('OK');
  });

  it('without a grant the app behaves as before: nothing is published', async () => {
    expect((await get(`${P}/applets/${appId}`, { userId: 'tester-1' })).body.errcode).toBe(
      'APPLET_NOT_FOUND',
    );
    expect(
      (await get(`${P}/applets/${appId}/package`, { versionId: trialId, userId: 'tester-1' })).body.errcode,
    ).toBe('VERSION_UNAVAILABLE');
  });

  it('refuses users who are not testers (NOT_TRIAL_MEMBER)', async () => {
    const stranger = await get(`${P}/applets/${appId}`, { trial: grant, userId: 'someone-else' });
    expect(stranger).toMatchObject({ status: 403, body: { errcode: 'NOT_TRIAL_MEMBER', data: null } });
    expect((await get(`${P}/applets/${appId}`, { trial: grant })).body.errcode).toBe('NOT_TRIAL_MEMBER');
    expect(
      (await get(`${P}/applets/${appId}/package`, { trial: grant, userId: 'someone-else' })).body.errcode,
    ).toBe('NOT_TRIAL_MEMBER');
  });

  it('refuses forged, expired, foreign and malformed grants (TRIAL_TOKEN_INVALID)', async () => {
    const [versionId, expires, mac] = grant.split('.');
    const forged = `${versionId}.${Number(expires) + 3600}.${mac}`;
    const secret = trialGrantSecret(p);
    const expired = signTrialToken({
      appId,
      versionId: trialId,
      expiresAt: new Date(Date.now() - 1000),
      secret,
    });
    const otherSecret = signTrialToken({
      appId,
      versionId: trialId,
      expiresAt: new Date(Date.now() + 60_000),
      secret: `${secret}-other`,
    });
    const otherApp = await createMiniProgram(p);
    const otherKeys = await linkedHostApp(p, [otherApp]);
    for (const [trial, signer, app] of [
      [forged, keys, appId],
      [expired, keys, appId],
      [otherSecret, keys, appId],
      ['garbage', keys, appId],
      [grant, otherKeys, otherApp], // a grant for another mini-program
    ] as const) {
      const refused = await get(`${P}/applets/${app}`, { trial, userId: 'tester-1' }, {}, signer);
      expect(refused).toMatchObject({ status: 403, body: { errcode: 'TRIAL_TOKEN_INVALID' } });
    }
  });

  it('asks for the grant’s version only: another version id is VERSION_UNAVAILABLE', async () => {
    const other = await approvedVersion(p, appId);
    const refused = await get(`${P}/applets/${appId}/package`, {
      versionId: other.id,
      trial: grant,
      userId: 'tester-1',
    });
    expect(refused.body.errcode).toBe('VERSION_UNAVAILABLE');
  });

  it('still needs the link between host app and mini-program', async () => {
    const unlinked = await linkedHostApp(p, []);
    expect(
      (await get(`${P}/applets/${appId}`, { trial: grant, userId: 'tester-1' }, {}, unlinked)).body.errcode,
    ).toBe('APPLET_NOT_LINKED');
  });

  it('follows app-manage’s events: removed testers, a new trial build and a rejected trial version', async () => {
    const { trials, versions } = p.appManage.services;
    const app = await createMiniProgram(p);
    const first = await versions.upload(p.owner, {
      appId: app,
      versionName: '1.0.0',
      zip: await miniAppPackage(app, '1.0.0', 1),
    });
    await trials.setTrialVersion(p.owner, first.id);
    await trials.addMember(p.owner, app, { userId: 'tester-2' });
    const linked = await linkedHostApp(p, [app]);
    const firstGrant = (await trials.qrCode(p.owner, app)).token;
    const open = (trial: string) => get(`${P}/applets/${app}`, { trial, userId: 'tester-2' }, {}, linked);
    expect((await open(firstGrant)).body.errcode).toBe('OK');

    await trials.removeMember(p.owner, app, 'tester-2');
    await eventually(async () => expect((await open(firstGrant)).body.errcode).toBe('NOT_TRIAL_MEMBER'));
    await trials.addMember(p.owner, app, { userId: 'tester-2' });
    await eventually(async () => expect((await open(firstGrant)).body.errcode).toBe('OK'));

    // A newer trial build needs a new code.
    const second = await versions.upload(p.owner, {
      appId: app,
      versionName: '1.0.1',
      zip: await miniAppPackage(app, '1.0.1', 2),
    });
    await trials.setTrialVersion(p.owner, second.id);
    await eventually(async () => expect((await open(firstGrant)).body.errcode).toBe('TRIAL_TOKEN_INVALID'));
    const secondGrant = (await trials.qrCode(p.owner, app)).token;
    expect((await open(secondGrant)).body).toMatchObject({
      errcode: 'OK',
      data: { version: { id: second.id, trial: true } },
    });

    await versions.submit(p.owner, second.id);
    await versions.reject(p.reviewer, second.id, 'not yet');
    await eventually(async () => expect((await open(secondGrant)).body.errcode).toBe('TRIAL_TOKEN_INVALID'));
  });
});
