import { newId, stamped, type DocumentCollection, type DocumentStore } from '@grove/platform';
import { TrialMemberModel, TrialVersionModel } from './trial.model';

/** Most testers per mini-program; the runtime keeps the whole list in one cache entry. */
export const MAX_TRIAL_MEMBERS = 100;

export interface TrialMemberView {
  id: string;
  appId: string;
  userId: string;
  label?: string;
  addedBy: string;
  createdAt: Date;
}

export class TrialStore {
  private readonly members: DocumentCollection<TrialMemberModel>;
  private readonly trialVersions: DocumentCollection<TrialVersionModel>;

  constructor(documents: DocumentStore) {
    this.members = documents.collection(TrialMemberModel);
    this.trialVersions = documents.collection(TrialVersionModel);
  }

  /** The unique (appId, userId) index refuses a second entry for the same tester (CONFLICT). */
  async addMember(data: {
    appId: string;
    orgId: string;
    userId: string;
    label?: string;
    addedBy: string;
  }): Promise<TrialMemberView> {
    const doc = await this.members.insertOne(stamped<TrialMemberModel>({ _id: newId(), ...data }));
    return toTrialMemberView(doc);
  }

  async removeMember(appId: string, userId: string): Promise<boolean> {
    return (await this.members.deleteOne({ appId, userId })) > 0;
  }

  countMembers(appId: string): Promise<number> {
    return this.members.count({ appId });
  }

  async listMembers(appId: string): Promise<TrialMemberView[]> {
    return (
      await this.members.find({ appId }, { sort: { createdAt: 1, _id: 1 }, limit: MAX_TRIAL_MEMBERS })
    ).map(toTrialMemberView);
  }

  async trialVersionId(appId: string): Promise<string | null> {
    return (await this.trialVersions.findById(appId))?.versionId ?? null;
  }

  async setTrialVersion(appId: string, orgId: string, versionId: string, setBy: string): Promise<void> {
    await this.trialVersions.updateOne(
      { _id: appId },
      { $set: { orgId, versionId, setBy } },
      { upsert: true },
    );
  }

  async clearTrialVersion(appId: string): Promise<boolean> {
    return (await this.trialVersions.deleteOne({ _id: appId })) > 0;
  }
}

export function toTrialMemberView(doc: TrialMemberModel): TrialMemberView {
  return {
    id: doc._id,
    appId: doc.appId,
    userId: doc.userId,
    label: doc.label,
    addedBy: doc.addedBy,
    createdAt: doc.createdAt,
  };
}
