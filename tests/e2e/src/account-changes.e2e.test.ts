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
  OpPlatformChangeOperatorRoleDocument,
  OpPlatformCreateOperatorDocument,
  OpPlatformOperatorsDocument,
  OpPlatformPendingSdkBuildsDocument,
  OpPlatformSdkBuildFilesDocument,
  RefreshSessionDocument,
  SignUpDocument,
  UpdateOrganizationDocument,
} from '../../../schema/generated/graphql';
import { sdkArtifactZip } from '../../../subgraphs/sdk/src/sdk.test-support';
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

// Upper bound of one test: a few dozen requests, across processes on a loaded machine in distributed mode.
jest.setTimeout(120_000);

/**
 * Account changes and deletions through the router over HTTP (issue 7 item 15): a password change ends the other
 * devices at once (the router refuses their tokens), an approved organization's renaming waits for review, and a
 * never-released mini-program and a disabled host app are deleted. On the same platform start: an operator admin
 * changes another operator's role (the changed operator's next request sees it; nobody changes their own role, and of
 * two admins demoting each other at once one is refused), and an operator lists the files of an uploaded SDK build
 * (read back from the object store: s3rver in distributed mode).
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

  it("changes another operator's role: the next request sees it, and one enabled admin always remains", async () => {
    const admin = await login(ADMIN_EMAIL, ADMIN_PASSWORD, 'ops-console');
    const created = dataOf(
      await execute(
        e2e.url,
        OpPlatformCreateOperatorDocument,
        { input: { email: 'rita@ops.example', displayName: 'Rita Reviewer', role: 'OPERATOR_REVIEWER' } },
        { token: admin.accessToken },
      ),
    ).createOperator;
    const rita = await login('rita@ops.example', created.initialPassword!, 'rita-laptop');
    const ritaMe = dataOf(await execute(e2e.url, MeDocument, {}, { token: rita.accessToken })).me;
    expect(ritaMe!.operatorRoles).toEqual(['OPERATOR_REVIEWER']);
    expect(ritaMe!.permissions).not.toContain('operator:manage');
    expect(
      errorCodes(
        await execute(e2e.url, OpPlatformOperatorsDocument, { take: 10 }, { token: rita.accessToken }),
      ),
    ).toEqual(['FORBIDDEN']);

    // Nobody changes their own role: the only admin cannot demote itself.
    const self = await execute(
      e2e.url,
      OpPlatformChangeOperatorRoleDocument,
      { userId: admin.user.id, role: 'OPERATOR_REVIEWER' },
      { token: admin.accessToken },
    );
    expect(errorCodes(self)).toEqual(['CONFLICT']);
    expect(self.errors?.[0]?.extensions).toMatchObject({ reason: 'SELF_DEMOTION' });

    // Promoted: her token from before is stale at the router; after a refresh she is an admin.
    const promoted = dataOf(
      await execute(
        e2e.url,
        OpPlatformChangeOperatorRoleDocument,
        { userId: created.user.id, role: 'OPERATOR_ADMIN' },
        { token: admin.accessToken },
      ),
    ).changeOperatorRole;
    expect(promoted).toEqual({ id: created.user.id, operatorRoles: ['OPERATOR_ADMIN'] });
    const stale = await execute(e2e.url, MeDocument, {}, { token: rita.accessToken });
    expect(errorCodes(stale)).toEqual(['UNAUTHENTICATED']);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ reason: 'TOKEN_STALE' });
    const ritaAdmin = dataOf(
      await execute(e2e.url, RefreshSessionDocument, { refreshToken: rita.refreshToken }),
    ).refreshSession;
    const ritaAfter = dataOf(await execute(e2e.url, MeDocument, {}, { token: ritaAdmin.accessToken })).me;
    expect(ritaAfter!.operatorRoles).toEqual(['OPERATOR_ADMIN']);
    expect(ritaAfter!.permissions).toContain('operator:manage');
    const listed = dataOf(
      await execute(e2e.url, OpPlatformOperatorsDocument, { take: 10 }, { token: ritaAdmin.accessToken }),
    ).operators;
    expect(listed!.map((o) => o.email).sort()).toEqual([ADMIN_EMAIL, 'rita@ops.example']);

    // The two admins demote each other at once: exactly one change goes through, an enabled admin remains. The other
    // is refused by the account service (LAST_OPERATOR_ADMIN) or, when the winner's change came first, by its stale
    // token.
    const race = await Promise.all([
      execute(
        e2e.url,
        OpPlatformChangeOperatorRoleDocument,
        { userId: created.user.id, role: 'OPERATOR_REVIEWER' },
        { token: admin.accessToken },
      ),
      execute(
        e2e.url,
        OpPlatformChangeOperatorRoleDocument,
        { userId: admin.user.id, role: 'OPERATOR_REVIEWER' },
        { token: ritaAdmin.accessToken },
      ),
    ]);
    const won = race.filter((r) => !r.errors);
    const lost = race.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const refusal = lost[0]!.errors![0]!.extensions;
    expect([
      { code: 'CONFLICT', reason: 'LAST_OPERATOR_ADMIN' },
      { code: 'UNAUTHENTICATED', reason: 'TOKEN_STALE' },
    ]).toContainEqual({ code: refusal?.code, reason: refusal?.reason });
    const winnerIsAdmin = !race[0]!.errors;
    const winner = winnerIsAdmin
      ? admin
      : dataOf(await execute(e2e.url, RefreshSessionDocument, { refreshToken: ritaAdmin.refreshToken }))
          .refreshSession;
    const operators = dataOf(
      await execute(e2e.url, OpPlatformOperatorsDocument, { take: 10 }, { token: winner.accessToken }),
    ).operators!;
    expect(operators.filter((o) => o.operatorRoles?.includes('OPERATOR_ADMIN')).map((o) => o.email)).toEqual([
      winnerIsAdmin ? ADMIN_EMAIL : 'rita@ops.example',
    ]);
    // The bootstrap admin is an admin again for what follows.
    if (!winnerIsAdmin)
      dataOf(
        await execute(
          e2e.url,
          OpPlatformChangeOperatorRoleDocument,
          { userId: admin.user.id, role: 'OPERATOR_ADMIN' },
          { token: winner.accessToken },
        ),
      );
  });

  it('lists the files of an uploaded SDK build to the operator who reviews it', async () => {
    const email = 'builder@acme.example';
    const password = 'Builder-password-1';
    dataOf(await execute(e2e.url, SignUpDocument, { input: { email, password, displayName: 'Builder' } }));
    const applicant = await login(email, password, 'builder-laptop');
    const org = dataOf(
      await execute(
        e2e.url,
        ApplyForOrganizationDocument,
        {
          input: {
            name: 'Builder Ltd',
            creditCode: validCreditCode(),
            contactName: 'Li Lei',
            contactPhone: '+8613800138000',
            licenceDocumentRef: 'uploads/builder.pdf',
          },
        },
        { token: applicant.accessToken },
      ),
    ).applyForOrganization;
    const admin = await login(ADMIN_EMAIL, ADMIN_PASSWORD, 'ops-console');
    dataOf(await execute(e2e.url, ApproveOrganizationDocument, { id: org.id }, { token: admin.accessToken }));
    const owner = await login(email, password, 'builder-laptop');

    // Uploaded through the router's upload route (forwarded to the sdk service in distributed mode).
    const query = new URLSearchParams({
      orgId: org.id,
      platform: 'ANDROID',
      version: '2.0.1',
      notes: 'e2e',
    });
    const upload = await fetch(
      `${e2e.url.replace(/\/graphql$/, '')}/uploads/sdk-builds?${query.toString()}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${owner.accessToken}`, 'content-type': 'application/zip' },
        body: new Uint8Array(await sdkArtifactZip('build 2.0.1')),
      },
    );
    expect(upload.status).toBe(201);

    const queue = dataOf(
      await execute(
        e2e.url,
        OpPlatformPendingSdkBuildsDocument,
        { skip: 0, take: 20 },
        { token: admin.accessToken },
      ),
    ).pendingSdkBuildReviews!;
    const build = queue.items.find((b) => b.orgId === org.id)!;
    expect(build).toMatchObject({ platform: 'ANDROID', version: '2.0.1', notes: 'e2e' });
    const files = dataOf(
      await execute(
        e2e.url,
        OpPlatformSdkBuildFilesDocument,
        { id: build.id, skip: 0, take: 50 },
        { token: admin.accessToken },
      ),
    ).sdkBuild!.files;
    expect(files.total).toBe(2);
    expect(files.items.map((f) => f.path).sort()).toEqual(['AndroidManifest.xml', 'classes.jar']);
    expect(files.items.find((f) => f.path === 'classes.jar')!.size).toBe('build 2.0.1'.length);
    // Paged, and bounded.
    const second = dataOf(
      await execute(
        e2e.url,
        OpPlatformSdkBuildFilesDocument,
        { id: build.id, skip: 1, take: 1 },
        { token: admin.accessToken },
      ),
    ).sdkBuild!.files;
    expect(second).toEqual({ total: 2, items: [files.items[1]] });
    expect(
      errorCodes(
        await execute(
          e2e.url,
          OpPlatformSdkBuildFilesDocument,
          { id: build.id, skip: 0, take: 1001 },
          { token: admin.accessToken },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    // Someone outside the organization who is no operator does not see it.
    dataOf(
      await execute(e2e.url, SignUpDocument, {
        input: { email: 'stranger@else.example', password, displayName: 'Stranger' },
      }),
    );
    const stranger = await login('stranger@else.example', password, 'stranger-laptop');
    expect(
      errorCodes(
        await execute(
          e2e.url,
          OpPlatformSdkBuildFilesDocument,
          { id: build.id, skip: 0, take: 50 },
          { token: stranger.accessToken },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
  });
});
