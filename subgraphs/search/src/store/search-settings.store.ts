import { newId, type DocumentCollection, type DocumentStore } from '@grove/platform';
import { SearchHotWordsModel, SearchSynonymGroupModel } from './search-settings.model';

const HOT_WORDS_ID = 'hot-words';

/** The operators' hot words and synonym groups. Replacing a list is one call inside the caller's unit of work. */
export class SearchSettingsStore {
  private readonly hotWords: DocumentCollection<SearchHotWordsModel>;
  private readonly synonyms: DocumentCollection<SearchSynonymGroupModel>;

  constructor(documents: DocumentStore) {
    this.hotWords = documents.collection(SearchHotWordsModel);
    this.synonyms = documents.collection(SearchSynonymGroupModel);
  }

  async readHotWords(): Promise<string[]> {
    return (await this.hotWords.findById(HOT_WORDS_ID))?.words ?? [];
  }

  async replaceHotWords(words: readonly string[], actorId: string): Promise<void> {
    await this.hotWords.updateOne(
      { _id: HOT_WORDS_ID },
      { $set: { words: [...words], updatedBy: actorId, updatedAt: new Date() } },
      { upsert: true },
    );
  }

  async readSynonyms(): Promise<string[][]> {
    const groups = await this.synonyms.find({}, { sort: { position: 1 } });
    return groups.map((group) => [...group.terms]);
  }

  async replaceSynonyms(groups: readonly (readonly string[])[]): Promise<void> {
    await this.synonyms.deleteMany({});
    const now = new Date();
    for (const [position, terms] of groups.entries()) {
      await this.synonyms.insertOne({
        _id: newId(),
        position,
        terms: [...terms],
        createdAt: now,
        updatedAt: now,
      });
    }
  }
}
