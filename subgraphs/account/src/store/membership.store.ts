import {
  keysetPage,
  type DocumentCollection,
  type DocumentStore,
  type KeysetOrder,
  type OrgRole,
  type PageRequest,
} from '@grove/platform';
import { MembershipModel } from './membership.model';
import { stamped } from './views';

/** `members(orgId)`: oldest first unless ordered (MEMBER_ORDERS), at most 100 a page (docs/query-limits.md). */
export const MEMBERS_PAGE = { defaultTake: 100, maxTake: 100 };
export const MY_ORGANIZATIONS_ORDER: KeysetOrder = {
  name: 'myOrganizations',
  field: 'createdAt',
  direction: 1,
};
export const MY_ORGANIZATIONS_PAGE = { defaultTake: 100, maxTake: 100 };

export class MembershipStore {
  private readonly memberships: DocumentCollection<MembershipModel>;

  constructor(documents: DocumentStore) {
    this.memberships = documents.collection(MembershipModel);
  }

  /** Unique on (orgId, userId): a second insert is CONFLICT. */
  insert(orgId: string, userId: string, role: OrgRole): Promise<MembershipModel> {
    return this.memberships.insertOne(stamped<MembershipModel>({ orgId, userId, role }));
  }

  find(orgId: string, userId: string): Promise<MembershipModel | null> {
    return this.memberships.findOne({ orgId, userId });
  }

  listByOrg(orgId: string): Promise<MembershipModel[]> {
    return this.memberships.find({ orgId }, { sort: { createdAt: 1, _id: 1 } });
  }

  /** One page of an organization's members (cursor pagination). */
  pageByOrg(orgId: string, order: KeysetOrder, request: PageRequest): Promise<MembershipModel[]> {
    const page = keysetPage(order, request, MEMBERS_PAGE, { orgId });
    return this.memberships.find(page.filter, { sort: page.sort, limit: page.take });
  }

  /** A user's memberships, oldest first, a page at a time (myOrganizations). */
  pageByUser(userId: string, request: PageRequest): Promise<MembershipModel[]> {
    const page = keysetPage(MY_ORGANIZATIONS_ORDER, request, MY_ORGANIZATIONS_PAGE, { userId });
    return this.memberships.find(page.filter, { sort: page.sort, limit: page.take });
  }

  listByUser(userId: string): Promise<MembershipModel[]> {
    return this.memberships.find({ userId }, { sort: { createdAt: 1, _id: 1 } });
  }

  /** Conditional on the role the caller based its decision on. */
  changeRole(orgId: string, userId: string, from: OrgRole, to: OrgRole): Promise<MembershipModel | null> {
    return this.memberships.findOneAndUpdate({ orgId, userId, role: from }, { $set: { role: to } });
  }

  async remove(orgId: string, userId: string, role: OrgRole): Promise<boolean> {
    return (await this.memberships.deleteOne({ orgId, userId, role })) > 0;
  }

  async removeAny(orgId: string, userId: string): Promise<void> {
    await this.memberships.deleteOne({ orgId, userId });
  }
}
