import {
  ApplyForOrganizationDocument,
  ApproveOrganizationAmendmentDocument,
  ApproveOrganizationDocument,
  ChangePasswordDocument,
  CreateHostAppDocument,
  CreateMiniProgramDocument,
  DeleteHostAppDocument,
  DeleteMiniProgramDocument,
  DisableHostAppDocument,
  LoginDocument,
  MeDocument,
  RefreshSessionDocument,
  SignUpDocument,
  UpdateOrganizationDocument,
} from '../../../schema/generated/graphql';
import { dataOf, errorCodes, execute } from './graphql-client';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  E2E_START_TIMEOUT_MS,
  e2eModes,
  startE2EPlatform,
  validCreditCode,
  type E2EPlatform,
} from './platform-harness';

/**
 * Account changes and deletions through the router over HTTP (issue 7 item 15): a password change ends the other
 * devices at once (the router refuses their tokens), an approved organization's renaming waits for review, and a
 * never-released mini-program and a disabled host app are deleted.
 */
describe.each(e2eModes())('account changes and deletions through the router (%s)', (mode) => {
  let e2e: E2EPlatform;
  beforeAll(async () => {
    e2e = await startE2EPlatform({ mode });
  }, E2E_START_TIMEOUT_MS);
  afterAll(async () => {
    await e2e?.stop();
  }, E2E_START_TIMEOUT_MS);

  const login = async (identifier: string, password: string, deviceId: string) =>
    dataOf(await execute(e2e.url, LoginDocument, { input: { identifier, password, deviceId } })).login;

  it('changes the password, reviews a renaming and deletes what was never released', async () => {
    const email = 'changer@acme.example';
    const password = 'Owner-password-1';
    const newPassword = 'violet kettle marches 7';
    dataOf(await execute(e2e.url, SignUpDocument, { input: { email, password, displayName: 'Changer' } }));
    const applicant = await login(email, password, 'laptop');
    const org = dataOf(
      await execute(
        e2e.url,
        ApplyForOrganizationDocument,
        {
          input: {
            name: 'Changer Ltd',
            creditCode: validCreditCode(),
            contactName: 'Li Lei',
            contactPhone: '+8613800138000',
            licenceDocumentRef: 'uploads/l.pdf',
          },
        },
        { token: applicant.accessToken },
      ),
    ).applyForOrganization;
    const admin = await login(ADMIN_EMAIL, ADMIN_PASSWORD, 'ops-console');
    dataOf(await execute(e2e.url, ApproveOrganizationDocument, { id: org.id }, { token: admin.accessToken }));

    // Two devices; the laptop changes the password.
    const laptop = await login(email, password, 'laptop');
    const phone = await login(email, password, 'phone');
    const changed = dataOf(
      await execute(
        e2e.url,
        ChangePasswordDocument,
        { input: { currentPassword: password, newPassword } },
        { token: laptop.accessToken },
      ),
    ).changePassword;
    expect(errorCodes(await execute(e2e.url, MeDocument, {}, { token: phone.accessToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(errorCodes(await execute(e2e.url, MeDocument, {}, { token: laptop.accessToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(
      errorCodes(await execute(e2e.url, RefreshSessionDocument, { refreshToken: phone.refreshToken })),
    ).toEqual(['UNAUTHENTICATED']);
    const me = dataOf(await execute(e2e.url, MeDocument, {}, { token: changed.accessToken })).me;
    expect(me!.sessionId).toBe(laptop.session.id);
    expect(
      errorCodes(await execute(e2e.url, LoginDocument, { input: { identifier: email, password } })),
    ).toEqual(['UNAUTHENTICATED']);
    const owner = await login(email, newPassword, 'laptop');

    // A new name waits for review; the approved one stays until the operator approves.
    const amended = dataOf(
      await execute(
        e2e.url,
        UpdateOrganizationDocument,
        { id: org.id, input: { name: 'Changer Group Ltd', contactName: 'Han Meimei' } },
        { token: owner.accessToken },
      ),
    ).updateOrganization;
    expect(amended).toMatchObject({
      name: 'Changer Ltd',
      contactName: 'Han Meimei',
      amendment: { status: 'PENDING', name: 'Changer Group Ltd' },
    });
    const renamed = dataOf(
      await execute(
        e2e.url,
        ApproveOrganizationAmendmentDocument,
        { id: org.id },
        { token: admin.accessToken },
      ),
    ).approveOrganizationAmendment;
    expect(renamed).toMatchObject({ name: 'Changer Group Ltd', amendment: null });

    // A mini-program that was never released, and a host app once disabled, are deleted.
    const app = dataOf(
      await execute(
        e2e.url,
        CreateMiniProgramDocument,
        { input: { orgId: org.id, name: 'Draft', tags: [] } },
        { token: owner.accessToken },
      ),
    ).createMiniProgram;
    expect(
      dataOf(
        await execute(e2e.url, DeleteMiniProgramDocument, { appId: app.appId }, { token: owner.accessToken }),
      ).deleteMiniProgram,
    ).toBe(true);
    expect(
      errorCodes(
        await execute(e2e.url, DeleteMiniProgramDocument, { appId: app.appId }, { token: owner.accessToken }),
      ),
    ).toEqual(['NOT_FOUND']);

    const host = dataOf(
      await execute(
        e2e.url,
        CreateHostAppDocument,
        { input: { orgId: org.id, name: 'Host', iosBundleIds: ['com.changer.host'] } },
        { token: owner.accessToken },
      ),
    ).createHostApp;
    expect(
      errorCodes(
        await execute(e2e.url, DeleteHostAppDocument, { id: host.hostApp.id }, { token: owner.accessToken }),
      ),
    ).toEqual(['CONFLICT']);
    dataOf(
      await execute(e2e.url, DisableHostAppDocument, { id: host.hostApp.id }, { token: owner.accessToken }),
    );
    expect(
      dataOf(
        await execute(e2e.url, DeleteHostAppDocument, { id: host.hostApp.id }, { token: owner.accessToken }),
      ).deleteHostApp,
    ).toBe(true);
  });
});
