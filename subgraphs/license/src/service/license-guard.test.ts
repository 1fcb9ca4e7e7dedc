import { ErrorCode, ForbiddenError, LicenseLimitExceededError, PlatformError } from '@grove/platform';
import { createLicenseGuard } from '../license.subgraph';
import {
  CountedHostAppModel,
  addMiniPrograms,
  createHarness,
  payload,
  principals,
  signedDocument,
  type Harness,
} from '../license.test-support';
import { DocumentCountUsageSource, type LicenseUsageSource } from './license-usage';

async function thrown(run: () => Promise<unknown>): Promise<PlatformError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(PlatformError);
    return error as PlatformError;
  }
  throw new Error('expected an error');
}

describe('LicenseGuard', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.dispose());

  it('enforces the evaluation license until one is installed', async () => {
    const hostApps = h.runtime.documents.collection(CountedHostAppModel);
    for (let i = 0; i < 4; i++) await hostApps.insertOne({ _id: `host-${i}` });
    await expect(h.license.guard.assertCanCreate('hostApps')).resolves.toBeUndefined();
    await hostApps.insertOne({ _id: 'host-5' });
    const error = await thrown(() => h.license.guard.assertCanCreate('hostApps'));
    expect(error).toBeInstanceOf(LicenseLimitExceededError);
    expect(error.code).toBe(ErrorCode.LICENSE_LIMIT_EXCEEDED);
    expect(error.message).toBe('The license allows at most 5 host apps');
    expect(error.details).toEqual({ limit: 'hostApps', max: 5, current: 5 });
    expect((await h.license.guard.current()).source).toBe('EVALUATION');
  });

  it('counts usage from the configured collections and filters', async () => {
    await h.license.service.install(principals.admin, signedDocument(payload()));
    await addMiniPrograms(h, 2);
    await addMiniPrograms(h, 5, 'DELETED'); // outside the counter's filter
    expect(await h.usage.count('miniPrograms')).toBe(2);
    await expect(h.license.guard.assertCanCreate('miniPrograms')).resolves.toBeUndefined();

    await addMiniPrograms(h, 1);
    const error = await thrown(() => h.license.guard.assertCanCreate('miniPrograms'));
    expect(error.details).toEqual({ limit: 'miniPrograms', max: 3, current: 3 });
    expect(error.message).toBe('The license allows at most 3 mini-programs');
  });

  it('never counts an unlimited limit, and fails loudly for a capped limit nobody counts', async () => {
    // The installed license leaves concurrentGrayReleases unlimited and caps organizations at 10; neither is tracked.
    await h.license.service.install(principals.admin, signedDocument(payload()));
    await expect(h.license.guard.assertCanCreate('concurrentGrayReleases')).resolves.toBeUndefined();
    await expect(h.license.guard.assertCanCreate('organizations')).rejects.toThrow(
      'No usage counter is configured for the license limit organizations',
    );
  });

  it('stops every write once the license has expired, with FORBIDDEN / LICENSE_EXPIRED', async () => {
    await h.license.service.install(
      principals.admin,
      signedDocument(payload({ expiresAt: '2090-01-01T00:00:00.000Z' })),
    );
    const before = new Date('2089-12-31T23:59:59.999Z');
    const at = new Date('2090-01-01T00:00:00.000Z');
    await expect(h.license.guard.assertActive(before)).resolves.toBeUndefined();
    await expect(h.license.guard.assertCanCreate('hostApps', before)).resolves.toBeUndefined();

    for (const run of [
      () => h.license.guard.assertActive(at),
      () => h.license.guard.assertCanCreate('hostApps', at),
    ]) {
      const error = await thrown(run);
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error.code).toBe(ErrorCode.FORBIDDEN);
      expect(error.details).toEqual({ reason: 'LICENSE_EXPIRED', expiresAt: '2090-01-01T00:00:00.000Z' });
    }
    // Even an unlimited limit is refused once expired.
    expect(await thrown(() => h.license.guard.assertCanCreate('concurrentGrayReleases', at))).toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('in another process (createLicenseGuard over the same documents), sees installations at once', async () => {
    const counted: string[] = [];
    const usage: LicenseUsageSource = {
      async count(limit) {
        counted.push(limit);
        return 2;
      },
    };
    const remote = createLicenseGuard(h.runtime, { publicKeyPem: h.vendor.publicKeyPem, usage });
    await expect(remote.assertCanCreate('hostApps')).resolves.toBeUndefined(); // evaluation: 5 host apps
    await h.license.service.install(principals.admin, signedDocument(payload()));
    expect((await remote.current()).source).toBe('INSTALLED');
    expect((await thrown(() => remote.assertCanCreate('hostApps'))).details).toEqual({
      limit: 'hostApps',
      max: 2,
      current: 2,
    });
    expect(counted).toEqual(['hostApps', 'hostApps']);
  });

  it('ignores licenses installed under another public key (key rotation)', async () => {
    await h.license.service.install(principals.admin, signedDocument(payload()));
    const otherKey = createLicenseGuard(h.runtime, {
      usage: new DocumentCountUsageSource(h.runtime.documents, {}),
    }); // evaluation key
    expect((await otherKey.current()).source).toBe('EVALUATION');
  });
});
