/**
 * The search engine port: what the search service needs from an index, whatever backs it (the embedded MiniSearch
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

/** One mini-program as indexed: the searchable text and the fields filters and visibility need. */
export interface IndexedMiniProgram {
  appId: string;
  orgId: string;
  organizationName: string;
  name: string;
  /** Words the owner set so the mini-program is found (its tags). */
  keywords: string[];
  category: string | null;
  description: string;
  logoKey: string | null;
  status: CatalogueStatus;
  /** Host apps it is linked to (active links): a device only finds what its host app may open. */
  hostAppIds: string[];
}

/** The searchable fields, strongest first: the order of their boosts. */
export const SEARCH_FIELDS = ['name', 'keywords', 'category', 'organizationName', 'description'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export interface SearchFilter {
  orgIds?: readonly string[];
  categories?: readonly string[];
  statuses?: readonly CatalogueStatus[];
  /** Only mini-programs linked to this host app. */
  hostAppId?: string;
}

export interface SearchRequest {
  /** Free text; blank lists every mini-program the filter lets through, by name. */
  text: string;
  filter: SearchFilter;
  offset: number;
  limit: number;
}

export interface SearchHighlight {
  field: SearchField;
  /** HTML-escaped text around the matches, each match in `<em>…</em>`. */
  fragment: string;
}

export interface SearchHit {
  document: IndexedMiniProgram;
  score: number;
  highlights: SearchHighlight[];
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
  /** Which engine and analyzer answer, for readiness and logs (e.g. `embedded:minisearch+zh-bigram`). */
  readonly description: string;
  /** Adds or replaces documents by app id. */
  upsert(documents: readonly IndexedMiniProgram[]): Promise<void>;
  remove(appIds: readonly string[]): Promise<void>;
  get(appId: string): Promise<IndexedMiniProgram | null>;
  search(request: SearchRequest): Promise<SearchResult>;
  count(): Promise<number>;
  clear(): Promise<void>;
  close(): Promise<void>;
}
