import { createLicenseGuard } from '@grove/license';
import { LicenseLimitExceededError, newId } from '@grove/platform';
import { createLicenseSubgraph } from '../license.subgraph';
import {
  CountedHostAppModel,
  createHarness,
  payload,
  principals,
  signedDocument,
  type Harness,
} from '../license.test-support';

describe('license usage in distributed mode', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.dispose());

  it('the license query shows what the owning services claimed (not null), and their guards enforce the installed license', async () => {
    // The owning service (e.g. standalone app-manage) builds its own guard over the shared store.
    const owner = createLicenseGuard(h.runtime, {
      publicKeyPem: h.vendor.publicKeyPem,
      owned: { hostApps: { model: CountedHostAppModel } },
    });
    await h.license.service.install(principals.admin, signedDocument(payload())); // hostApps: 2
    const hostApps = h.runtime.documents.collection(CountedHostAppModel);
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => {
        const id = newId();
        return owner.claim('hostApps', id, () => hostApps.insertOne({ _id: id }));
      }),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason),
    ).toEqual(Array(4).fill(expect.any(LicenseLimitExceededError)));

    // The standalone license service: default usage source, the same store.
    const standalone = await createLicenseSubgraph(h.runtime, { publicKeyPem: h.vendor.publicKeyPem });
    const view = await standalone.service.current(principals.admin);
    expect(view.limits.find((l) => l.name === 'hostApps')).toEqual({
      name: 'hostApps',
      max: 2,
      used: 2,
      remaining: 0,
    });
    expect(view.limits.every((l) => l.used !== null)).toBe(true);
  });
});
