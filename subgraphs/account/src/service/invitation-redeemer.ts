import { ConflictError, ForbiddenError, NotFoundError, OrgRole } from '@grove/platform';
import type { InvitationModel } from '../store/invitation.model';
import type { InvitationStore } from '../store/invitation.store';
import type { MembershipStore } from '../store/membership.store';
import { OrganizationStatus } from '../store/organization.model';
import type { OrganizationStore } from '../store/organization.store';
import type { UserModel } from '../store/user.model';
import { toMemberView, type MemberView } from '../store/views';
import { AccountTopic, type AccountEvents } from './account-events';
import { hashSecret } from './secret-hash';

/** Turns a one-time invitation token into a membership; shared by acceptInvitation and signUp-with-token. */
export class InvitationRedeemer {
  constructor(
    private readonly invitations: InvitationStore,
    private readonly memberships: MembershipStore,
    private readonly orgs: OrganizationStore,
    private readonly events: AccountEvents,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Checks the token without using it: pending (not accepted or revoked), unexpired, addressed here, org active. */
  async inspect(
    token: string,
    identity: { email?: string; phone?: string },
    now = this.clock(),
  ): Promise<InvitationModel> {
    const invitation = await this.invitations.findByTokenHash(hashSecret(token));
    if (!invitation || invitation.status !== 'PENDING' || invitation.expiresAt <= now) {
      throw new NotFoundError('The invitation does not exist, was already used, was revoked or has expired', {
        reason: 'INVITATION_INVALID',
      });
    }
    const addressedHere = invitation.email
      ? invitation.email === identity.email
      : invitation.phone === identity.phone;
    if (!addressedHere)
      throw new ForbiddenError('This invitation was sent to someone else', {
        reason: 'INVITATION_NOT_YOURS',
      });
    const org = await this.orgs.findById(invitation.orgId);
    if (!org || org.status !== OrganizationStatus.APPROVED || org.frozen) {
      throw new ForbiddenError('The organization is not active', { reason: 'ORGANIZATION_INACTIVE' });
    }
    return invitation;
  }

  async redeem(token: string, user: UserModel): Promise<MemberView> {
    const now = this.clock();
    const invitation = await this.inspect(token, user, now);
    if (await this.memberships.find(invitation.orgId, user._id)) {
      throw new ConflictError('You are already a member of this organization');
    }
    const membership = await this.events.atomically(async () => {
      const claimed = await this.invitations.claim(invitation.tokenHash, user._id, now);
      if (!claimed)
        throw new NotFoundError('The invitation was already used, was revoked or has expired', {
          reason: 'INVITATION_INVALID',
        });
      let joined;
      try {
        joined = await this.memberships.insert(claimed.orgId, user._id, claimed.role);
      } catch (error) {
        await this.invitations.release(claimed._id);
        throw error;
      }
      if (claimed.role === OrgRole.ORG_OWNER) await this.orgs.addOwnerSlot(claimed.orgId);
      await this.events.publish(AccountTopic.MEMBER, 'member.joined', claimed.orgId, {
        organizationId: claimed.orgId,
        userId: user._id,
        invitationId: claimed._id,
        role: claimed.role,
      });
      return joined;
    });
    return toMemberView(membership);
  }
}
