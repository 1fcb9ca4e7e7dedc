import type { DocumentCollection, DocumentStore, Filter } from '@grove/platform';
import { BaseLibraryModel } from './base-library.model';
import { compact, setUnset, stamped } from '@grove/platform';

export type NewBaseLibrary = Omit<BaseLibraryModel, 'createdAt' | 'updatedAt' | 'enabled'>;

export class BaseLibraryStore {
  private readonly libraries: DocumentCollection<BaseLibraryModel>;

  constructor(documents: DocumentStore) {
    this.libraries = documents.collection(BaseLibraryModel);
  }

  insert(data: NewBaseLibrary): Promise<BaseLibraryModel> {
    return this.libraries.insertOne(stamped<BaseLibraryModel>(compact({ ...data, enabled: true })));
  }

  findById(id: string): Promise<BaseLibraryModel | null> {
    return this.libraries.findById(id);
  }

  /** By id only: semver order is applied by the caller (a string sort would put 1.10.0 before 1.9.0). */
  list(filter: { platform?: string; enabled?: boolean }): Promise<BaseLibraryModel[]> {
    const query: Filter = {};
    if (filter.platform !== undefined) query.platforms = filter.platform;
    if (filter.enabled !== undefined) query.enabled = filter.enabled;
    // By id, so libraries the semver sort leaves tied keep one order across pages.
    return this.libraries.find(query, { sort: { _id: 1 } });
  }

  transition(
    id: string,
    guard: Filter,
    set: Record<string, unknown>,
    unset: readonly string[] = [],
  ): Promise<BaseLibraryModel | null> {
    return this.libraries.findOneAndUpdate({ ...guard, _id: id }, setUnset(set, unset));
  }
}
