import { readAllPages } from '@grove/testkit';
import { OrgRole, type UserPrincipal } from '@grove/platform';
import { OrganizationModel } from '../store/organization.model';
import { MembershipModel } from '../store/membership.model';
import {
  VALID_CREDIT_CODES,
  application,
  createHarness,
  eventually,
  operatorAdmin,
  principalFor,
  recordEvents,
  signUp,
  type Harness,
} from '../account.test-support';

describe('OrganizationService', () => {
  let h: Harness;
  let admin: UserPrincipal;
  let applicant: UserPrincipal;
  beforeEach(async () => {
    h = await createHarness();
    admin = await operatorAdmin(h);
    await signUp(h, 'applicant@example.com');
    applicant = await principalFor(h, 'applicant@example.com');
  });
  afterEach(() => h.dispose());

  const orgs = () => h.account.services.organizations;
  const orgCount = () => h.runtime.documents.collection(OrganizationModel).count();
  const membershipCount = () => h.runtime.documents.collection(MembershipModel).count();

  it('creates a PENDING organization with the applicant as ORG_OWNER and normalised fields', async () => {
    const events = await recordEvents(h, 'account.organization');
    const org = await orgs().apply(applicant, {
      ...application(),
      creditCode: ' 91350100m000100y43 ',
      contactPhone: '13800138000',
    });
    expect(org).toMatchObject({
      status: 'PENDING',
      frozen: false,
      creditCode: '91350100M000100Y43',
      contactPhone: '+8613800138000',
    });
    expect(await h.account.services.members.list(applicant, org.id)).toEqual([
      expect.objectContaining({ orgId: org.id, userId: applicant.userId, role: OrgRole.ORG_OWNER }),
    ]);
    await eventually(() =>
      expect(events).toEqual([
        {
          type: 'organization.applied',
          key: org.id,
          payload: { organizationId: org.id, actorId: applicant.userId },
        },
      ]),
    );
  });

  it.each([
    ['creditCode', { creditCode: '91350100M000100Y44' }],
    ['creditCode', { creditCode: '91350100M0001' }],
    ['contactPhone', { contactPhone: '12345' }],
    ['contactEmail', { contactEmail: 'not-an-email' }],
    ['name', { name: '' }],
  ])('refuses invalid %s with BAD_USER_INPUT and writes nothing', async (field, patch) => {
    await expect(orgs().apply(applicant, { ...application(), ...patch })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: [field] },
    });
    expect(await orgCount()).toBe(0);
    expect(await membershipCount()).toBe(0);
  });

  it('refuses a second organization with the same credit code (CONFLICT, nothing written)', async () => {
    await orgs().apply(applicant, application());
    await expect(
      orgs().apply(applicant, application(VALID_CREDIT_CODES[0], 'Copycat')),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await orgCount()).toBe(1);
    expect(await membershipCount()).toBe(1);
  });

  it('approves, freezes and unfreezes with events carrying ids', async () => {
    const events = await recordEvents(h, 'account.organization');
    const org = await orgs().apply(applicant, application());
    expect((await orgs().approve(admin, org.id)).status).toBe('APPROVED');
    expect(await orgs().freeze(admin, org.id, 'suspicious')).toMatchObject({
      frozen: true,
      frozenReason: 'suspicious',
    });
    expect(await orgs().unfreeze(admin, org.id)).toMatchObject({ frozen: false, frozenReason: undefined });
    await eventually(() =>
      expect(events.map((e) => [e.type, e.payload.organizationId, e.payload.actorId])).toEqual([
        ['organization.applied', org.id, applicant.userId],
        ['organization.approved', org.id, admin.userId],
        ['organization.frozen', org.id, admin.userId],
        ['organization.unfrozen', org.id, admin.userId],
      ]),
    );
  });

  it('rejects with a reason; the owner edits and resubmits; PENDING again', async () => {
    const org = await orgs().apply(applicant, application());
    await expect(orgs().reject(admin, org.id, '  ')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const rejected = await orgs().reject(admin, org.id, 'Licence is blurry');
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: 'Licence is blurry' });
    const resubmitted = await orgs().resubmit(applicant, org.id, {
      ...application(),
      licenceDocumentRef: 'netdisk://licences/acme-v2.pdf',
    });
    expect(resubmitted).toMatchObject({
      status: 'PENDING',
      licenceDocumentRef: 'netdisk://licences/acme-v2.pdf',
      rejectionReason: undefined,
    });
    expect((await orgs().approve(admin, org.id)).status).toBe('APPROVED');
  });

  it('answers illegal transitions with CONFLICT and changes nothing', async () => {
    const org = await orgs().apply(applicant, application());
    await expect(orgs().freeze(admin, org.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(orgs().resubmit(applicant, org.id, application())).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await orgs().approve(admin, org.id);
    const before = await h.runtime.documents.collection(OrganizationModel).findById(org.id);
    await expect(orgs().approve(admin, org.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(orgs().reject(admin, org.id, 'late')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(orgs().unfreeze(admin, org.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await h.runtime.documents.collection(OrganizationModel).findById(org.id)).toEqual(before);
    await expect(orgs().approve(admin, 'no-such-org')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets exactly one of two concurrent reviews win', async () => {
    const org = await orgs().apply(applicant, application());
    const reviewer = await h.account.services.identity.createOperator(admin, {
      email: 'reviewer@example.com',
      displayName: 'Reviewer',
      role: 'OPERATOR_REVIEWER',
    });
    const reviewerPrincipal = await principalFor(
      h,
      'reviewer@example.com',
      reviewer.initialPassword as string,
    );
    const results = await Promise.allSettled([
      orgs().approve(admin, org.id),
      orgs().reject(reviewerPrincipal, org.id, 'no'),
      orgs().approve(reviewerPrincipal, org.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected'))
      expect(r.reason).toMatchObject({ code: 'CONFLICT' });
    const stored = await h.runtime.documents.collection(OrganizationModel).findById(org.id);
    const winner = (
      results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ status: string }>
    ).value;
    expect(stored?.status).toBe(winner.status);
  });

  it('lists organizations for operators with status filter and paging', async () => {
    for (let i = 0; i < 3; i++) await orgs().apply(applicant, application(VALID_CREDIT_CODES[i], `Org ${i}`));
    const page = await orgs().list(admin, { status: 'PENDING', skip: 1, take: 1 });
    expect(page.total).toBe(3);
    expect(page.items.map((o) => o.name)).toEqual(['Org 1']);
    expect((await orgs().list(admin, { status: 'APPROVED' })).total).toBe(0);
    await expect(orgs().list(admin, { take: 1000 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(orgs().list(applicant, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows the applicant their organizations in any state, and no one else’s', async () => {
    const org = await orgs().apply(applicant, application());
    await signUp(h, 'stranger@example.com');
    const stranger = await principalFor(h, 'stranger@example.com');
    expect((await orgs().mine(applicant)).map((o) => o.id)).toEqual([org.id]);
    expect(await orgs().mine(stranger)).toEqual([]);
    await expect(orgs().get(applicant, org.id)).resolves.toMatchObject({ id: org.id });
    await expect(orgs().get(stranger, org.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(orgs().get(stranger, 'unknown')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(orgs().get(admin, 'unknown')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('pages the caller’s organizations in the order joined, with cursors that only fit this list', async () => {
    const applied = [];
    for (let i = 0; i < 5; i++)
      applied.push((await orgs().apply(applicant, application(VALID_CREDIT_CODES[i], `Mine ${i}`))).id);
    const { items, pages } = await readAllPages((page) => orgs().mine(applicant, page), 2);
    expect(items.map((o) => o.id)).toEqual(applied);
    expect(pages).toBe(3);
    await expect(orgs().mine(applicant, { take: 101 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: expect.objectContaining({ field: 'take' }),
    });
    const foreign = Buffer.from(JSON.stringify(['members', null, 'x'])).toString('base64url');
    await expect(orgs().mine(applicant, { after: foreign })).rejects.toMatchObject({
      details: expect.objectContaining({ reason: 'INVALID_CURSOR' }),
    });
  });
});
