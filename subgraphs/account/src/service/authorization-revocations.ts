import type { AuthorizationEpochs, Logger } from '@grove/platform';
import type { MembershipStore } from '../store/membership.store';

type Payload = Record<string, string | undefined>;

/** Events after which a user's access tokens say something untrue (roles, memberships, account or org state). */
const USER_EVENTS = new Set([
  'member.joined',
  'member.role_changed',
  'member.removed',
  'operator.disabled',
  'operator.enabled',
  'operator.role_changed',
  'session.revoked_all',
  // Ends the other sessions; the changer's own continues with the tokens changePassword returns.
  'password.changed',
]);
/** Organization transitions that change what every member's token carries (tokens list approved, unfrozen orgs only). */
const ORGANIZATION_EVENTS = new Set([
  'organization.approved',
  'organization.frozen',
  'organization.unfrozen',
]);

/**
 * Turns the account's own events into revocation records (docs/adr/0006-authorization-epochs.md), synchronously,
 * before the event is published: the change's author gets the answer only once the affected tokens are refused.
 * Every change that alters a token's truth publishes one of these events, so this is the one place to keep in step.
 */
export class AuthorizationRevocations {
  constructor(
    private readonly epochs: AuthorizationEpochs,
    private readonly memberships: MembershipStore,
    private readonly logger: Logger,
  ) {}

  async apply(type: string, payload: Payload): Promise<void> {
    try {
      if (type === 'session.revoked' && payload.userId && payload.sessionId) {
        await this.epochs.revokeSession(payload.userId, payload.sessionId);
      } else if (USER_EVENTS.has(type) && payload.userId) {
        await this.epochs.revokeUser(payload.userId);
      } else if (ORGANIZATION_EVENTS.has(type) && payload.organizationId) {
        const members = await this.memberships.listByOrg(payload.organizationId);
        await Promise.all(members.map((m) => this.epochs.revokeUser(m.userId)));
      }
    } catch (error) {
      // The change is already written; failing the request would invite a retry that cannot succeed. While the
      // store is down every token check fails closed; a record lost here leaves tokens valid until they expire.
      this.logger.error(
        { err: error, type, userId: payload.userId, organizationId: payload.organizationId },
        'recording a revocation failed',
      );
    }
  }
}
