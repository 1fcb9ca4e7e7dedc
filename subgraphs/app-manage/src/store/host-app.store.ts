import type { DocumentCollection, DocumentStore, Filter } from '@grove/platform';
import { HostAppModel } from './host-app.model';
import { compact, setUnset, stamped } from '@grove/platform';

export type NewHostApp = Omit<HostAppModel, 'createdAt' | 'updatedAt' | 'enabled'>;

export class HostAppStore {
  private readonly hostApps: DocumentCollection<HostAppModel>;

  constructor(documents: DocumentStore) {
    this.hostApps = documents.collection(HostAppModel);
  }

  insert(data: NewHostApp): Promise<HostAppModel> {
    return this.hostApps.insertOne(stamped<HostAppModel>(compact({ ...data, enabled: true })));
  }

  findById(id: string): Promise<HostAppModel | null> {
    return this.hostApps.findById(id);
  }

  findBySdkKey(sdkKey: string): Promise<HostAppModel | null> {
    return this.hostApps.findOne({ sdkKey });
  }

  listByOrg(orgId: string): Promise<HostAppModel[]> {
    return this.hostApps.find({ orgId }, { sort: { createdAt: -1 } });
  }

  /** Deletes the host app only while it is disabled; false when it is enabled (or gone). */
  async deleteDisabled(id: string): Promise<boolean> {
    return (await this.hostApps.deleteOne({ _id: id, enabled: false })) > 0;
  }

  transition(id: string, guard: Filter, set: Record<string, unknown>, unset: readonly string[] = []): Promise<HostAppModel | null> {
    return this.hostApps.findOneAndUpdate({ ...guard, _id: id }, setUnset(set, unset));
  }
}
