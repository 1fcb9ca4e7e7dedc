import type { SubgraphContext } from '@grove/platform';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { SearchResult } from '../engine/search-engine.port';
import {
  DEFAULT_PAGE_SIZE,
  MiniProgramSearchResult,
  OFFSET_DESCRIPTION,
  SEARCH_TEXT_DESCRIPTION,
  SearchMiniProgramsFilter,
  TAKE_DESCRIPTION,
} from '../schema/search.types';
import type { SearchService } from '../service/search.service';

@Resolver()
export class SearchResolver {
  constructor(private readonly search: SearchService) {}

  @Query(() => MiniProgramSearchResult, {
    description: "Operators search every mini-program; members their organizations' (drafts included)",
  })
  async searchMiniPrograms(
    @Ctx() ctx: SubgraphContext,
    @Arg('text', () => String, { defaultValue: '', description: SEARCH_TEXT_DESCRIPTION }) text: string,
    @Arg('take', () => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: TAKE_DESCRIPTION }) take: number,
    @Arg('offset', () => Int, { defaultValue: 0, description: OFFSET_DESCRIPTION }) offset: number,
    @Arg('filter', () => SearchMiniProgramsFilter, { nullable: true })
    filter?: SearchMiniProgramsFilter | null,
  ): Promise<MiniProgramSearchResult> {
    const input = { text, filter: filter ? { ...filter } : null, page: { offset, limit: take } };
    return toSearchResult(await this.search.searchCatalogue(ctx.principal, input));
  }
}

function toSearchResult(result: SearchResult): MiniProgramSearchResult {
  return {
    total: result.total,
    facets: result.facets,
    items: result.hits.map(({ document, score, highlights, page }) => ({
      appId: document.appId,
      miniProgram: { id: document.appId },
      name: document.name,
      description: document.description,
      category: document.category,
      keywords: document.keywords,
      aliases: document.aliases,
      searchable: document.searchable,
      page,
      orgId: document.orgId,
      organizationName: document.organizationName,
      status: document.status,
      score,
      highlights: Object.fromEntries(highlights.map((h) => [h.field, h.fragment])),
    })),
  };
}
