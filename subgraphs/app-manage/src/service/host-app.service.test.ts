import { createHmac } from 'node:crypto';
import { LicenseLimitExceededError } from '@grove/platform';
import { HostAppModel } from '../store/host-app.model';
import { createHarness, eventually, execute, recordEvents, type Harness } from '../app-manage.test-support';
import { AppManageTopic } from './app-manage-events';
import { SecretCipher } from './secret-cipher';

const input = (orgId: string, overrides: Record<string, unknown> = {}) => ({
  orgId,
  name: 'Acme Bank App',
  iosBundleIds: ['com.acme.bank', 'com.acme.bank-beta'],
  androidPackageNames: ['com.acme.bank'],
  harmonyBundleNames: ['com.acme.bankharmony'],
  ...overrides,
});

describe('SecretCipher', () => {
  const cipher = new SecretCipher('k'.repeat(40));
  it('round-trips and binds the ciphertext to its associated data and key', () => {
    const token = cipher.encrypt('s3cret', 'host-app:1:secret:v1');
    expect(token).not.toContain('s3cret');
    expect(cipher.decrypt(token, 'host-app:1:secret:v1')).toBe('s3cret');
    expect(() => cipher.decrypt(token, 'host-app:2:secret:v1')).toThrow();
    expect(() => new SecretCipher('x'.repeat(40)).decrypt(token, 'host-app:1:secret:v1')).toThrow();
    const [v, iv, ct, tag] = token.split('.');
    const flipped = Buffer.from(ct, 'base64url');
    flipped[0] ^= 1;
    expect(() =>
      cipher.decrypt([v, iv, flipped.toString('base64url'), tag].join('.'), 'host-app:1:secret:v1'),
    ).toThrow();
  });
  it('refuses short key material', () => {
    expect(() => new SecretCipher('short')).toThrow(/at least 32/);
  });
});

describe('HostAppService', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.dispose());
  const hostApps = () => h.app.services.hostApps;

  it('shows the SDK secret once, stores only ciphertext, and resolves it for the runtime', async () => {
    const created = await hostApps().create(h.ownerA, input(h.orgA));
    expect(created.sdkKey).toMatch(/^hk[0-9a-f]{24}$/);
    expect(created.sdkSecret.length).toBeGreaterThanOrEqual(43);
    expect(created.hostApp.secretHint).toBe(created.sdkSecret.slice(-4));

    const stored = await h.runtime.documents.collection(HostAppModel).findById(created.hostApp.id);
    expect(JSON.stringify(stored)).not.toContain(created.sdkSecret);

    // Never again through the API: not on the view, not in any GraphQL field.
    expect(JSON.stringify(await hostApps().get(h.ownerA, created.hostApp.id))).not.toContain(
      created.sdkSecret,
    );
    const result = await execute(
      h,
      'query($id: ID!) { hostApp(id: $id) { id sdkKey secretHint } }',
      h.ownerA,
      { id: created.hostApp.id },
    );
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result.data)).not.toContain(created.sdkSecret);
    expect(h.app.sdl).not.toMatch(/secretCiphertext/);

    const credentials = await hostApps().resolveSdkCredentials(created.sdkKey);
    expect(credentials).toEqual({
      hostAppId: created.hostApp.id,
      orgId: h.orgA,
      secret: created.sdkSecret,
      enabled: true,
    });
    // What the runtime does with it: verify an HMAC signature made by the host app.
    const signed = createHmac('sha256', created.sdkSecret).update('payload').digest('hex');
    expect(createHmac('sha256', credentials!.secret).update('payload').digest('hex')).toBe(signed);
    expect(await hostApps().resolveSdkCredentials('hk000000000000000000000000')).toBeNull();
    expect(await hostApps().resolveSdkCredentials('not-a-key')).toBeNull();
  });

  it('rotates the secret: the new one is shown once, the old one no longer resolves', async () => {
    const events = await recordEvents(h, AppManageTopic.HOST_APP);
    const created = await hostApps().create(h.ownerA, input(h.orgA));
    const rotated = await hostApps().rotateSecret(h.ownerA, created.hostApp.id);
    expect(rotated.sdkKey).toBe(created.sdkKey);
    expect(rotated.sdkSecret).not.toBe(created.sdkSecret);
    const credentials = await hostApps().resolveSdkCredentials(created.sdkKey);
    expect(credentials?.secret).toBe(rotated.sdkSecret);
    expect(credentials?.secret).not.toBe(created.sdkSecret);
    await eventually(() =>
      expect(events.map((e) => e.type)).toEqual(['host-app.created', 'host-app.secret-rotated']),
    );
    expect(events.every((e) => e.key === created.hostApp.id)).toBe(true);
  });

  it('survives a restart with the generated local key (embedded mode)', async () => {
    const created = await hostApps().create(h.ownerA, input(h.orgA));
    const dataDir = h.runtime.dataDir;
    await h.objects.close();
    await h.runtime.close();
    const again = await createHarness({ dataDir, people: h });
    try {
      expect((await again.app.services.hostApps.resolveSdkCredentials(created.sdkKey))?.secret).toBe(
        created.sdkSecret,
      );
    } finally {
      await again.objects.close();
      await again.runtime.close();
    }
  });

  it('validates bundle ids per platform (format, at most 2, no repeats, at least one)', async () => {
    const bad = [
      { iosBundleIds: ['a', 'com.acme'] },
      { iosBundleIds: ['com.a.one', 'com.a.two', 'com.a.three'] },
      { androidPackageNames: ['1com.acme'] },
      { androidPackageNames: ['com.acme.app', 'com.acme.app'] },
      { harmonyBundleNames: ['com.a'] },
      { iosBundleIds: [], androidPackageNames: [], harmonyBundleNames: [] },
      { iosBundleIds: ['com acme'] },
    ];
    for (const overrides of bad) {
      await expect(hostApps().create(h.ownerA, input(h.orgA, overrides))).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
    }
    const ok = await hostApps().create(
      h.ownerA,
      input(h.orgA, { iosBundleIds: ['com.acme.ios'], androidPackageNames: null, harmonyBundleNames: null }),
    );
    expect(ok.hostApp).toMatchObject({
      iosBundleIds: ['com.acme.ios'],
      androidPackageNames: [],
      harmonyBundleNames: [],
    });
    const updated = await hostApps().update(h.ownerA, ok.hostApp.id, {
      androidPackageNames: ['com.acme.android'],
    });
    expect(updated).toMatchObject({
      iosBundleIds: ['com.acme.ios'],
      androidPackageNames: ['com.acme.android'],
    });
    await expect(
      hostApps().update(h.ownerA, ok.hostApp.id, { iosBundleIds: [], androidPackageNames: [] }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('enables and disables with conditional updates; the runtime sees the flag', async () => {
    const created = await hostApps().create(h.ownerA, input(h.orgA));
    await expect(hostApps().setEnabled(h.ownerA, created.hostApp.id, true)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await hostApps().setEnabled(h.ownerA, created.hostApp.id, false)).enabled).toBe(false);
    expect((await hostApps().resolveSdkCredentials(created.sdkKey))?.enabled).toBe(false);
    await expect(hostApps().setEnabled(h.ownerA, created.hostApp.id, false)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('calls the license guard before creating host apps and mini-programs', async () => {
    await h.dispose();
    const asked: string[] = [];
    h = await createHarness({
      license: {
        claim: async (limit) => {
          asked.push(limit);
          throw new LicenseLimitExceededError(`The license allows no more ${limit}`);
        },
        release: async () => undefined,
      },
    });
    await expect(hostApps().create(h.ownerA, input(h.orgA))).rejects.toMatchObject({
      code: 'LICENSE_LIMIT_EXCEEDED',
    });
    await expect(
      h.app.services.miniPrograms.create(h.ownerA, { orgId: h.orgA, name: 'X' }),
    ).rejects.toMatchObject({ code: 'LICENSE_LIMIT_EXCEEDED' });
    expect(asked).toEqual(['hostApps', 'miniPrograms']);
    expect(await h.runtime.documents.collection(HostAppModel).count()).toBe(0);
  });
});
