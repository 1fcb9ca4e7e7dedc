import { loadOrCreateLocalSecret, type PlatformError } from '@grove/platform';
import {
  createApp,
  createHarness,
  eventually,
  recordEvents,
  uploadVersion,
  type Harness,
  type RecordedEvent,
} from '../app-manage.test-support';
import { AppManageTopic } from './app-manage-events';
import { LOCAL_SECRET_KEY_NAME } from '../app-manage.subgraph';
import { deriveTrialTokenSecret, verifyTrialToken } from '@grove/contracts';

const SECRET = 'a-trial-token-secret-of-sufficient-length';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as PlatformError).code ?? String(error);
  }
}

describe('TrialService', () => {
  let h: Harness;
  let appId: string;
  let events: RecordedEvent[];
  beforeAll(async () => {
    h = await createHarness();
    events = await recordEvents(h, AppManageTopic.MINI_PROGRAM);
  });
  beforeEach(async () => {
    appId = (await createApp(h)).appId;
  });
  afterAll(() => h.dispose());

  const trials = () => h.app.services.trials;
  const typesFor = (id: string) =>
    events.filter((e) => e.key === id && e.type.startsWith('trial.')).map((e) => e.type);

  it('adds, lists and removes testers; a tester is listed once', async () => {
    const added = await trials().addMember(h.developerA, appId, {
      userId: ' host-user-1 ',
      label: 'QA phone',
    });
    expect(added).toMatchObject({
      appId,
      userId: 'host-user-1',
      label: 'QA phone',
      addedBy: h.developerA.userId,
    });
    await trials().addMember(h.ownerA, appId, { userId: 'host-user-2' });
    expect(await codeOf(trials().addMember(h.ownerA, appId, { userId: 'host-user-1' }))).toBe('CONFLICT');
    expect(await codeOf(trials().addMember(h.ownerA, appId, { userId: 'x'.repeat(129) }))).toBe(
      'BAD_USER_INPUT',
    );
    expect((await trials().members(h.reviewer, appId)).map((m) => m.userId)).toEqual([
      'host-user-1',
      'host-user-2',
    ]);
    expect(await trials().removeMember(h.ownerA, appId, 'host-user-1')).toBe(true);
    expect(await trials().removeMember(h.ownerA, appId, 'host-user-1')).toBe(false);
    expect(await trials().trialMemberIds(appId)).toEqual(['host-user-2']);
    await eventually(async () =>
      expect(typesFor(appId)).toEqual(['trial.member-added', 'trial.member-added', 'trial.member-removed']),
    );
  });

  it('keeps testers and the trial version to the owning organization', async () => {
    const v = await uploadVersion(h, appId);
    expect(await codeOf(trials().addMember(h.ownerB, appId, { userId: 'u' }))).toBe('FORBIDDEN');
    expect(await codeOf(trials().members(h.ownerB, appId))).toBe('FORBIDDEN');
    expect(await codeOf(trials().setTrialVersion(h.ownerB, v.id))).toBe('FORBIDDEN');
    expect(await codeOf(trials().setTrialVersion(h.reviewer, v.id))).toBe('FORBIDDEN');
    expect(await codeOf(trials().qrCode(h.ownerB, appId))).toBe('FORBIDDEN');
  });

  it('sets any version that is not rejected or delisted; a later rejection takes it out of trial', async () => {
    const v = await uploadVersion(h, appId);
    expect(await trials().trialVersion(h.ownerA, appId)).toBeNull();
    expect((await trials().setTrialVersion(h.developerA, v.id)).id).toBe(v.id);
    expect((await trials().trialVersion(h.ownerA, appId))?.id).toBe(v.id);

    await h.app.services.versions.submit(h.ownerA, v.id);
    await h.app.services.versions.reject(h.reviewer, v.id, 'broken');
    expect(await trials().trialVersion(h.ownerA, appId)).toBeNull();
    expect(await trials().trialVersionFor(appId)).toBeNull();
    const refusal = await trials()
      .setTrialVersion(h.ownerA, v.id)
      .catch((e: PlatformError) => e);
    expect(refusal).toMatchObject({ code: 'CONFLICT', details: { reason: 'VERSION_NOT_TRIALABLE' } });

    const next = await uploadVersion(h, appId);
    await trials().setTrialVersion(h.ownerA, next.id);
    expect(await trials().clearTrialVersion(h.ownerA, appId)).toBe(true);
    expect(await trials().clearTrialVersion(h.ownerA, appId)).toBe(false);
    await eventually(async () =>
      expect(typesFor(appId)).toEqual(['trial.version-set', 'trial.version-set', 'trial.version-cleared']),
    );
  });

  it('draws PNG and SVG QR codes of a deep link whose grant opens the trial version', async () => {
    expect(await codeOf(trials().qrCode(h.ownerA, appId))).toBe('CONFLICT');
    const v = await uploadVersion(h, appId);
    await trials().setTrialVersion(h.ownerA, v.id);

    const png = await trials().qrCode(h.developerA, appId, { format: 'PNG', ttlHours: 2 });
    expect(png).toMatchObject({ appId, versionId: v.id, format: 'PNG', contentType: 'image/png' });
    expect(Buffer.from(png.data, 'base64').subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(png.dataUrl).toBe(`data:image/png;base64,${png.data}`);
    expect(png.deepLink).toBe(`grove://applet/${appId}?trial=${png.token}`);
    expect(png.expiresAt.getTime()).toBeGreaterThan(Date.now() + 3600_000);
    expect(png.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 2 * 3600_000);

    // Without TRIAL_TOKEN_SECRET: derived from the SDK-secret key, generated under DATA_DIR outside production.
    const secret = deriveTrialTokenSecret(
      loadOrCreateLocalSecret(h.runtime.config.DATA_DIR, LOCAL_SECRET_KEY_NAME),
    );
    expect(verifyTrialToken(png.token, { appId, secret })).toMatchObject({ ok: true, versionId: v.id });

    const svg = await trials().qrCode(h.ownerA, appId, { format: 'SVG' });
    expect(svg).toMatchObject({ format: 'SVG', contentType: 'image/svg+xml' });
    expect(svg.data).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(await codeOf(trials().qrCode(h.ownerA, appId, { ttlHours: 24 * 31 }))).toBe('BAD_USER_INPUT');
  });

  it('signs with TRIAL_TOKEN_SECRET when it is set', async () => {
    const own = await createHarness({ settings: { trialTokenSecret: SECRET } });
    try {
      const app = (await createApp(own)).appId;
      const v = await uploadVersion(own, app);
      await own.app.services.trials.setTrialVersion(own.ownerA, v.id);
      const { token } = await own.app.services.trials.qrCode(own.ownerA, app);
      expect(verifyTrialToken(token, { appId: app, secret: SECRET })).toMatchObject({
        ok: true,
        versionId: v.id,
      });
    } finally {
      await own.dispose();
    }
  });
});
