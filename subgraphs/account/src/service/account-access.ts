import {
  ForbiddenError,
  ORG_PERMISSIONS,
  OPERATOR_PERMISSIONS,
  Permission,
  UnauthenticatedError,
  hasOperatorPermission,
  isUser,
  requireOperatorPermission,
  requireUser,
  type Principal,
  type UserPrincipal,
} from '@grove/platform';
import type { MembershipModel } from '../store/membership.model';
import type { MembershipStore } from '../store/membership.store';
import type { UserModel } from '../store/user.model';
import type { UserStore } from '../store/user.store';

export interface Actor {
  principal: UserPrincipal;
  user: UserModel;
}

export interface OrgActor extends Actor {
  /** The caller's own membership (from the store, not the token); null when access came from an operator role. */
  membership: MembershipModel | null;
}

/**
 * The auth-checker for this subgraph. The token says who the caller is; the account store, which this
 * subgraph owns, says what they may do right now: disabled accounts, removed members and revoked operator
 * roles lose access at once instead of when their access token expires. Pending organizations are visible
 * to their applicants even though tokens only carry memberships of approved, unfrozen organizations.
 */
export class AccountAccess {
  /** Per-request memo for field-level checks, keyed by the principal object of the request. */
  private readonly memo = new WeakMap<object, Map<string, Promise<boolean>>>();
  /** Per-request memo of requireAccount, keyed the same way. */
  private readonly accounts = new WeakMap<object, Promise<Actor>>();

  constructor(
    private readonly users: UserStore,
    private readonly memberships: MembershipStore,
  ) {}

  /**
   * The caller's stored, enabled account. Read once per request (memoized on the request's principal object): `me`
   * and the field guards of the user it returns (`email` …) would otherwise read the same user again.
   */
  requireAccount(p: Principal): Promise<Actor> {
    if (!isUser(p)) return this.readAccount(p);
    let actor = this.accounts.get(p);
    if (!actor) {
      actor = this.readAccount(p);
      this.accounts.set(p, actor);
    }
    return actor;
  }

  private async readAccount(p: Principal): Promise<Actor> {
    const principal = requireUser(p);
    const user = await this.users.findById(principal.userId);
    if (!user || user.disabled)
      throw new UnauthenticatedError('This account is not active', { reason: 'ACCOUNT_INACTIVE' });
    return { principal, user };
  }

  async requireOperator(p: Principal, permission: Permission): Promise<Actor> {
    requireOperatorPermission(p, permission);
    const actor = await this.requireAccount(p);
    if (!actor.user.operatorRoles.some((role) => OPERATOR_PERMISSIONS[role]?.includes(permission))) {
      throw new ForbiddenError(`Missing permission ${permission}`);
    }
    return actor;
  }

  /** Operator check that answers instead of throwing (token and store must both agree). */
  async operatorMay(actor: Actor, permission: Permission): Promise<boolean> {
    return (
      hasOperatorPermission(actor.principal, permission) &&
      actor.user.operatorRoles.some((role) => OPERATOR_PERMISSIONS[role]?.includes(permission))
    );
  }

  /**
   * Organization-scoped permission from the caller's stored membership, or an operator permission when given.
   * Unknown and foreign organizations answer alike: FORBIDDEN.
   */
  async requireOrg(
    p: Principal,
    orgId: string,
    permission: Permission,
    operatorPermission?: Permission,
  ): Promise<OrgActor> {
    const actor = await this.requireAccount(p);
    const membership = await this.memberships.find(orgId, actor.user._id);
    if (membership && ORG_PERMISSIONS[membership.role].includes(permission)) return { ...actor, membership };
    if (operatorPermission && (await this.operatorMay(actor, operatorPermission)))
      return { ...actor, membership };
    throw new ForbiddenError(`Missing permission ${permission} for this organization`);
  }

  /** Field-level: may this caller read an organization's non-public fields (credit code, contacts…)? */
  canReadOrganizationPrivate(p: Principal, orgId: string): Promise<boolean> {
    return this.remember(p, `org:${orgId}`, async () => {
      const actor = await this.requireAccount(p).catch(() => null);
      if (!actor) return false;
      if (await this.operatorMay(actor, Permission.ORG_READ_ANY)) return true;
      const membership = await this.memberships.find(orgId, actor.user._id);
      return !!membership && ORG_PERMISSIONS[membership.role].includes(Permission.ORG_READ);
    });
  }

  /** Field-level: the user themself, operators, and members of a shared organization who may read its members. */
  canReadUserPrivate(p: Principal, userId: string): Promise<boolean> {
    return this.remember(p, `user:${userId}`, async () => {
      if (!isUser(p)) return false;
      const actor = await this.requireAccount(p).catch(() => null);
      if (!actor) return false;
      if (actor.user._id === userId) return true;
      if (await this.operatorMay(actor, Permission.ORG_READ_ANY)) return true;
      const [mine, theirs] = await Promise.all([
        this.memberships.listByUser(actor.user._id),
        this.memberships.listByUser(userId),
      ]);
      const shared = new Set(theirs.map((m) => m.orgId));
      return mine.some(
        (m) => shared.has(m.orgId) && ORG_PERMISSIONS[m.role].includes(Permission.ORG_MEMBERS_READ),
      );
    });
  }

  private remember(p: Principal, key: string, compute: () => Promise<boolean>): Promise<boolean> {
    if (!isUser(p)) return Promise.resolve(false);
    let cache = this.memo.get(p);
    if (!cache) this.memo.set(p, (cache = new Map()));
    let answer = cache.get(key);
    if (!answer) cache.set(key, (answer = compute()));
    return answer;
  }
}
