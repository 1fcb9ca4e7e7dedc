import MiniSearch, { type SearchResult as MiniSearchResult } from 'minisearch';
import { pinyin } from 'pinyin-pro';
import {
  highlightFragment,
  normalizeText,
  SEARCH_FIELDS,
  type IndexedMiniProgram,
  type SearchEngine,
  type SearchRequest,
  type SearchResult,
} from '@grove/search';

/**
 * The embedded engine as it was before the issue-10 performance work (commit abaf97d): MiniSearch with the Chinese
 * analyzer as its tokenizer, unmemoized. Kept for `npm run bench:search` only, so one run measures before and after
 * on the same machine and data; not used by the search subgraph.
 */

type SearchField = (typeof SEARCH_FIELDS)[number];
type IndexedPage = IndexedMiniProgram['pages'][number];
type SearchFilter = SearchRequest['filter'];
type FacetCount = SearchResult['facets']['category'][number];
type SearchHighlight = SearchResult['hits'][number]['highlights'][number];
type PageMatch = NonNullable<SearchResult['hits'][number]['page']>;
const HIGHLIGHT_FIELDS = SEARCH_FIELDS.filter((field) => field !== 'pages') as Array<
  Exclude<SearchField, 'pages'>
>;

const HAN = /\p{Script=Han}/u;
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const isHan = (text: string): boolean => HAN.test(text);

function analyze(text: string, options: { mode: 'index' | 'query'; pinyinInitials?: boolean }): string[] {
  const terms: string[] = [];
  for (const match of normalizeText(text).matchAll(RUN)) {
    if (match[1]) hanTerms(match[1], options, terms);
    else terms.push(match[2]);
  }
  return terms;
}

function hanTerms(
  run: string,
  options: { mode: 'index' | 'query'; pinyinInitials?: boolean },
  out: string[],
): void {
  const chars = Array.from(run);
  if (chars.length === 1) {
    out.push(run);
  } else {
    for (const { segment, isWordLike } of segmenter.segment(run)) {
      if (isWordLike && Array.from(segment).length > 2) out.push(segment);
    }
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    if (options.mode === 'index') out.push(...chars);
  }
  if (options.pinyinInitials) {
    const initials = pinyin(run, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
    if (/^[a-z]+$/.test(initials)) out.push(initials);
  }
}

/** Name above keywords above category and organization above description (the order). */
const FIELD_BOOSTS: Record<SearchField, number> = {
  name: 6,
  aliases: 4,
  keywords: 3,
  category: 2,
  organizationName: 1.5,
  description: 1,
  pages: 0.8,
};

/**
 * The embedded engine (ADR 0011): a MiniSearch index in this process whose tokenizer is the Chinese analyzer, on
 * both the index and the query side. Documents are kept whole beside the index (MiniSearch's stored fields go
 * through `extractField`, which flattens lists) so hits, filters, facets and highlights need nothing else.
 */
export class BeforeMiniSearchEngine implements SearchEngine {
  readonly description = 'embedded:minisearch+zh-segmenter-bigram';
  private index = BeforeMiniSearchEngine.createIndex();
  private readonly documents = new Map<string, IndexedMiniProgram>();

  private static createIndex(): MiniSearch<IndexedMiniProgram> {
    return new MiniSearch<IndexedMiniProgram>({
      idField: 'appId',
      fields: [...SEARCH_FIELDS],
      extractField: (document, field) => {
        if (field === 'pages') return searchableText(document.pages);
        const value = (document as unknown as Record<string, unknown>)[field];
        return Array.isArray(value) ? value.join('\n') : ((value as string | null | undefined) ?? '');
      },
      // Called with the field name when indexing, without one for the query.
      tokenize: (text, field) =>
        analyze(text, { mode: field ? 'index' : 'query', pinyinInitials: field === 'name' }),
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
      const copy = copyOf(document);
      this.index.add(copy);
      this.documents.set(document.appId, copy);
    }
  }

  async remove(appIds: readonly string[]): Promise<void> {
    for (const appId of appIds) {
      if (this.index.has(appId)) this.index.discard(appId);
      this.documents.delete(appId);
    }
  }

  async get(appId: string): Promise<IndexedMiniProgram | null> {
    return this.documents.get(appId) ?? null;
  }

  async appIds(): Promise<string[]> {
    return [...this.documents.keys()];
  }

  async count(): Promise<number> {
    return this.index.documentCount;
  }

  async clear(): Promise<void> {
    this.index = BeforeMiniSearchEngine.createIndex();
    this.documents.clear();
  }

  async close(): Promise<void> {}

  async search(request: SearchRequest): Promise<SearchResult> {
    const text = request.text.trim();
    const filter = (result: MiniSearchResult) => matchesFilter(this.documentOf(result), request.filter);
    const queryTerms = text ? analyze(text, { mode: 'query' }) : [];
    let results: MiniSearchResult[];
    if (queryTerms.length === 0) {
      // Blank (or only punctuation): everything the filter lets through, by name.
      results = text ? [] : this.index.search(MiniSearch.wildcard, { filter });
      results.sort(
        (a, b) =>
          this.documentOf(a).name.localeCompare(this.documentOf(b).name, 'zh') ||
          String(a.id).localeCompare(String(b.id)),
      );
    } else {
      results = this.index.search(text, { filter });
      // Equal scores in a stable order, so pages do not overlap.
      results.sort((a, b) => b.score - a.score || String(a.id).localeCompare(String(b.id)));
    }
    const page = results.slice(request.offset, request.offset + request.limit);
    return {
      total: results.length,
      hits: page.map((result) => {
        const document = this.documentOf(result);
        return {
          document,
          score: result.score,
          highlights: highlightsOf(document, queryTerms),
          page: pageMatchOf(document, queryTerms),
        };
      }),
      facets: {
        category: countBy(
          results.map((r) => this.documentOf(r)),
          (d) => d.category,
        ),
        organization: countBy(
          results.map((r) => this.documentOf(r)),
          (d) => d.orgId,
          (d) => d.organizationName || d.orgId,
        ),
        status: countBy(
          results.map((r) => this.documentOf(r)),
          (d) => d.status,
        ),
      },
    };
  }

  private documentOf(result: MiniSearchResult): IndexedMiniProgram {
    return this.documents.get(String(result.id))!;
  }
}

function copyOf(document: IndexedMiniProgram): IndexedMiniProgram {
  return {
    ...document,
    aliases: [...document.aliases],
    keywords: [...document.keywords],
    pages: document.pages.map((page) => ({ ...page })),
    hostAppIds: [...document.hostAppIds],
  };
}

/** What of the searchable pages is indexed: each page's title and text. */
function searchableText(pages: readonly IndexedPage[]): string {
  return pages.map((page) => `${page.title}\n${page.text}`).join('\n');
}

function matchesFilter(document: IndexedMiniProgram, filter: SearchFilter): boolean {
  if (filter.orgIds && !filter.orgIds.includes(document.orgId)) return false;
  if (filter.categories && !(document.category !== null && filter.categories.includes(document.category)))
    return false;
  if (filter.statuses && !filter.statuses.includes(document.status)) return false;
  if (filter.hostAppId !== undefined && !document.hostAppIds.includes(filter.hostAppId)) return false;
  if (filter.searchableOnly && !document.searchable) return false;
  return true;
}

/** One fragment per field that matched, in boost order. */
function highlightsOf(document: IndexedMiniProgram, queryTerms: readonly string[]): SearchHighlight[] {
  if (queryTerms.length === 0) return [];
  const highlights: SearchHighlight[] = [];
  for (const field of HIGHLIGHT_FIELDS) {
    const value = document[field];
    const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
    const fragment = text ? highlightFragment(text, queryTerms) : null;
    if (fragment) highlights.push({ field, fragment });
  }
  return highlights;
}

/** The first searchable page whose title (else text) holds a query term: where a device's hit opens. */
function pageMatchOf(document: IndexedMiniProgram, queryTerms: readonly string[]): PageMatch | null {
  if (queryTerms.length === 0) return null;
  for (const page of document.pages) {
    const title = highlightFragment(page.title, queryTerms);
    if (title) return { path: page.path, title: page.title, fragment: title };
  }
  for (const page of document.pages) {
    const text = page.text ? highlightFragment(page.text, queryTerms) : null;
    if (text) return { path: page.path, title: page.title, fragment: text };
  }
  return null;
}

function countBy(
  documents: readonly IndexedMiniProgram[],
  key: (document: IndexedMiniProgram) => string | null,
  label?: (document: IndexedMiniProgram) => string,
): FacetCount[] {
  const counts = new Map<string, FacetCount>();
  for (const document of documents) {
    const value = key(document);
    if (value === null) continue;
    const facet = counts.get(value) ?? { value, label: label ? label(document) : value, count: 0 };
    facet.count += 1;
    counts.set(value, facet);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
