import type { DocumentCollection, DocumentStore, OrgRole } from '@grove/platform';
import { MembershipModel } from './membership.model';
import { stamped } from './views';

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
    return this.memberships.find({ orgId }, { sort: { createdAt: 1 } });
  }

  listByUser(userId: string): Promise<MembershipModel[]> {
    return this.memberships.find({ userId }, { sort: { createdAt: 1 } });
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
