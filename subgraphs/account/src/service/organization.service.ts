import type { LicenseCapacity } from '@grove/contracts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  OrgRole,
  Permission,
  alignByKey,
  encodeCursor,
  listOrder,
  newId,
  type Filter,
  type PageRequest,
  type Principal,
} from '@grove/platform';
import { ORGANIZATION_ORDERS } from '../store/list-orders';
import { MY_ORGANIZATIONS_ORDER, type MembershipStore } from '../store/membership.store';
import { AmendmentStatus, OrganizationStatus, type OrganizationModel } from '../store/organization.model';
import type { OrganizationStore } from '../store/organization.store';
import { toOrganizationView, type OrganizationView } from '../store/views';
import type { AccountAccess } from './account-access';
import { AccountTopic, type AccountEvents } from './account-events';
import {
  idField,
  optionalReasonSchema,
  organizationApplicationSchema,
  organizationListSchema,
  organizationUpdateSchema,
  parseInput,
  reasonSchema,
} from './account-input';

/** What identifies the organization legally: changing it on an approved organization needs a review. */
const REVIEWED_FIELDS = ['name', 'creditCode', 'licenceDocumentRef'] as const;
const CONTACT_FIELDS = ['contactName', 'contactPhone', 'contactEmail'] as const;
const AMENDMENT_FIELDS = [
  'amendmentId',
  'amendmentStatus',
  'amendmentName',
  'amendmentCreditCode',
  'amendmentLicenceDocumentRef',
  'amendmentSubmittedBy',
  'amendmentSubmittedAt',
  'amendmentRejectionReason',
  'amendmentReviewedAt',
];

export interface OrganizationPage {
  items: OrganizationView[];
  total: number;
}

/**
 * Organization lifecycle: PENDING → APPROVED | REJECTED; REJECTED → PENDING (owner resubmits);
 * APPROVED ⇄ frozen. Each transition is one conditional update; an illegal one is CONFLICT and writes nothing.
 */
/** The license guard (from the license subgraph) as this service needs it. */
export type OrganizationLicenseGuard = Pick<LicenseCapacity, 'claim'>;

export class OrganizationService {
  constructor(
    private readonly orgs: OrganizationStore,
    private readonly memberships: MembershipStore,
    private readonly access: AccountAccess,
    private readonly events: AccountEvents,
    private readonly license?: OrganizationLicenseGuard,
  ) {}

  /** Any signed-in user may apply; the applicant becomes ORG_OWNER of the PENDING organization. */
  async apply(p: Principal, input: unknown): Promise<OrganizationView> {
    const { user } = await this.access.requireAccount(p);
    const data = parseInput(organizationApplicationSchema, input);
    const org = await this.events.atomically(async () => {
      const inserted = await this.orgs.insertApplication(data, user._id, new Date());
      try {
        await this.memberships.insert(inserted._id, user._id, OrgRole.ORG_OWNER);
      } catch (error) {
        await this.orgs.deleteById(inserted._id);
        throw error;
      }
      await this.publish('organization.applied', inserted, user._id);
      return inserted;
    });
    return toOrganizationView(org);
  }

  /** The owner edits a REJECTED application and submits it again. */
  async resubmit(p: Principal, id: string, input: unknown): Promise<OrganizationView> {
    const orgId = parseInput(idField, id);
    const { user } = await this.access.requireOrg(p, orgId, Permission.ORG_OWNERSHIP);
    const data = parseInput(organizationApplicationSchema, input);
    const set = { ...data, status: OrganizationStatus.PENDING, submittedAt: new Date() };
    const unset = ['rejectionReason', 'reviewedBy', 'reviewedAt'];
    if (data.contactEmail === undefined) unset.push('contactEmail');
    const org = await this.events.atomically(async () => {
      const resubmitted = await this.guarded(
        orgId,
        { status: OrganizationStatus.REJECTED },
        set,
        unset,
        'resubmitted',
      );
      await this.publish('organization.resubmitted', resubmitted, user._id);
      return resubmitted;
    });
    return toOrganizationView(org);
  }

  /**
   * Owners and admins (org:update) edit the details. On an APPROVED organization contacts change at once, while a new
   * name, credit code or licence becomes an amendment operators review: the approved details stay in force (members
   * keep working) until it is approved, and a newer submission replaces a waiting or rejected one. An organization
   * not yet approved (PENDING, REJECTED) takes every change at once; the review still to come covers it. Frozen
   * organizations are refused. Guarded by the reviewed details read, so a concurrent change is CONFLICT, not lost.
   */
  async update(p: Principal, id: string, input: unknown): Promise<OrganizationView> {
    const orgId = parseInput(idField, id);
    const { user } = await this.access.requireOrg(p, orgId, Permission.ORG_UPDATE);
    const data = parseInput(organizationUpdateSchema, input);
    const org = await this.orgs.findById(orgId);
    if (!org) throw new NotFoundError('Organization not found');
    if (org.frozen)
      throw new ConflictError('A frozen organization cannot be changed', {
        reason: 'ORGANIZATION_FROZEN',
        status: org.status,
        frozen: true,
      });

    const reviewed = REVIEWED_FIELDS.filter((f) => data[f] !== undefined && data[f] !== org[f]);
    const set: Record<string, unknown> = {};
    const unset: string[] = [];
    for (const field of CONTACT_FIELDS) {
      if (data[field] === undefined || data[field] === org[field]) continue;
      if (data[field] === null) {
        if (org[field] !== undefined) unset.push(field);
      } else set[field] = data[field];
    }
    if (reviewed.includes('creditCode')) await this.requireFreeCreditCode(orgId, data.creditCode as string);
    const amend = reviewed.length > 0 && org.status === OrganizationStatus.APPROVED;
    if (amend) {
      Object.assign(set, {
        amendmentId: newId(),
        amendmentStatus: AmendmentStatus.PENDING,
        amendmentName: data.name ?? org.name,
        amendmentCreditCode: data.creditCode ?? org.creditCode,
        amendmentLicenceDocumentRef: data.licenceDocumentRef ?? org.licenceDocumentRef,
        amendmentSubmittedBy: user._id,
        amendmentSubmittedAt: new Date(),
      });
      unset.push('amendmentRejectionReason', 'amendmentReviewedAt');
    } else {
      for (const field of reviewed) set[field] = data[field];
    }
    const contactsChanged =
      CONTACT_FIELDS.some((f) => f in set) ||
      unset.some((f) => (CONTACT_FIELDS as readonly string[]).includes(f));
    if (!amend && !contactsChanged && reviewed.length === 0) return toOrganizationView(org);

    const guard: Filter = {
      status: org.status,
      frozen: false,
      name: org.name,
      creditCode: org.creditCode,
      licenceDocumentRef: org.licenceDocumentRef,
    };
    const updated = await this.events.atomically(async () => {
      let changed: OrganizationModel | null;
      try {
        changed = await this.orgs.transition(orgId, guard, set, unset);
      } catch (error) {
        if (error instanceof ConflictError) throw creditCodeTaken();
        throw error;
      }
      if (!changed)
        throw new ConflictError('The organization changed meanwhile; reload and try again', {
          reason: 'CONCURRENT_CHANGE',
        });
      if (contactsChanged || (!amend && reviewed.length > 0))
        await this.publish('organization.updated', changed, user._id);
      if (amend) await this.publish('organization.amendment-submitted', changed, user._id);
      return changed;
    });
    return toOrganizationView(updated);
  }

  /** org:review; the waiting amendment's name, credit code and licence become the organization's. */
  async approveAmendment(p: Principal, id: string): Promise<OrganizationView> {
    const orgId = parseInput(idField, id);
    const { user } = await this.access.requireOperator(p, Permission.ORG_REVIEW);
    const org = await this.pendingAmendmentOf(orgId, 'approved');
    const updated = await this.events.atomically(async () => {
      let approved: OrganizationModel | null;
      try {
        approved = await this.orgs.transition(
          orgId,
          {
            status: OrganizationStatus.APPROVED,
            amendmentId: org.amendmentId,
            amendmentStatus: AmendmentStatus.PENDING,
          },
          {
            name: org.amendmentName,
            creditCode: org.amendmentCreditCode,
            licenceDocumentRef: org.amendmentLicenceDocumentRef,
          },
          AMENDMENT_FIELDS,
        );
      } catch (error) {
        // The unique index is the last word: another organization took the code since the amendment was submitted.
        if (error instanceof ConflictError) throw creditCodeTaken();
        throw error;
      }
      if (!approved)
        throw new ConflictError('The amendment changed meanwhile; reload and try again', {
          reason: 'CONCURRENT_CHANGE',
        });
      await this.publish('organization.amendment-approved', approved, user._id);
      return approved;
    });
    return toOrganizationView(updated);
  }

  /** org:review; the approved details stay, the owner sees the reason and may submit another change. */
  async rejectAmendment(p: Principal, id: string, reason: string): Promise<OrganizationView> {
    const orgId = parseInput(idField, id);
    const { user } = await this.access.requireOperator(p, Permission.ORG_REVIEW);
    const rejectionReason = parseInput(reasonSchema, reason);
    const org = await this.pendingAmendmentOf(orgId, 'rejected');
    const updated = await this.events.atomically(async () => {
      const rejected = await this.orgs.transition(
        orgId,
        {
          status: OrganizationStatus.APPROVED,
          amendmentId: org.amendmentId,
          amendmentStatus: AmendmentStatus.PENDING,
        },
        {
          amendmentStatus: AmendmentStatus.REJECTED,
          amendmentRejectionReason: rejectionReason,
          amendmentReviewedAt: new Date(),
        },
      );
      if (!rejected)
        throw new ConflictError('The amendment changed meanwhile; reload and try again', {
          reason: 'CONCURRENT_CHANGE',
        });
      await this.publish('organization.amendment-rejected', rejected, user._id, rejectionReason);
      return rejected;
    });
    return toOrganizationView(updated);
  }

  async approve(p: Principal, id: string): Promise<OrganizationView> {
    const orgId = parseInput(idField, id);
    const { user } = await this.access.requireOperator(p, Permission.ORG_REVIEW);
    // Approved organizations are what the license counts; rejections and reads stay possible past the limit.
    const approve = () =>
      this.events.atomically(async () => {
        const approved = await this.guarded(
          orgId,
          { status: OrganizationStatus.PENDING },
          { status: OrganizationStatus.APPROVED, reviewedBy: user._id, reviewedAt: new Date() },
          ['rejectionReason'],
          'approved',
        );
        await this.publish('organization.approved', approved, user._id);
        return approved;
      });
    // The organization holds the unit from approval on; a refused transition gives it back.
    const org = this.license ? await this.license.claim('organizations', orgId, approve) : await approve();
    return toOrganizationView(org);
  }

  async reject(p: Principal, id: string, reason: string): Promise<OrganizationView> {
    const orgId = parseInput(idField, id);
    const { user } = await this.access.requireOperator(p, Permission.ORG_REVIEW);
    const rejectionReason = parseInput(reasonSchema, reason);
    const org = await this.events.atomically(async () => {
      const rejected = await this.guarded(
        orgId,
        { status: OrganizationStatus.PENDING },
        {
          status: OrganizationStatus.REJECTED,
          rejectionReason,
          reviewedBy: user._id,
          reviewedAt: new Date(),
        },
        [],
        'rejected',
      );
      await this.publish('organization.rejected', rejected, user._id, rejectionReason);
      return rejected;
    });
    return toOrganizationView(org);
  }

  async freeze(p: Principal, id: string, reason?: string | null): Promise<OrganizationView> {
    const orgId = parseInput(idField, id);
    const { user } = await this.access.requireOperator(p, Permission.ORG_FREEZE);
    const frozenReason = parseInput(optionalReasonSchema, reason);
    const org = await this.events.atomically(async () => {
      const frozen = await this.guarded(
        orgId,
        { status: OrganizationStatus.APPROVED, frozen: false },
        frozenReason ? { frozen: true, frozenReason } : { frozen: true },
        frozenReason ? [] : ['frozenReason'],
        'frozen',
      );
      await this.publish('organization.frozen', frozen, user._id, frozenReason);
      return frozen;
    });
    return toOrganizationView(org);
  }

  async unfreeze(p: Principal, id: string): Promise<OrganizationView> {
    const orgId = parseInput(idField, id);
    const { user } = await this.access.requireOperator(p, Permission.ORG_FREEZE);
    const org = await this.events.atomically(async () => {
      const unfrozen = await this.guarded(
        orgId,
        { status: OrganizationStatus.APPROVED, frozen: true },
        { frozen: false },
        ['frozenReason'],
        'unfrozen',
      );
      await this.publish('organization.unfrozen', unfrozen, user._id);
      return unfrozen;
    });
    return toOrganizationView(org);
  }

  /** Members of the organization (any state, so applicants see their application) or operators. */
  async get(p: Principal, id: string): Promise<OrganizationView> {
    const orgId = parseInput(idField, id);
    await this.access.requireOrg(p, orgId, Permission.ORG_READ, Permission.ORG_READ_ANY);
    const org = await this.orgs.findById(orgId);
    if (!org) throw new NotFoundError('Organization not found');
    return toOrganizationView(org);
  }

  async list(p: Principal, input: unknown): Promise<OrganizationPage> {
    await this.access.requireOperator(p, Permission.ORG_READ_ANY);
    const query = parseInput(organizationListSchema, input);
    const order = listOrder(ORGANIZATION_ORDERS, query.orderBy);
    const { items, total } = await this.orgs.list({ ...query, order });
    return { items: items.map((o) => ({ ...toOrganizationView(o), cursor: encodeCursor(order, o) })), total };
  }

  /** The caller's organizations in the order they joined, a page at a time; the cursor is the membership's. */
  async mine(p: Principal, page: PageRequest = {}): Promise<OrganizationView[]> {
    const { user } = await this.access.requireAccount(p);
    const memberships = await this.memberships.pageByUser(user._id, page);
    const orgs = new Map((await this.orgs.findByIds(memberships.map((m) => m.orgId))).map((o) => [o._id, o]));
    return memberships.flatMap((m) => {
      const org = orgs.get(m.orgId);
      return org ? [{ ...toOrganizationView(org), cursor: encodeCursor(MY_ORGANIZATIONS_ORDER, m) }] : [];
    });
  }

  async byIds(ids: string[]): Promise<Map<string, OrganizationView>> {
    const orgs = await this.orgs.findByIds([...new Set(ids)]);
    return new Map(orgs.map((o) => [o._id, toOrganizationView(o)]));
  }

  /** Field-level guard for an organization's non-public fields. */
  async requirePrivateAccess(p: Principal, orgId: string): Promise<void> {
    if (!(await this.access.canReadOrganizationPrivate(p, orgId))) {
      throw new ForbiddenError("Only the organization's members and operators may read this field");
    }
  }

  /** Entity reference: open to any caller; the schema hides the non-public fields from those who may not read them. */
  async reference(id: string): Promise<OrganizationView | null> {
    const org = await this.orgs.findById(id);
    return org ? toOrganizationView(org) : null;
  }

  /** Batched entity references: every organization a request names, in one read. */
  async referenceMany(ids: readonly string[]): Promise<Array<OrganizationView | null>> {
    const orgs = alignByKey(ids, await this.orgs.findByIds([...new Set(ids)]), (org) => org._id);
    return orgs.map((org) => (org ? toOrganizationView(org) : null));
  }

  private async guarded(
    id: string,
    guard: Filter,
    set: Record<string, unknown>,
    unset: string[],
    verb: string,
  ): Promise<OrganizationModel> {
    const updated = await this.orgs.transition(id, guard, set, unset);
    if (updated) return updated;
    const current = await this.orgs.findById(id);
    if (!current) throw new NotFoundError('Organization not found');
    const state =
      current.status === OrganizationStatus.APPROVED && current.frozen ? 'APPROVED (frozen)' : current.status;
    throw new ConflictError(`An organization that is ${state} cannot be ${verb}`, {
      status: current.status,
      frozen: current.frozen,
    });
  }

  private async pendingAmendmentOf(orgId: string, verb: string): Promise<OrganizationModel> {
    const org = await this.orgs.findById(orgId);
    if (!org) throw new NotFoundError('Organization not found');
    if (org.amendmentStatus !== AmendmentStatus.PENDING) {
      throw new ConflictError(`This organization has no amendment waiting for review to be ${verb}`, {
        reason: 'NO_PENDING_AMENDMENT',
      });
    }
    return org;
  }

  /** A friendly early answer; the unique index on creditCode decides races. */
  private async requireFreeCreditCode(orgId: string, creditCode: string): Promise<void> {
    const holder = await this.orgs.findByCreditCode(creditCode);
    if (holder && holder._id !== orgId) throw creditCodeTaken();
  }

  private async publish(
    type: string,
    org: OrganizationModel,
    actorId: string,
    reason?: string,
  ): Promise<void> {
    await this.events.publish(AccountTopic.ORGANIZATION, type, org._id, {
      organizationId: org._id,
      actorId,
      reason,
    });
  }
}

function creditCodeTaken(): ConflictError {
  return new ConflictError('Another organization is registered with this credit code', {
    field: 'creditCode',
    reason: 'CREDIT_CODE_TAKEN',
  });
}
