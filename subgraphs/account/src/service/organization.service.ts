import type { LicenseCapacity } from '@grove/contracts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  OrgRole,
  Permission,
  type Filter,
  type Principal,
} from '@grove/platform';
import type { MembershipStore } from '../store/membership.store';
import { OrganizationStatus, type OrganizationModel } from '../store/organization.model';
import type { OrganizationStore } from '../store/organization.store';
import { toOrganizationView, type OrganizationView } from '../store/views';
import type { AccountAccess } from './account-access';
import { AccountTopic, type AccountEvents } from './account-events';
import {
  idField,
  optionalReasonSchema,
  organizationApplicationSchema,
  organizationListSchema,
  parseInput,
  reasonSchema,
} from './account-input';

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
    const org = await this.orgs.insertApplication(data, user._id, new Date());
    try {
      await this.memberships.insert(org._id, user._id, OrgRole.ORG_OWNER);
    } catch (error) {
      await this.orgs.deleteById(org._id);
      throw error;
    }
    await this.publish('organization.applied', org, user._id);
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
    const org = await this.guarded(orgId, { status: OrganizationStatus.REJECTED }, set, unset, 'resubmitted');
    await this.publish('organization.resubmitted', org, user._id);
    return toOrganizationView(org);
  }

  async approve(p: Principal, id: string): Promise<OrganizationView> {
    const orgId = parseInput(idField, id);
    const { user } = await this.access.requireOperator(p, Permission.ORG_REVIEW);
    // Approved organizations are what the license counts; rejections and reads stay possible past the limit.
    const approve = () =>
      this.guarded(
        orgId,
        { status: OrganizationStatus.PENDING },
        { status: OrganizationStatus.APPROVED, reviewedBy: user._id, reviewedAt: new Date() },
        ['rejectionReason'],
        'approved',
      );
    // The organization holds the unit from approval on; a refused transition gives it back.
    const org = this.license ? await this.license.claim('organizations', orgId, approve) : await approve();
    await this.publish('organization.approved', org, user._id);
    return toOrganizationView(org);
  }

  async reject(p: Principal, id: string, reason: string): Promise<OrganizationView> {
    const orgId = parseInput(idField, id);
    const { user } = await this.access.requireOperator(p, Permission.ORG_REVIEW);
    const rejectionReason = parseInput(reasonSchema, reason);
    const org = await this.guarded(
      orgId,
      { status: OrganizationStatus.PENDING },
      { status: OrganizationStatus.REJECTED, rejectionReason, reviewedBy: user._id, reviewedAt: new Date() },
      [],
      'rejected',
    );
    await this.publish('organization.rejected', org, user._id, rejectionReason);
    return toOrganizationView(org);
  }

  async freeze(p: Principal, id: string, reason?: string | null): Promise<OrganizationView> {
    const orgId = parseInput(idField, id);
    const { user } = await this.access.requireOperator(p, Permission.ORG_FREEZE);
    const frozenReason = parseInput(optionalReasonSchema, reason);
    const org = await this.guarded(
      orgId,
      { status: OrganizationStatus.APPROVED, frozen: false },
      frozenReason ? { frozen: true, frozenReason } : { frozen: true },
      frozenReason ? [] : ['frozenReason'],
      'frozen',
    );
    await this.publish('organization.frozen', org, user._id, frozenReason);
    return toOrganizationView(org);
  }

  async unfreeze(p: Principal, id: string): Promise<OrganizationView> {
    const orgId = parseInput(idField, id);
    const { user } = await this.access.requireOperator(p, Permission.ORG_FREEZE);
    const org = await this.guarded(orgId, { status: OrganizationStatus.APPROVED, frozen: true }, { frozen: false }, ['frozenReason'], 'unfrozen');
    await this.publish('organization.unfrozen', org, user._id);
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
    const { items, total } = await this.orgs.list(query);
    return { items: items.map(toOrganizationView), total };
  }

  async mine(p: Principal): Promise<OrganizationView[]> {
    const { user } = await this.access.requireAccount(p);
    const memberships = await this.memberships.listByUser(user._id);
    return (await this.orgs.findByIds(memberships.map((m) => m.orgId))).map(toOrganizationView);
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
    const state = current.status === OrganizationStatus.APPROVED && current.frozen ? 'APPROVED (frozen)' : current.status;
    throw new ConflictError(`An organization that is ${state} cannot be ${verb}`, { status: current.status, frozen: current.frozen });
  }

  private async publish(type: string, org: OrganizationModel, actorId: string, reason?: string): Promise<void> {
    await this.events.publish(AccountTopic.ORGANIZATION, type, org._id, { organizationId: org._id, actorId, reason });
  }
}
