import type { DocumentCollection, DocumentStore, Filter } from '@grove/platform';
import { SdkVersionModel } from './sdk-version.model';
import { compact, setUnset, stamped } from '@grove/platform';

export type NewSdkVersion = Omit<SdkVersionModel, 'createdAt' | 'updatedAt' | 'enabled'>;

export class SdkVersionStore {
  private readonly versions: DocumentCollection<SdkVersionModel>;

  constructor(documents: DocumentStore) {
    this.versions = documents.collection(SdkVersionModel);
  }

  insert(data: NewSdkVersion): Promise<SdkVersionModel> {
    return this.versions.insertOne(stamped<SdkVersionModel>(compact({ ...data, enabled: true })));
  }

  findById(id: string): Promise<SdkVersionModel | null> {
    return this.versions.findById(id);
  }

  /** Unordered: semver order is applied by the caller. */
  list(filter: { platform?: string; enabled?: boolean }): Promise<SdkVersionModel[]> {
    // By id, so versions the semver sort leaves tied (one version on two platforms) keep one order across pages.
    return this.versions.find(compact({ platform: filter.platform, enabled: filter.enabled }), {
      sort: { _id: 1 },
    });
  }

  transition(
    id: string,
    guard: Filter,
    set: Record<string, unknown>,
    unset: readonly string[] = [],
  ): Promise<SdkVersionModel | null> {
    return this.versions.findOneAndUpdate({ ...guard, _id: id }, setUnset(set, unset));
  }
}
