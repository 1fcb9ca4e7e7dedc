import { Client, errors, type estypes } from '@elastic/elasticsearch';
import { analyze } from '../analysis/chinese.analyzer';
import { highlightsOf, pageMatchOf, searchableText } from './embedded.engine';
import {
  SEARCH_FIELDS,
  type FacetCount,
  type IndexedMiniProgram,
  type SearchEngine,
  type SearchField,
  type SearchFilter,
  type SearchRequest,
  type SearchResult,
} from './search-engine.port';

/**
 * Which Chinese analysis the index uses, by what the cluster has: the IK plugin (`ik_max_word` to index, `ik_smart` to
 * search), else the smartcn plugin, else Grove's own analyzer (ADR 0011) applied here, the terms sent pre-tokenized to
 * a whitespace-analyzed field (the same terms as the embedded engine, no plugin needed).
 */
export type ElasticsearchAnalysis = 'ik' | 'smartcn' | 'grove';

export interface ElasticsearchEngineOptions {
  /** ELASTICSEARCH_URL. */
  node: string;
  /** Index name (one per installation; tests use one per run). */
  index: string;
  /** Default: chosen from the cluster's plugins. */
  analysis?: ElasticsearchAnalysis;
  /** Writes wait for a refresh so a search right after sees them (`wait_for`), or not (`false`). Default `wait_for`. */
  refresh?: 'wait_for' | false;
  requestTimeoutMs?: number;
}

/** Same order and weights as the embedded engine (name above aliases above keywords … above pages). */
const BOOSTS: Record<SearchField, number> = {
  name: 6,
  aliases: 4,
  keywords: 3,
  category: 2,
  organizationName: 1.5,
  description: 1,
  pages: 0.8,
};
const FACET_SIZE = 50;
/** App ids read per request when listing the whole index (search_after on appId). */
const APP_IDS_PAGE = 1_000;

function analyzersOf(analysis: ElasticsearchAnalysis): { analyzer: string; search_analyzer: string } {
  if (analysis === 'ik') return { analyzer: 'ik_max_word', search_analyzer: 'ik_smart' };
  if (analysis === 'smartcn') return { analyzer: 'smartcn', search_analyzer: 'smartcn' };
  return { analyzer: 'whitespace', search_analyzer: 'whitespace' };
}

/** The IK plugin, else smartcn, else Grove's analyzer: what the cluster's nodes all have. */
export async function detectAnalysis(client: Client): Promise<ElasticsearchAnalysis> {
  const plugins = (await client.cat.plugins({ format: 'json' })) as unknown as Array<{ component?: string }>;
  const names = new Set(plugins.map((p) => p.component ?? ''));
  if (names.has('analysis-ik')) return 'ik';
  if (names.has('analysis-smartcn')) return 'smartcn';
  return 'grove';
}

/**
 * The large profile's engine (issue 10): a thin driver over `@elastic/elasticsearch`. The index keeps each document
 * whole in `_source`; filters, facets (terms aggregations), paging and ranking run in Elasticsearch; highlights and
 * the matched page are computed from the returned documents with the analyzer's normalization, exactly like the
 * embedded engine, so both drivers answer alike (`search-engine.contract.ts`).
 */
export class ElasticsearchEngine implements SearchEngine {
  readonly description: string;

  private constructor(
    private readonly client: Client,
    private readonly index: string,
    readonly analysis: ElasticsearchAnalysis,
    private readonly refresh: 'wait_for' | false,
  ) {
    const { analyzer, search_analyzer } = analyzersOf(analysis);
    this.description =
      analysis === 'grove'
        ? 'elasticsearch:grove-zh-segmenter-bigram'
        : `elasticsearch:${analysis}(${analyzer}/${search_analyzer})`;
  }

  /** Connects, picks the analysis and creates the index with its mapping when it does not exist. */
  static async open(options: ElasticsearchEngineOptions): Promise<ElasticsearchEngine> {
    const client = new Client({ node: options.node, requestTimeout: options.requestTimeoutMs ?? 10_000 });
    try {
      const analysis = options.analysis ?? (await detectAnalysis(client));
      const engine = new ElasticsearchEngine(client, options.index, analysis, options.refresh ?? 'wait_for');
      await engine.ensureIndex();
      return engine;
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  private async ensureIndex(): Promise<void> {
    if (await this.client.indices.exists({ index: this.index })) return;
    const text = analyzersOf(this.analysis);
    const searchable = Object.fromEntries(
      SEARCH_FIELDS.map((field) => [field, { type: 'text' as const, ...text }]),
    );
    await this.client.indices.create({
      index: this.index,
      mappings: {
        dynamic: false,
        properties: {
          appId: { type: 'keyword' },
          orgId: { type: 'keyword' },
          status: { type: 'keyword' },
          hostAppIds: { type: 'keyword' },
          searchable: { type: 'boolean' },
          categoryKey: { type: 'keyword' },
          sortName: { type: 'keyword' },
          // Pinyin initials of the name (招商银行 → zsyh), completed as prefixes.
          initials: { type: 'text', analyzer: 'whitespace' },
          // The searched text per field: as written (IK, smartcn) or Grove's terms joined by spaces.
          text: { properties: searchable },
        },
      },
    });
  }

  private toSource(document: IndexedMiniProgram): Record<string, unknown> {
    const texts: Record<SearchField, string> = {
      name: document.name,
      aliases: document.aliases.join('\n'),
      keywords: document.keywords.join('\n'),
      category: document.category ?? '',
      organizationName: document.organizationName,
      description: document.description,
      pages: searchableText(document.pages),
    };
    const plain = new Set(analyze(document.name, { mode: 'index' }));
    const initials = analyze(document.name, { mode: 'index', pinyinInitials: true }).filter(
      (term) => /^[a-z]+$/.test(term) && !plain.has(term),
    );
    const text =
      this.analysis === 'grove'
        ? Object.fromEntries(
            SEARCH_FIELDS.map((field) => [
              field,
              analyze(texts[field], { mode: 'index', pinyinInitials: field === 'name' }).join(' '),
            ]),
          )
        : texts;
    return {
      ...document,
      text,
      categoryKey: document.category,
      sortName: document.name,
      initials: initials.join(' '),
    };
  }

  private fromSource(source: Record<string, unknown>): IndexedMiniProgram {
    const s = source as unknown as IndexedMiniProgram;
    return {
      appId: s.appId,
      orgId: s.orgId,
      organizationName: s.organizationName,
      name: s.name,
      aliases: s.aliases ?? [],
      keywords: s.keywords ?? [],
      category: s.category,
      description: s.description,
      logoKey: s.logoKey,
      status: s.status,
      pages: s.pages ?? [],
      searchable: s.searchable,
      hostAppIds: s.hostAppIds,
    };
  }

  async upsert(documents: readonly IndexedMiniProgram[]): Promise<void> {
    if (documents.length === 0) return;
    const operations = documents.flatMap((document) => [
      { index: { _index: this.index, _id: document.appId } },
      this.toSource(document),
    ]);
    const result = await this.client.bulk({ operations, refresh: this.refresh });
    if (result.errors)
      throw new Error(
        `Elasticsearch refused ${result.items.filter((i) => i.index?.error).length} of ${documents.length} documents`,
      );
  }

  async remove(appIds: readonly string[]): Promise<void> {
    if (appIds.length === 0) return;
    await this.client.bulk({
      operations: appIds.map((id) => ({ delete: { _index: this.index, _id: id } })),
      refresh: this.refresh,
    });
  }

  async get(appId: string): Promise<IndexedMiniProgram | null> {
    try {
      const found = await this.client.get<Record<string, unknown>>({ index: this.index, id: appId });
      return found.found && found._source ? this.fromSource(found._source) : null;
    } catch (error) {
      if (error instanceof errors.ResponseError && error.statusCode === 404) return null;
      throw error;
    }
  }

  async count(): Promise<number> {
    return (await this.client.count({ index: this.index })).count;
  }

  async appIds(): Promise<string[]> {
    const ids: string[] = [];
    let after: estypes.SortResults | undefined;
    for (;;) {
      const page = await this.client.search({
        index: this.index,
        size: APP_IDS_PAGE,
        _source: false,
        query: { match_all: {} },
        sort: [{ appId: { order: 'asc' } }],
        ...(after ? { search_after: after } : {}),
      });
      for (const hit of page.hits.hits) if (hit._id) ids.push(hit._id);
      if (page.hits.hits.length < APP_IDS_PAGE) return ids;
      after = page.hits.hits[page.hits.hits.length - 1]!.sort;
    }
  }

  async clear(): Promise<void> {
    await this.client.deleteByQuery({
      index: this.index,
      query: { match_all: {} },
      refresh: true,
      conflicts: 'proceed',
    });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** Deletes the index (tests; an operator's reindex). */
  async drop(): Promise<void> {
    await this.client.indices.delete({ index: this.index, ignore_unavailable: true });
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const text = request.text.trim();
    const queryTerms = text ? analyze(text, { mode: 'query' }) : [];
    if (text && queryTerms.length === 0)
      return { total: 0, hits: [], facets: { category: [], organization: [], status: [] } };
    const field = (name: SearchField) => `text.${name}^${BOOSTS[name]}`;
    const query = text
      ? {
          bool: {
            filter: filterClauses(request.filter),
            should: [
              {
                multi_match: {
                  query: this.analysis === 'grove' ? queryTerms.join(' ') : text,
                  fields: SEARCH_FIELDS.map(field),
                  type: 'most_fields' as const,
                  operator: 'or' as const,
                },
              },
              ...queryTerms
                .filter((t) => /^[a-z0-9]{2,}$/.test(t))
                .map((t) => ({ prefix: { initials: { value: t, boost: BOOSTS.name } } })),
              ...(this.analysis === 'grove'
                ? queryTerms
                    .filter((t) => /^[a-z0-9]{2,}$/.test(t))
                    .map((t) => ({ prefix: { 'text.name': { value: t, boost: BOOSTS.name } } }))
                : []),
            ],
            minimum_should_match: 1,
          },
        }
      : { bool: { filter: filterClauses(request.filter) } };
    const response = await this.client.search<Record<string, unknown>>({
      index: this.index,
      query,
      from: request.offset,
      size: request.limit,
      track_total_hits: true,
      sort: text
        ? [{ _score: { order: 'desc' } }, { appId: { order: 'asc' } }]
        : [{ sortName: { order: 'asc' } }, { appId: { order: 'asc' } }],
      aggs: {
        category: { terms: { field: 'categoryKey', size: FACET_SIZE } },
        organization: {
          terms: { field: 'orgId', size: FACET_SIZE },
          aggs: { label: { top_hits: { size: 1, _source: ['organizationName'] } } },
        },
        status: { terms: { field: 'status', size: FACET_SIZE } },
      },
    });
    const total =
      typeof response.hits.total === 'number' ? response.hits.total : (response.hits.total?.value ?? 0);
    const aggregations = response.aggregations as
      | Record<
          string,
          {
            buckets: Array<{
              key: string;
              doc_count: number;
              label?: { hits: { hits: Array<{ _source?: { organizationName?: string } }> } };
            }>;
          }
        >
      | undefined;
    const facet = (
      name: string,
      label?: (bucket: {
        key: string;
        label?: { hits: { hits: Array<{ _source?: { organizationName?: string } }> } };
      }) => string,
    ): FacetCount[] =>
      (aggregations?.[name]?.buckets ?? [])
        .map((bucket) => ({
          value: String(bucket.key),
          label: label ? label(bucket) : String(bucket.key),
          count: bucket.doc_count,
        }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return {
      total,
      hits: response.hits.hits.map((hit) => {
        const document = this.fromSource(hit._source ?? {});
        return {
          document,
          score: hit._score ?? 0,
          highlights: highlightsOf(document, queryTerms),
          page: pageMatchOf(document, queryTerms),
        };
      }),
      facets: {
        category: facet('category'),
        organization: facet(
          'organization',
          (bucket) => bucket.label?.hits.hits[0]?._source?.organizationName || bucket.key,
        ),
        status: facet('status'),
      },
    };
  }
}

function filterClauses(filter: SearchFilter): object[] {
  const clauses: object[] = [];
  if (filter.orgIds) clauses.push({ terms: { orgId: [...filter.orgIds] } });
  if (filter.categories) clauses.push({ terms: { categoryKey: [...filter.categories] } });
  if (filter.statuses) clauses.push({ terms: { status: [...filter.statuses] } });
  if (filter.hostAppId !== undefined) clauses.push({ term: { hostAppIds: filter.hostAppId } });
  if (filter.searchableOnly) clauses.push({ term: { searchable: true } });
  return clauses;
}
