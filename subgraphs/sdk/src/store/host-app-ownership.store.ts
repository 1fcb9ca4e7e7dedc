import type { DocumentCollection, DocumentStore } from '@grove/platform';
import { HostAppOwnershipModel } from './host-app-ownership.model';

export class HostAppOwnershipStore {
  private readonly owners: DocumentCollection<HostAppOwnershipModel>;

  constructor(documents: DocumentStore) {
    this.owners = documents.collection(HostAppOwnershipModel);
  }

  findById(hostAppId: string): Promise<HostAppOwnershipModel | null> {
    return this.owners.findById(hostAppId);
  }

  /** Idempotent: replaying the same event leaves the same row. */
  async record(hostAppId: string, orgId: string): Promise<void> {
    await this.owners.updateOne({ _id: hostAppId }, { $set: { orgId } }, { upsert: true });
  }
}
