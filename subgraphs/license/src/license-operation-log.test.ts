import { LicenseInstallationModel } from '@grove/contracts';
import { OPERATION_LOG_TOPIC } from '@grove/platform';
import {
  OUTBOX_REFUSAL,
  refuseOutboxTopic,
  storedOperationLines,
  TRANSACTIONAL_DOCUMENT_DRIVERS,
} from '@grove/testkit';
import {
  createHarness,
  errorCodes,
  execute,
  INSTALL_MUTATION,
  payload,
  principals,
  signedDocument,
  type Harness,
} from './license.test-support';

/**
 * installLicense commits the installation and its operation log line in one unit of work (ADR 0013), on both
 * documents drivers with transactions: one atomic line for an installation, none for a refusal, and neither the
 * installation nor the line when the line cannot be written.
 */
describe.each(TRANSACTIONAL_DOCUMENT_DRIVERS)('installLicense operation log on %s', (documents) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ documents });
  });
  afterAll(() => h?.dispose());

  const installations = () => h.runtime.documents.collection(LicenseInstallationModel).count();
  const install = (document: string, requestId: string) =>
    execute(h, INSTALL_MUTATION, principals.admin, { d: document }, requestId);

  it('an installation writes exactly one line, in its unit of work, naming the license', async () => {
    const p = payload({ licensee: 'Oplog Bank' });
    const result = await install(signedDocument(p), 'req-install');
    expect(result.errors).toBeUndefined();
    expect(await storedOperationLines(h.runtime.documents, 'req-install')).toEqual([
      expect.objectContaining({
        action: 'installLicense',
        subgraph: 'license',
        actorKind: 'operator',
        actorId: `user:${principals.admin.userId}`,
        organizationId: null,
        targetType: 'license',
        targetId: p.licenseId,
        summary: `installed license ${p.licenseId} for Oplog Bank, expires 2099-01-01T00:00:00.000Z; limits miniPrograms=3, hostApps=2, concurrentGrayReleases=unlimited, organizations=10`,
        changes: [],
        atomic: true,
      }),
    ]);
  });

  it('a refused installation writes no line and stores nothing', async () => {
    const before = await installations();
    const tampered = JSON.parse(signedDocument()) as { payload: { licensee: string } };
    tampered.payload.licensee = 'Someone else';
    expect(errorCodes(await install(JSON.stringify(tampered), 'req-tampered'))).toEqual(['BAD_USER_INPUT']);
    const expired = signedDocument(
      payload({ issuedAt: '2019-01-01T00:00:00.000Z', expiresAt: '2020-01-01T00:00:00.000Z' }),
    );
    expect(errorCodes(await install(expired, 'req-expired'))).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(
        await execute(h, INSTALL_MUTATION, principals.reviewer, { d: signedDocument() }, 'req-forbidden'),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(await storedOperationLines(h.runtime.documents, 'req-tampered')).toEqual([]);
    expect(await storedOperationLines(h.runtime.documents, 'req-expired')).toEqual([]);
    expect(await storedOperationLines(h.runtime.documents, 'req-forbidden')).toEqual([]);
    expect(await installations()).toBe(before);
  });

  it('when its line cannot be written, the installation rolls back with it', async () => {
    const before = await installations();
    const p = payload();
    const lift = await refuseOutboxTopic(h.runtime, OPERATION_LOG_TOPIC);
    try {
      const refused = await install(signedDocument(p), 'req-no-line');
      expect(refused.errors?.[0].message).toMatch(OUTBOX_REFUSAL);
    } finally {
      await lift();
    }
    expect(await installations()).toBe(before);
    expect(await storedOperationLines(h.runtime.documents, 'req-no-line')).toEqual([]);

    const again = await install(signedDocument(p), 'req-after');
    expect(again.errors).toBeUndefined();
    expect(await installations()).toBe(before + 1);
    expect(await storedOperationLines(h.runtime.documents, 'req-after')).toHaveLength(1);
  });
});
