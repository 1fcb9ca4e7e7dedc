/** The approved organizations among `organizations` that the caller is a member of (what the institution console acts for). */
export function memberOrganizations<O extends { id: string; status: string }>(
  organizations: readonly O[],
  memberships: ReadonlyArray<{ orgId: string }>,
): O[] {
  const memberOf = new Set(memberships.map((m) => m.orgId));
  return organizations.filter((org) => org.status === 'APPROVED' && memberOf.has(org.id));
}
