import { newId, type DocumentCollection, type DocumentStore } from '@grove/platform';
import { SearchIndexIdentityModel } from './search-index-identity.model';

const IDENTITY_ID = 'identity';

export class SearchIndexIdentityStore {
  private readonly identities: DocumentCollection<SearchIndexIdentityModel>;

  constructor(documents: DocumentStore) {
    this.identities = documents.collection(SearchIndexIdentityModel);
  }

  /** This database's identity, created on first use (a concurrent first use: both read the one that was stored). */
  async identity(): Promise<string> {
    const existing = await this.identities.findById(IDENTITY_ID);
    if (existing) return existing.value;
    const now = new Date();
    try {
      await this.identities.insertOne({ _id: IDENTITY_ID, value: newId(), createdAt: now, updatedAt: now });
    } catch (error) {
      if (!(await this.identities.findById(IDENTITY_ID))) throw error;
    }
    return (await this.identities.findById(IDENTITY_ID))!.value;
  }
}
