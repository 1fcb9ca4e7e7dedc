import type { AccountSubgraph } from '@grove/account';
import type { TestRuntime } from '@grove/testkit';
import type { UserPrincipal } from '@grove/platform';

/** A signed-in principal as the router forwards it, from account's own login. */
export async function loginAs(
  runtime: TestRuntime,
  account: AccountSubgraph,
  identifier: string,
  password: string,
): Promise<UserPrincipal> {
  return runtime.tokens.verifyAccessToken(
    (await account.services.sessions.login({ identifier, password })).accessToken,
  );
}

/**
 * A new user signs up and applies for an organization, the operator admin approves it, and the owner signs in again
 * (the new token carries the membership): the organization's id and its owner.
 */
export async function approvedOrganization(
  runtime: TestRuntime,
  account: AccountSubgraph,
  admin: UserPrincipal,
  owner: { email: string; password: string; organizationName: string },
): Promise<{ orgId: string; owner: UserPrincipal }> {
  await account.services.identity.signUp({
    email: owner.email,
    password: owner.password,
    displayName: 'Owner',
  });
  const applicant = await loginAs(runtime, account, owner.email, owner.password);
  const org = await account.services.organizations.apply(applicant, {
    name: owner.organizationName,
    creditCode: '91350100M000100Y43',
    contactName: 'Li',
    contactPhone: '+8613800138000',
    licenceDocumentRef: 'x.pdf',
  });
  await account.services.organizations.approve(admin, org.id);
  return { orgId: org.id, owner: await loginAs(runtime, account, owner.email, owner.password) };
}
