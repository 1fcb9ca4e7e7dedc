import { OrgRole, type UserPrincipal } from '@grove/platform';
import {
  VALID_CREDIT_CODES,
  application,
  approvedOrgOwner,
  createHarness,
  eventually,
  operatorAdmin,
  principalFor,
  recordEvents,
  signUp,
  type Harness,
} from '../account.test-support';

/** updateOrganization and the review of amendments: the approved details stay in force until a change is approved. */
describe('OrganizationService.update and amendments', () => {
  let h: Harness;
  let admin: UserPrincipal;
  let owner: UserPrincipal;
  let orgId: string;
  beforeAll(async () => {
    h = await createHarness();
    admin = await operatorAdmin(h);
    const a = await approvedOrgOwner(h, 'owner@update.example', VALID_CREDIT_CODES[0], admin);
    owner = a.principal;
    orgId = a.org.id;
  });
  afterAll(() => h.dispose());

  const orgs = () => h.account.services.organizations;

  it('changes contacts of an approved organization at once (organization.updated), without a review', async () => {
    const events = await recordEvents(h, 'account.organization');
    const updated = await orgs().update(owner, orgId, {
      contactName: 'Han Meimei',
      contactPhone: '+86 139 0013 9000',
      contactEmail: null,
    });
    expect(updated).toMatchObject({
      status: 'APPROVED',
      contactName: 'Han Meimei',
      contactPhone: '+8613900139000',
      contactEmail: undefined,
    });
    expect(updated.amendment).toBeUndefined();
    await eventually(() => expect(events.map((e) => e.type)).toEqual(['organization.updated']));
  });

  it('turns a new name or credit code into an amendment: the org keeps working under the approved details until approval', async () => {
    const events = await recordEvents(h, 'account.organization');
    const before = await orgs().get(owner, orgId);
    const amended = await orgs().update(owner, orgId, {
      name: 'Acme Renamed',
      creditCode: VALID_CREDIT_CODES[3],
    });
    expect(amended).toMatchObject({
      status: 'APPROVED',
      frozen: false,
      name: before.name,
      creditCode: before.creditCode,
    });
    expect(amended.amendment).toMatchObject({
      status: 'PENDING',
      name: 'Acme Renamed',
      creditCode: VALID_CREDIT_CODES[3],
      licenceDocumentRef: before.licenceDocumentRef,
    });

    // Members keep their memberships in fresh tokens; operators find it in the queue.
    expect((await principalFor(h, 'owner@update.example')).memberships).toEqual([
      { orgId, role: 'ORG_OWNER' },
    ]);
    expect((await orgs().list(admin, { amendmentPending: true })).items.map((o) => o.id)).toEqual([orgId]);

    const approved = await orgs().approveAmendment(admin, orgId);
    expect(approved).toMatchObject({
      status: 'APPROVED',
      name: 'Acme Renamed',
      creditCode: VALID_CREDIT_CODES[3],
    });
    expect(approved.amendment).toBeUndefined();
    expect((await orgs().list(admin, { amendmentPending: true })).total).toBe(0);
    await eventually(() =>
      expect(events.map((e) => e.type)).toEqual([
        'organization.amendment-submitted',
        'organization.amendment-approved',
      ]),
    );
    await expect(orgs().approveAmendment(admin, orgId)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'NO_PENDING_AMENDMENT' },
    });
  });

  it('a rejected amendment leaves the approved details and tells the owner why; a new change replaces it', async () => {
    const current = await orgs().get(owner, orgId);
    await orgs().update(owner, orgId, { name: 'Wrong Name Ltd' });
    const rejected = await orgs().rejectAmendment(admin, orgId, 'the licence shows another name');
    expect(rejected).toMatchObject({
      name: current.name,
      amendment: { status: 'REJECTED', rejectionReason: 'the licence shows another name' },
    });
    const again = await orgs().update(owner, orgId, {
      name: 'Right Name Ltd',
      licenceDocumentRef: 'netdisk://licences/right.pdf',
    });
    expect(again.amendment).toMatchObject({
      status: 'PENDING',
      name: 'Right Name Ltd',
      licenceDocumentRef: 'netdisk://licences/right.pdf',
    });
    expect(again.amendment?.rejectionReason).toBeUndefined();
    expect(again.amendment?.id).not.toBe(rejected.amendment?.id);
    await orgs().rejectAmendment(admin, orgId, 'not now');
  });

  it('keeps credit codes unique: at submission, and at approval when another organization took the code meanwhile', async () => {
    const other = await approvedOrgOwner(h, 'other@update.example', VALID_CREDIT_CODES[1], admin);
    await expect(orgs().update(owner, orgId, { creditCode: VALID_CREDIT_CODES[1] })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { field: 'creditCode', reason: 'CREDIT_CODE_TAKEN' },
    });
    await orgs().update(other.principal, other.org.id, { creditCode: VALID_CREDIT_CODES[4] });
    await signUp(h, 'squatter@update.example');
    await orgs().apply(
      await principalFor(h, 'squatter@update.example'),
      application(VALID_CREDIT_CODES[4], 'Squatter'),
    );
    await expect(orgs().approveAmendment(admin, other.org.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'CREDIT_CODE_TAKEN' },
    });
    expect((await orgs().get(admin, other.org.id)).creditCode).toBe(VALID_CREDIT_CODES[1]);
  });

  it('applies every change of an organization not yet approved directly', async () => {
    await signUp(h, 'applicant@update.example');
    const applicant = await principalFor(h, 'applicant@update.example');
    const pending = await orgs().apply(applicant, application(VALID_CREDIT_CODES[2], 'Pending Co'));
    const updated = await orgs().update(applicant, pending.id, { name: 'Pending Co Renamed' });
    expect(updated).toMatchObject({ status: 'PENDING', name: 'Pending Co Renamed' });
    expect(updated.amendment).toBeUndefined();
  });

  it('owners and admins only; a frozen organization is refused; bad input names the field', async () => {
    await signUp(h, 'dev@update.example');
    const { token } = await h.account.services.members.invite(owner, {
      orgId,
      email: 'dev@update.example',
      role: OrgRole.ORG_DEVELOPER,
    });
    const developer = await principalFor(h, 'dev@update.example');
    await h.account.services.members.accept(developer, token);
    await expect(orgs().update(developer, orgId, { contactName: 'Dev' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(orgs().update(owner, orgId, { creditCode: 'NOT-A-CODE' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: ['creditCode'] },
    });

    await orgs().freeze(admin, orgId, 'audit');
    await expect(orgs().update(owner, orgId, { contactName: 'Frozen' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'ORGANIZATION_FROZEN' },
    });
    await orgs().unfreeze(admin, orgId);
  });
});
