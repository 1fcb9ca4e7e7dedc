import type { OrgRole } from '../../../../schema/generated/graphql';

export const ORG_ROLES: readonly OrgRole[] = ['ORG_OWNER', 'ORG_ADMIN', 'ORG_DEVELOPER'];
const RANK: Record<OrgRole, number> = { ORG_OWNER: 3, ORG_ADMIN: 2, ORG_DEVELOPER: 1 };

/** Owners and admins manage members and host apps (org:members:manage, hostapp:manage); the server still decides. */
export function canManage(role: OrgRole | null | undefined): boolean {
  return role === 'ORG_OWNER' || role === 'ORG_ADMIN';
}

/**
 * Owners and admins publish, roll back and run gray releases (miniprogram:release); developers upload and submit. The
 * console hides what a role may not do; the server still decides.
 */
export function canRelease(role: OrgRole | null | undefined): boolean {
  return role === 'ORG_OWNER' || role === 'ORG_ADMIN';
}

/** Roles a manager may give: nobody grants a role above their own (the account subgraph's rule). */
export function assignableRoles(myRole: OrgRole | null | undefined): OrgRole[] {
  if (!canManage(myRole)) return [];
  return ORG_ROLES.filter((role) => RANK[role] <= RANK[myRole!]);
}

/** Whether the caller may change or remove this member: managers, for members not ranked above them. */
export function canActOn(myRole: OrgRole | null | undefined, theirRole: OrgRole): boolean {
  return canManage(myRole) && RANK[theirRole] <= RANK[myRole!];
}
