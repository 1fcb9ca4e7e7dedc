/**
 * The search engine port: what the search service needs from an index, whatever backs it (the embedded inverted
 * index by default, Elasticsearch in the large profile). Every driver passes `search-engine.contract.ts`.
 */

/** Where a mini-program stands for search (derived from app-manage's state by the catalogue projection). */
export const CatalogueStatus = {
  /** Never published (only development / review / approved versions). */
  DRAFT: 'DRAFT',
  PUBLISHED: 'PUBLISHED',
  /** Was published; its release was delisted. */
  DELISTED: 'DELISTED',
  /** Frozen by an operator (the mini-program or its organization). */
  FROZEN: 'FROZEN',
} as const;
export type CatalogueStatus = (typeof CatalogueStatus)[keyof typeof CatalogueStatus];

/** A page its owner declared searchable: a hit can open the mini-program there. */
export interface IndexedPage {
  path: string;
  title: string;
  text: string;
}

/** One mini-program as indexed: the searchable text and the fields filters and visibility need. */
export interface IndexedMiniProgram {
  appId: string;
  orgId: string;
  organizationName: string;
  name: string;
  /** Search aliases the owner set (other names people type), ranked below the name. */
  aliases: string[];
  /** Words the owner set so the mini-program is found (its tags). */
  keywords: string[];
  category: string | null;
  description: string;
  logoKey: string | null;
  status: CatalogueStatus;
  /** Pages declared searchable (title and text indexed). */
  pages: IndexedPage[];
  /** The owner's "can be found by search" switch: off, devices never find it. */
  searchable: boolean;
  /** Host apps it is linked to (active links): a device only finds what its host app may open. */
  hostAppIds: string[];
}

/** The searchable fields, strongest first: the order of their boosts. */
export const SEARCH_FIELDS = [
  'name',
  'aliases',
  'keywords',
  'category',
  'organizationName',
  'description',
  'pages',
] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export interface SearchFilter {
  orgIds?: readonly string[];
  categories?: readonly string[];
  statuses?: readonly CatalogueStatus[];
  /** Only mini-programs linked to this host app. */
  hostAppId?: string;
  /** Only mini-programs whose owner left "can be found by search" on. */
  searchableOnly?: boolean;
}

export interface SearchRequest {
  /** Free text; blank lists every mini-program the filter lets through, by name. */
  text: string;
  filter: SearchFilter;
  offset: number;
  limit: number;
}

/** The fields highlighted per hit (a page's match is reported as the hit's `page`). */
export type HighlightField = Exclude<SearchField, 'pages'>;
export const HIGHLIGHT_FIELDS = SEARCH_FIELDS.filter((field): field is HighlightField => field !== 'pages');

export interface SearchHighlight {
  field: HighlightField;
  /** HTML-escaped text around the matches, each match in `<em>…</em>`. */
  fragment: string;
}

export interface SearchHit {
  document: IndexedMiniProgram;
  score: number;
  highlights: SearchHighlight[];
  /** The searchable page that matched best (its title first, then its text), or null when none did. */
  page: PageMatch | null;
}

export interface PageMatch {
  path: string;
  title: string;
  /** HTML-escaped text of the page around the matches, each match in `<em>…</em>` (the title when the text did not match). */
  fragment: string;
}

export interface FacetCount {
  value: string;
  /** What to show for the value (the organization's name for an organization id); the value itself otherwise. */
  label: string;
  count: number;
}

/** Counts over every hit of the request (not just the page), most frequent first. */
export interface SearchFacets {
  category: FacetCount[];
  organization: FacetCount[];
  status: FacetCount[];
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: SearchFacets;
}

export interface SearchEngine {
  /** Which engine and analyzer answer, for readiness and logs (e.g. `embedded:inverted-index+zh-segmenter-bigram`). */
  readonly description: string;
  /** Adds or replaces documents by app id. */
  upsert(documents: readonly IndexedMiniProgram[]): Promise<void>;
  remove(appIds: readonly string[]): Promise<void>;
  get(appId: string): Promise<IndexedMiniProgram | null>;
  search(request: SearchRequest): Promise<SearchResult>;
  count(): Promise<number>;
  /** Every indexed app id, in no particular order (a rebuild drops those the owners no longer have). */
  appIds(): Promise<string[]>;
  clear(): Promise<void>;
  close(): Promise<void>;
}
