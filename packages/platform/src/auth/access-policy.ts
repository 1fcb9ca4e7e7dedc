import { ForbiddenError, UnauthenticatedError } from '../errors';
import { type OperatorRole, type OrgRole, type Principal, type UserPrincipal, isUser } from './principal';

/**
 * The auth-checker rules: permissions per role, checked in the service layer of every subgraph.
 * Operators act platform-wide; organization roles act only inside their organization.
 */
export const Permission = {
  ORG_READ_ANY: 'org:read:any',
  ORG_REVIEW: 'org:review',
  ORG_FREEZE: 'org:freeze',
  OPERATOR_MANAGE: 'operator:manage',
  USER_SESSIONS_REVOKE_ANY: 'user:sessions:revoke:any',
  MINIPROGRAM_REVIEW: 'miniprogram:review',
  MINIPROGRAM_GOVERN: 'miniprogram:govern',
  PLATFORM_CONFIGURE: 'platform:configure',
  /** The whole operation log (ADR 0013). */
  OPERATION_LOG_READ_ANY: 'operation-log:read:any',

  ORG_READ: 'org:read',
  ORG_UPDATE: 'org:update',
  ORG_MEMBERS_READ: 'org:members:read',
  ORG_MEMBERS_MANAGE: 'org:members:manage',
  ORG_OWNERSHIP: 'org:ownership',
  MINIPROGRAM_READ: 'miniprogram:read',
  MINIPROGRAM_WRITE: 'miniprogram:write',
  MINIPROGRAM_RELEASE: 'miniprogram:release',
  HOSTAPP_MANAGE: 'hostapp:manage',
  /** The operation log of the organization (its owners and admins). */
  ORG_OPERATION_LOG_READ: 'org:operation-log:read',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const P = Permission;

export const OPERATOR_PERMISSIONS: Record<OperatorRole, readonly Permission[]> = {
  OPERATOR_ADMIN: [
    P.ORG_READ_ANY,
    P.ORG_REVIEW,
    P.ORG_FREEZE,
    P.OPERATOR_MANAGE,
    P.USER_SESSIONS_REVOKE_ANY,
    P.MINIPROGRAM_REVIEW,
    P.MINIPROGRAM_GOVERN,
    P.PLATFORM_CONFIGURE,
    P.OPERATION_LOG_READ_ANY,
  ],
  OPERATOR_REVIEWER: [P.ORG_READ_ANY, P.ORG_REVIEW, P.MINIPROGRAM_REVIEW, P.OPERATION_LOG_READ_ANY],
};

export const ORG_PERMISSIONS: Record<OrgRole, readonly Permission[]> = {
  ORG_OWNER: [
    P.ORG_READ,
    P.ORG_UPDATE,
    P.ORG_MEMBERS_READ,
    P.ORG_MEMBERS_MANAGE,
    P.ORG_OWNERSHIP,
    P.MINIPROGRAM_READ,
    P.MINIPROGRAM_WRITE,
    P.MINIPROGRAM_RELEASE,
    P.HOSTAPP_MANAGE,
    P.ORG_OPERATION_LOG_READ,
  ],
  ORG_ADMIN: [
    P.ORG_READ,
    P.ORG_UPDATE,
    P.ORG_MEMBERS_READ,
    P.ORG_MEMBERS_MANAGE,
    P.MINIPROGRAM_READ,
    P.MINIPROGRAM_WRITE,
    P.MINIPROGRAM_RELEASE,
    P.HOSTAPP_MANAGE,
    P.ORG_OPERATION_LOG_READ,
  ],
  ORG_DEVELOPER: [P.ORG_READ, P.ORG_MEMBERS_READ, P.MINIPROGRAM_READ, P.MINIPROGRAM_WRITE],
};

/**
 * Permissions of a role name, by own property only: a name that is not a role (`toString`, `__proto__`, a role
 * from a newer or forged token) has none, rather than reaching Object.prototype.
 */
export function operatorPermissionsOf(role: string): readonly Permission[] {
  return Object.hasOwn(OPERATOR_PERMISSIONS, role) ? OPERATOR_PERMISSIONS[role as OperatorRole] : [];
}

export function orgPermissionsOf(role: string): readonly Permission[] {
  return Object.hasOwn(ORG_PERMISSIONS, role) ? ORG_PERMISSIONS[role as OrgRole] : [];
}

/** Rank used when an org admin changes roles: nobody grants a role above their own. */
export const ORG_ROLE_RANK: Record<OrgRole, number> = { ORG_OWNER: 3, ORG_ADMIN: 2, ORG_DEVELOPER: 1 };

export function requireUser(p: Principal): UserPrincipal {
  if (!isUser(p)) throw new UnauthenticatedError();
  return p;
}

/** Platform-wide permission (operators). */
export function hasOperatorPermission(p: Principal, permission: Permission): boolean {
  return isUser(p) && p.operatorRoles.some((role) => operatorPermissionsOf(role).includes(permission));
}

export function requireOperatorPermission(p: Principal, permission: Permission): UserPrincipal {
  const user = requireUser(p);
  if (!hasOperatorPermission(user, permission)) throw new ForbiddenError(`Missing permission ${permission}`);
  return user;
}

export function orgRoleOf(p: Principal, orgId: string): OrgRole | undefined {
  if (!isUser(p)) return undefined;
  return p.memberships.find((m) => m.orgId === orgId)?.role;
}

export function hasOrgPermission(p: Principal, orgId: string, permission: Permission): boolean {
  const role = orgRoleOf(p, orgId);
  return !!role && orgPermissionsOf(role).includes(permission);
}

/**
 * Organization-scoped permission. `operatorPermission`, when given, lets operators holding it through
 * (e.g. reading any organization). Unknown organizations and foreign ones answer alike: FORBIDDEN.
 */
export function requireOrgPermission(
  p: Principal,
  orgId: string,
  permission: Permission,
  operatorPermission?: Permission,
): UserPrincipal {
  const user = requireUser(p);
  if (hasOrgPermission(user, orgId, permission)) return user;
  if (operatorPermission && hasOperatorPermission(user, operatorPermission)) return user;
  throw new ForbiddenError(`Missing permission ${permission} for this organization`);
}

/** Every permission the principal holds, for `me`: platform ones plain, org ones as `<orgId>:<perm>`. */
export function permissionsOf(p: Principal): string[] {
  if (!isUser(p)) return [];
  const out = new Set<string>();
  for (const role of p.operatorRoles) for (const perm of operatorPermissionsOf(role)) out.add(perm);
  for (const m of p.memberships) for (const perm of orgPermissionsOf(m.role)) out.add(`${m.orgId}:${perm}`);
  return [...out].sort();
}
