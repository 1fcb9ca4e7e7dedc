import {
  ConflictError,
  describeOperation,
  encodeCursor,
  listOrder,
  ForbiddenError,
  NotFoundError,
  ORG_PERMISSIONS,
  ORG_ROLE_RANK,
  OrgRole,
  Permission,
  randomToken,
  type Principal,
} from '@grove/platform';
import { MEMBER_ORDERS } from '../store/list-orders';
import { InvitationStatus, type InvitationModel } from '../store/invitation.model';
import { INVITATIONS_ORDER, type InvitationStore } from '../store/invitation.store';
import type { MembershipModel } from '../store/membership.model';
import { type MembershipStore } from '../store/membership.store';
import { OrganizationStatus } from '../store/organization.model';
import type { OrganizationStore } from '../store/organization.store';
import type { UserStore } from '../store/user.store';
import { toInvitationView, toMemberView, type InvitationView, type MemberView } from '../store/views';
import type { AccountAccess, OrgActor } from './account-access';
import { AccountTopic, type AccountEvents } from './account-events';
import {
  idField,
  invitationStatusField,
  inviteSchema,
  memberRefSchema,
  memberRoleSchema,
  parseInput,
  tokenField,
} from './account-input';
import type { InvitationRedeemer } from './invitation-redeemer';
import { hashSecret } from './secret-hash';

export interface InvitationResult {
  invitation: InvitationView;
  /** The one-time token, returned once to the inviter (there is no notification service yet). */
  token: string;
}

/**
 * Organization members. Managing needs ORG_OWNER/ORG_ADMIN of an approved, unfrozen organization; nobody
 * grants or touches a role above their own; the last owner can neither be demoted nor removed.
 */
export class MemberService {
  constructor(
    private readonly memberships: MembershipStore,
    private readonly invitations: InvitationStore,
    private readonly orgs: OrganizationStore,
    private readonly users: UserStore,
    private readonly access: AccountAccess,
    private readonly redeemer: InvitationRedeemer,
    private readonly events: AccountEvents,
    private readonly invitationTtlSec: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async invite(p: Principal, input: unknown): Promise<InvitationResult> {
    await this.access.requireAccount(p);
    const data = parseInput(inviteSchema, input);
    const actor = await this.requireManager(p, data.orgId);
    if (ORG_ROLE_RANK[data.role] > ORG_ROLE_RANK[actor.membership.role]) {
      throw new ForbiddenError('You cannot grant a role above your own');
    }
    const invitee = await this.users.findByIdentifier(data);
    if (invitee && (await this.memberships.find(data.orgId, invitee._id))) {
      throw new ConflictError('This person is already a member of the organization');
    }
    const token = randomToken(32);
    const invitation = await this.events.atomically(async () => {
      const inserted = await this.invitations.insert({
        orgId: data.orgId,
        email: data.email,
        phone: data.phone,
        role: data.role,
        tokenHash: hashSecret(token),
        invitedBy: actor.user._id,
        expiresAt: new Date(this.clock().getTime() + this.invitationTtlSec * 1000),
      });
      await this.events.publish(AccountTopic.MEMBER, 'member.invited', data.orgId, {
        organizationId: data.orgId,
        invitationId: inserted._id,
        actorId: actor.user._id,
      });
      return inserted;
    });
    return { invitation: toInvitationView(invitation, this.clock()), token };
  }

  /**
   * An organization's invitations, newest first, a page at a time, optionally of one status (EXPIRED: pending past
   * its expiry by this service's clock). Managers of the organization, and operators who read any organization.
   */
  async invitationsOf(
    p: Principal,
    orgId: unknown,
    status: unknown,
    page: { take?: unknown; after?: unknown } = {},
  ): Promise<InvitationView[]> {
    const id = parseInput(idField, orgId);
    const wanted = parseInput(invitationStatusField, status);
    await this.access.requireOrg(p, id, Permission.ORG_MEMBERS_MANAGE, Permission.ORG_READ_ANY);
    const now = this.clock();
    return (await this.invitations.pageByOrg(id, wanted, now, page)).map((doc) => ({
      ...toInvitationView(doc, now),
      cursor: encodeCursor(INVITATIONS_ORDER, doc),
    }));
  }

  /**
   * PENDING → REVOKED, once: the token can no longer be accepted or used at sign-up. An accepted, revoked or
   * expired invitation is CONFLICT with a reason saying which; an unknown id is NOT_FOUND, another
   * organization's FORBIDDEN (as for every organization-scoped check).
   */
  async revokeInvitation(p: Principal, invitationId: unknown): Promise<InvitationView> {
    await this.access.requireAccount(p);
    const id = parseInput(idField, invitationId);
    const found = await this.invitations.findById(id);
    if (!found) throw new NotFoundError('Invitation not found', { reason: 'INVITATION_NOT_FOUND' });
    const actor = await this.requireManager(p, found.orgId);
    describeOperation({
      target: { type: 'invitation', id },
      summary: `revoked invitation ${id} (${found.role})`,
      organizationId: found.orgId,
    });
    const now = this.clock();
    const revoked = await this.events.atomically(async () => {
      const changed = await this.invitations.revoke(id, found.orgId, actor.user._id, now);
      if (!changed) throw notRevocable(await this.invitations.findById(id), now);
      await this.events.publish(AccountTopic.MEMBER, 'member.invitation_revoked', found.orgId, {
        organizationId: found.orgId,
        invitationId: id,
        actorId: actor.user._id,
      });
      return changed;
    });
    return toInvitationView(revoked, now);
  }

  /** The invited user, signed in, redeems the token. */
  async accept(p: Principal, token: string): Promise<MemberView> {
    const { user } = await this.access.requireAccount(p);
    return this.redeemer.redeem(parseInput(tokenField, token), user);
  }

  async changeRole(p: Principal, input: unknown): Promise<MemberView> {
    await this.access.requireAccount(p);
    const data = parseInput(memberRoleSchema, input);
    const actor = await this.requireManager(p, data.orgId);
    const target = await this.requireTarget(actor, data.orgId, data.userId);
    if (ORG_ROLE_RANK[data.role] > ORG_ROLE_RANK[actor.membership.role]) {
      throw new ForbiddenError('You cannot grant a role above your own');
    }
    if (target.role === data.role) return toMemberView(target);

    const leavingOwnership = target.role === OrgRole.ORG_OWNER;
    const updated = await this.events.atomically(async () => {
      if (leavingOwnership && !(await this.orgs.releaseOwnerSlot(data.orgId))) {
        throw new ConflictError('The last owner cannot be demoted');
      }
      const changed = await this.memberships.changeRole(data.orgId, data.userId, target.role, data.role);
      if (!changed) {
        if (leavingOwnership) await this.orgs.addOwnerSlot(data.orgId);
        throw new ConflictError('The membership changed meanwhile; reload and try again');
      }
      if (data.role === OrgRole.ORG_OWNER) await this.orgs.addOwnerSlot(data.orgId);
      await this.events.publish(AccountTopic.MEMBER, 'member.role_changed', data.orgId, {
        organizationId: data.orgId,
        userId: data.userId,
        role: data.role,
        actorId: actor.user._id,
      });
      return changed;
    });
    return toMemberView(updated);
  }

  /** Managers remove members ranked no higher than themselves; any member may leave on their own. */
  async remove(p: Principal, input: unknown): Promise<boolean> {
    const self = await this.access.requireAccount(p);
    const data = parseInput(memberRefSchema, input);
    let target: MembershipModel;
    if (data.userId === self.user._id) {
      const own = await this.memberships.find(data.orgId, self.user._id);
      if (!own) throw new ForbiddenError('You are not a member of this organization');
      target = own;
    } else {
      const actor = await this.requireManager(p, data.orgId);
      target = await this.requireTarget(actor, data.orgId, data.userId);
    }
    const owner = target.role === OrgRole.ORG_OWNER;
    await this.events.atomically(async () => {
      if (owner && !(await this.orgs.releaseOwnerSlot(data.orgId))) {
        throw new ConflictError('The last owner cannot be removed');
      }
      if (!(await this.memberships.remove(data.orgId, data.userId, target.role))) {
        if (owner) await this.orgs.addOwnerSlot(data.orgId);
        throw new ConflictError('The membership changed meanwhile; reload and try again');
      }
      await this.events.publish(AccountTopic.MEMBER, 'member.removed', data.orgId, {
        organizationId: data.orgId,
        userId: data.userId,
        actorId: self.user._id,
      });
    });
    return true;
  }

  /** Oldest first unless `orderBy` says otherwise, a page at a time (`take` up to 100, `after` a member's cursor). */
  async list(
    p: Principal,
    orgId: string,
    page: { take?: unknown; after?: unknown; orderBy?: { field?: unknown; direction?: unknown } | null } = {},
  ): Promise<MemberView[]> {
    const id = parseInput(idField, orgId);
    await this.access.requireOrg(p, id, Permission.ORG_MEMBERS_READ, Permission.ORG_READ_ANY);
    const order = listOrder(MEMBER_ORDERS, page.orderBy);
    return (await this.memberships.pageByOrg(id, order, page)).map((m) => ({
      ...toMemberView(m),
      cursor: encodeCursor(order, m),
    }));
  }

  private async requireManager(
    p: Principal,
    orgId: string,
  ): Promise<OrgActor & { membership: MembershipModel }> {
    const actor = await this.access.requireOrg(p, orgId, Permission.ORG_MEMBERS_MANAGE);
    const membership = actor.membership;
    if (!membership || !ORG_PERMISSIONS[membership.role].includes(Permission.ORG_MEMBERS_MANAGE)) {
      throw new ForbiddenError(`Missing permission ${Permission.ORG_MEMBERS_MANAGE} for this organization`);
    }
    const org = await this.orgs.findById(orgId);
    if (!org || org.status !== OrganizationStatus.APPROVED || org.frozen) {
      throw new ForbiddenError('The organization is not approved or is frozen', {
        reason: 'ORGANIZATION_INACTIVE',
      });
    }
    return { ...actor, membership };
  }

  private async requireTarget(
    actor: { membership: MembershipModel },
    orgId: string,
    userId: string,
  ): Promise<MembershipModel> {
    const target = await this.memberships.find(orgId, userId);
    if (!target) throw new NotFoundError('Member not found');
    if (ORG_ROLE_RANK[target.role] > ORG_ROLE_RANK[actor.membership.role]) {
      throw new ForbiddenError('You cannot change a member ranked above you');
    }
    return target;
  }
}

/** Why a revocation found nothing to change, read after the conditional update missed. */
function notRevocable(current: InvitationModel | null, now: Date): ConflictError | NotFoundError {
  if (!current) return new NotFoundError('Invitation not found', { reason: 'INVITATION_NOT_FOUND' });
  if (current.status === InvitationStatus.REVOKED)
    return new ConflictError('The invitation was already revoked', { reason: 'INVITATION_ALREADY_REVOKED' });
  if (current.status === InvitationStatus.ACCEPTED)
    return new ConflictError('The invitation was already accepted; remove the member instead', {
      reason: 'INVITATION_ALREADY_ACCEPTED',
    });
  if (current.expiresAt <= now)
    return new ConflictError('The invitation has expired', { reason: 'INVITATION_EXPIRED' });
  return new ConflictError('The invitation changed meanwhile; reload and try again');
}
