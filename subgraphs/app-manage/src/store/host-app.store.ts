import {
  keysetPage,
  type DocumentCollection,
  type DocumentStore,
  type Filter,
  type KeysetOrder,
  type PageRequest,
} from '@grove/platform';
import { HostAppModel } from './host-app.model';
import { compact, setUnset, stamped } from '@grove/platform';

export type NewHostApp = Omit<HostAppModel, 'createdAt' | 'updatedAt' | 'enabled'>;

/** `hostApps(orgId)`: newest first unless ordered (HOST_APP_ORDERS), at most 100 a page (docs/query-limits.md). */
export const HOST_APPS_PAGE = { defaultTake: 100, maxTake: 100 };

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

  listByOrg(orgId: string, order: KeysetOrder, request: PageRequest = {}): Promise<HostAppModel[]> {
    const page = keysetPage(order, request, HOST_APPS_PAGE, { orgId });
    return this.hostApps.find(page.filter, { sort: page.sort, limit: page.take });
  }

  /** Deletes the host app only while it is disabled; false when it is enabled (or gone). */
  async deleteDisabled(id: string): Promise<boolean> {
    return (await this.hostApps.deleteOne({ _id: id, enabled: false })) > 0;
  }

  transition(
    id: string,
    guard: Filter,
    set: Record<string, unknown>,
    unset: readonly string[] = [],
  ): Promise<HostAppModel | null> {
    return this.hostApps.findOneAndUpdate({ ...guard, _id: id }, setUnset(set, unset));
  }
}
