import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { loadConfig } from '@grove/platform';
import { licenseEnvSchema, licensePublicKeyFromConfig } from './config';
import { EVALUATION_LICENSE, EVALUATION_PUBLIC_KEY_PEM, generateLicenseKeyPair } from './license';
import {
  HISTORY_QUERY,
  INSTALL_MUTATION,
  LICENSE_QUERY,
  addMiniPrograms,
  createHarness,
  errorCodes,
  errorDetails,
  execute,
  payload,
  principals,
  signedDocument,
  type Harness,
} from './license.test-support';
import { LicenseInstallationModel } from '@grove/contracts';

const { admin, reviewer } = principals;

async function historyTotal(h: Harness): Promise<number> {
  return h.runtime.documents.collection(LicenseInstallationModel).count();
}

describe('license subgraph', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.dispose());

  it('prints a Federation 2 SDL with the license operations and no entity', () => {
    expect(h.license.name).toBe('license');
    expect(h.license.sdl).toMatch(/license: License\n/);
    expect(h.license.sdl).toMatch(/installLicense\(document: String!\): License!/);
    expect(h.license.sdl).toMatch(
      /licenseHistory\((?=[^)]*skip: Int! = 0)(?=[^)]*take: Int! = 20)[^)]*\): LicenseInstallationPage\n/,
    );
    expect(h.license.sdl).not.toMatch(/@key\(/);
  });

  it('is under the built-in evaluation license until one is installed, with usage per limit', async () => {
    await addMiniPrograms(h, 4);
    await addMiniPrograms(h, 2, 'DELETED');
    const result = await execute(h, LICENSE_QUERY, reviewer);
    expect(result.errors).toBeUndefined();
    expect(result.data?.license).toEqual({
      licenseId: 'grove-evaluation-1',
      licensee: 'Grove evaluation (embedded mode)',
      issuedAt: EVALUATION_LICENSE.payload.issuedAt,
      expiresAt: null,
      expired: false,
      source: 'EVALUATION',
      installedAt: null,
      limits: [
        { name: 'MINI_PROGRAMS', max: 20, used: 4, remaining: 16 },
        { name: 'HOST_APPS', max: 5, used: 0, remaining: 5 },
        // Not tracked by this deployment's usage source: unknown, not zero.
        { name: 'CONCURRENT_GRAY_RELEASES', max: 3, used: null, remaining: null },
        { name: 'ORGANIZATIONS', max: 3, used: null, remaining: null },
      ],
    });
  });

  it('installs a vendor-signed license and puts it in force', async () => {
    await addMiniPrograms(h, 5);
    const p = payload({
      limits: { miniPrograms: 3, hostApps: 2, concurrentGrayReleases: null, organizations: 10 },
    });
    const installed = await execute(h, INSTALL_MUTATION, admin, { d: signedDocument(p) });
    expect(installed.errors).toBeUndefined();
    expect(installed.data?.installLicense).toEqual({
      licenseId: p.licenseId,
      source: 'INSTALLED',
      limits: [
        { name: 'MINI_PROGRAMS', max: 3, used: 5, remaining: 0 }, // already above a smaller limit: nothing is deleted
        { name: 'HOST_APPS', max: 2, used: 0, remaining: 2 },
        { name: 'CONCURRENT_GRAY_RELEASES', max: null, used: null, remaining: null },
        { name: 'ORGANIZATIONS', max: 10, used: null, remaining: null },
      ],
    });

    const current = await execute(h, LICENSE_QUERY, reviewer);
    expect(current.data?.license).toMatchObject({
      licenseId: p.licenseId,
      licensee: 'Acme Bank',
      issuedAt: '2026-01-01T00:00:00.000Z',
      expiresAt: '2099-01-01T00:00:00.000Z',
      expired: false,
      source: 'INSTALLED',
    });
    expect(typeof (current.data?.license as { installedAt: unknown }).installedAt).toBe('string');
  });

  it.each([
    [
      'a raised limit',
      () => {
        const doc = JSON.parse(signedDocument());
        doc.payload.limits.miniPrograms = 10_000;
        return JSON.stringify(doc);
      },
      'LICENSE_SIGNATURE_INVALID',
    ],
    [
      'a pushed-back expiry',
      () => {
        const doc = JSON.parse(signedDocument());
        doc.payload.expiresAt = null;
        return JSON.stringify(doc);
      },
      'LICENSE_SIGNATURE_INVALID',
    ],
    [
      'a license signed with another key',
      () => signedDocument(payload(), generateLicenseKeyPair().privateKeyPem),
      'LICENSE_SIGNATURE_INVALID',
    ],
    [
      'the evaluation license (signed for another public key)',
      () => JSON.stringify(EVALUATION_LICENSE),
      'LICENSE_SIGNATURE_INVALID',
    ],
    ['text that is not JSON', () => 'license please', 'LICENSE_MALFORMED'],
    ['an oversized document', () => ' '.repeat(17 * 1024) + signedDocument(), 'LICENSE_MALFORMED'],
    [
      'an already expired license',
      () =>
        signedDocument(
          payload({ issuedAt: '2020-01-01T00:00:00.000Z', expiresAt: '2021-01-01T00:00:00.000Z' }),
        ),
      'LICENSE_EXPIRED',
    ],
  ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_, document, reason) => {
    const result = await execute(h, INSTALL_MUTATION, admin, { d: document() });
    expect(result.data).toBeNull();
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(errorDetails(result)?.reason).toBe(reason);
    expect(await historyTotal(h)).toBe(0);
    expect((await execute(h, LICENSE_QUERY, admin)).data?.license).toMatchObject({ source: 'EVALUATION' });
  });

  it('keeps a history, newest in force', async () => {
    const first = payload({ licensee: 'Acme Bank' });
    const second = payload({ licensee: 'Acme Bank (renewed)', expiresAt: null });
    await h.license.service.install(admin, signedDocument(first));
    await h.license.service.install(admin, signedDocument(second));

    const history = await execute(h, HISTORY_QUERY, admin);
    expect(history.errors).toBeUndefined();
    const page = history.data?.licenseHistory as { total: number; items: Array<Record<string, unknown>> };
    expect(page.total).toBe(2);
    expect(page.items.map((i) => [i.licenseId, i.active, i.valid, i.installedBy])).toEqual([
      [second.licenseId, true, true, 'admin'],
      [first.licenseId, false, true, 'admin'],
    ]);
    expect(page.items[0]).toMatchObject({ expiresAt: null, issuedAt: '2026-01-01T00:00:00.000Z' });
    expect((await execute(h, HISTORY_QUERY, admin, { skip: 1, take: 1 })).data?.licenseHistory).toMatchObject(
      {
        total: 2,
        items: [{ licenseId: first.licenseId }],
      },
    );
    expect(errorCodes(await execute(h, HISTORY_QUERY, admin, { take: 500 }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await execute(h, HISTORY_QUERY, admin, { skip: -1 }))).toEqual(['BAD_USER_INPUT']);
  });

  it('ignores a stored license edited in the database and falls back to the previous one', async () => {
    const first = payload({
      limits: { miniPrograms: 3, hostApps: 2, concurrentGrayReleases: 1, organizations: 1 },
    });
    const second = payload();
    await h.license.service.install(admin, signedDocument(first));
    const view = await h.license.service.install(admin, signedDocument(second));
    expect(view.licenseId).toBe(second.licenseId);

    const installations = h.runtime.documents.collection(LicenseInstallationModel);
    const stored = await installations.findOne({ licenseId: second.licenseId });
    await installations.updateOne(
      { _id: stored!._id },
      { $set: { document: stored!.document.replace('"miniPrograms": 3', '"miniPrograms": 3000') } },
    );

    expect((await h.license.service.current(admin)).licenseId).toBe(first.licenseId);
    const { items } = await h.license.service.history(admin, 0, 10);
    expect(items.map((i) => [i.licenseId, i.valid, i.active, i.limits === null])).toEqual([
      [second.licenseId, false, false, true],
      [first.licenseId, true, true, false],
    ]);
  });

  it('reports an expired license as expired (reads keep working)', async () => {
    let now = new Date('2030-06-01T00:00:00.000Z');
    await h.dispose();
    h = await createHarness({ clock: () => now });
    await h.license.service.install(
      admin,
      signedDocument(payload({ expiresAt: '2031-01-01T00:00:00.000Z' })),
    );
    expect((await execute(h, LICENSE_QUERY, reviewer)).data?.license).toMatchObject({ expired: false });

    now = new Date('2031-01-01T00:00:00.000Z');
    const result = await execute(h, LICENSE_QUERY, reviewer);
    expect(result.errors).toBeUndefined();
    expect(result.data?.license).toMatchObject({
      expiresAt: '2031-01-01T00:00:00.000Z',
      expired: true,
      source: 'INSTALLED',
    });
  });
});

describe('license subgraph persistence', () => {
  it('keeps the installed license across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'grove-license-'));
    try {
      const p = payload();
      const first = await createHarness({ dataDir });
      await first.license.service.install(principals.admin, signedDocument(p));
      await first.dispose();

      const second = await createHarness({ dataDir });
      try {
        expect(await second.license.service.current(principals.reviewer)).toMatchObject({
          licenseId: p.licenseId,
          source: 'INSTALLED',
        });
        expect((await second.license.service.history(principals.admin, 0, 10)).total).toBe(1);
      } finally {
        await second.dispose();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('license configuration', () => {
  const base = { NODE_ENV: 'test' };

  it('defaults to port 4102 and the evaluation public key', () => {
    const config = loadConfig(licenseEnvSchema, base);
    expect(config.LICENSE_PORT).toBe(4102);
    expect(config.LICENSE_HOST).toBe('127.0.0.1');
    expect(licensePublicKeyFromConfig(config)).toBe(EVALUATION_PUBLIC_KEY_PEM);
  });

  it('accepts a vendor Ed25519 key, also with \\n escapes on one line', () => {
    const { publicKeyPem } = generateLicenseKeyPair();
    const oneLine = publicKeyPem.trim().replace(/\n/g, '\\n');
    expect(
      licensePublicKeyFromConfig(loadConfig(licenseEnvSchema, { ...base, LICENSE_PUBLIC_KEY: oneLine })),
    ).toBe(publicKeyPem.trim());
  });

  it.each([
    ['garbage', 'not a key'],
    [
      'an RSA key',
      generateKeyPairSync('rsa', { modulusLength: 1024 })
        .publicKey.export({ type: 'spki', format: 'pem' })
        .toString(),
    ],
  ])('refuses %s as LICENSE_PUBLIC_KEY', (_, value) => {
    expect(() => loadConfig(licenseEnvSchema, { ...base, LICENSE_PUBLIC_KEY: value })).toThrow(
      /LICENSE_PUBLIC_KEY/,
    );
  });

  it('refuses a key that is not Ed25519 when building the subgraph', async () => {
    const h = await createHarness();
    try {
      const { createLicenseSubgraph } = await import('./license.subgraph');
      await expect(
        createLicenseSubgraph(h.runtime, { publicKeyPem: 'nope', usage: h.usage }),
      ).rejects.toThrow('License public key is not a valid PEM key');
    } finally {
      await h.dispose();
    }
  });
});
