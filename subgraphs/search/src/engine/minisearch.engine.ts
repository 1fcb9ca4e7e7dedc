import MiniSearch, { type SearchResult as MiniSearchResult } from 'minisearch';
import { analyze, highlightFragment, isHan } from '../analysis/chinese.analyzer';
import {
  SEARCH_FIELDS,
  type FacetCount,
  type IndexedMiniProgram,
  type SearchEngine,
  type SearchField,
  type SearchFilter,
  type SearchHighlight,
  type SearchRequest,
  type SearchResult,
} from './search-engine.port';

/** Name above keywords above category and organization above description (the order). */
export const FIELD_BOOSTS: Record<SearchField, number> = { name: 6, keywords: 3, category: 2, organizationName: 1.5, description: 1 };

const STORED_FIELDS: Array<keyof IndexedMiniProgram> = [
  'appId',
  'orgId',
  'organizationName',
  'name',
  'keywords',
  'category',
  'description',
  'logoKey',
  'status',
  'hostAppIds',
];

/**
 * The embedded engine (ADR 0011): a MiniSearch index in this process whose tokenizer is the Chinese analyzer, on
 * both the index and the query side. Documents are kept whole (stored fields) so hits, filters, facets and
 * highlights need nothing else.
 */
export class MiniSearchEngine implements SearchEngine {
  readonly description = 'embedded:minisearch+zh-segmenter-bigram';
  private index = MiniSearchEngine.createIndex();

  private static createIndex(): MiniSearch<IndexedMiniProgram> {
    return new MiniSearch<IndexedMiniProgram>({
      idField: 'appId',
      fields: [...SEARCH_FIELDS],
      storeFields: STORED_FIELDS,
      extractField: (document, field) => {
        const value = (document as unknown as Record<string, unknown>)[field];
        return Array.isArray(value) ? value.join('\n') : ((value as string | null | undefined) ?? '');
      },
      // Called with the field name when indexing, without one for the query.
      tokenize: (text, field) => analyze(text, { mode: field ? 'index' : 'query', pinyinInitials: field === 'name' }),
      // The analyzer already normalized the terms.
      processTerm: (term) => term,
      searchOptions: {
        boost: FIELD_BOOSTS,
        // Latin words complete as prefixes ("wech" → wechat, "zs" → zsyh); Chinese terms are whole bigrams already.
        prefix: (term) => !isHan(term) && term.length >= 2,
        combineWith: 'OR',
      },
    });
  }

  async upsert(documents: readonly IndexedMiniProgram[]): Promise<void> {
    for (const document of documents) {
      if (this.index.has(document.appId)) this.index.discard(document.appId);
      this.index.add({ ...document });
    }
  }

  async remove(appIds: readonly string[]): Promise<void> {
    for (const appId of appIds) if (this.index.has(appId)) this.index.discard(appId);
  }

  async get(appId: string): Promise<IndexedMiniProgram | null> {
    return (this.index.getStoredFields(appId) as IndexedMiniProgram | undefined) ?? null;
  }

  async count(): Promise<number> {
    return this.index.documentCount;
  }

  async clear(): Promise<void> {
    this.index = MiniSearchEngine.createIndex();
  }

  async close(): Promise<void> {}

  async search(request: SearchRequest): Promise<SearchResult> {
    const text = request.text.trim();
    const filter = (result: MiniSearchResult) => matchesFilter(result as unknown as IndexedMiniProgram, request.filter);
    const queryTerms = text ? analyze(text, { mode: 'query' }) : [];
    let results: MiniSearchResult[];
    if (queryTerms.length === 0) {
      // Blank (or only punctuation): everything the filter lets through, by name.
      results = text ? [] : this.index.search(MiniSearch.wildcard, { filter });
      results.sort((a, b) => String(a.name).localeCompare(String(b.name), 'zh') || String(a.id).localeCompare(String(b.id)));
    } else {
      results = this.index.search(text, { filter });
      // Equal scores in a stable order, so pages do not overlap.
      results.sort((a, b) => b.score - a.score || String(a.id).localeCompare(String(b.id)));
    }
    const page = results.slice(request.offset, request.offset + request.limit);
    return {
      total: results.length,
      hits: page.map((result) => {
        const document = toDocument(result);
        return { document, score: result.score, highlights: highlightsOf(document, queryTerms) };
      }),
      facets: {
        category: countBy(results, (r) => (r.category as string | null) ?? null),
        organization: countBy(results, (r) => r.orgId as string),
        status: countBy(results, (r) => r.status as string),
      },
    };
  }
}

function matchesFilter(document: IndexedMiniProgram, filter: SearchFilter): boolean {
  if (filter.orgIds && !filter.orgIds.includes(document.orgId)) return false;
  if (filter.categories && !(document.category !== null && filter.categories.includes(document.category))) return false;
  if (filter.statuses && !filter.statuses.includes(document.status)) return false;
  if (filter.hostAppId !== undefined && !document.hostAppIds.includes(filter.hostAppId)) return false;
  return true;
}

function toDocument(result: MiniSearchResult): IndexedMiniProgram {
  const stored = Object.fromEntries(STORED_FIELDS.map((field) => [field, result[field]])) as unknown as IndexedMiniProgram;
  return stored;
}

/** One fragment per field that matched, in boost order. */
export function highlightsOf(document: IndexedMiniProgram, queryTerms: readonly string[]): SearchHighlight[] {
  if (queryTerms.length === 0) return [];
  const highlights: SearchHighlight[] = [];
  for (const field of SEARCH_FIELDS) {
    const value = document[field];
    const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
    const fragment = text ? highlightFragment(text, queryTerms) : null;
    if (fragment) highlights.push({ field, fragment });
  }
  return highlights;
}

function countBy(results: readonly MiniSearchResult[], key: (result: MiniSearchResult) => string | null): FacetCount[] {
  const counts = new Map<string, number>();
  for (const result of results) {
    const value = key(result);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
