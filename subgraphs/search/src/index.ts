export {
  catalogueReadsFor,
  createSearchSubgraph,
  createSearchSubgraphFromConfig,
  createSearchSubgraphFromEnv,
  searchEngineFor,
  SEARCH_SUBGRAPH_NAME,
  type SearchDeps,
  type SearchServices,
  type SearchSubgraph,
} from './search.subgraph';
export {
  defaultSearchSettings,
  searchEnvSchema,
  searchEnvShape,
  searchSettingsFromConfig,
  type SearchConfig,
  type SearchSettings,
} from './config';
export { analyze, highlightFragment, normalizeText, type AnalyzeOptions } from './analysis/chinese.analyzer';
export {
  EmbeddedSearchEngine,
  FIELD_BOOSTS,
  type EmbeddedIndexState,
  type FrozenIndex,
} from './engine/embedded.engine';
export {
  decodeSnapshot,
  encodeSnapshot,
  readSnapshot,
  readSnapshotHeader,
  SnapshotError,
  writeSnapshot,
  type SnapshotMarker,
} from './engine/embedded-snapshot';
export { IndexFilesStore } from './store/index-files.store';
export { IndexPersistence } from './projection/index-persistence';
export { claimSearchInstance, type SearchInstance } from './store/search-instance.store';
export {
  ElasticsearchEngine,
  detectAnalysis,
  type ElasticsearchAnalysis,
  type ElasticsearchEngineOptions,
} from './engine/elasticsearch.engine';
export {
  CatalogueStatus,
  SEARCH_FIELDS,
  type IndexedMiniProgram,
  type SearchEngine,
  type SearchRequest,
  type SearchResult,
  type SearchHit,
} from './engine/search-engine.port';
export {
  CatalogueProjection,
  catalogueStatus,
  toIndexedMiniProgram,
} from './projection/catalogue.projection';
export { SearchService } from './service/search.service';
export { MAX_OFFSET, MAX_PAGE_SIZE, MAX_QUERY_CHARS } from './service/search-input';
