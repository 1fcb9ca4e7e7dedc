import type { SubgraphContext } from '@grove/platform';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { SearchResult } from '../engine/search-engine.port';
import { MiniProgramSearchResult, SEARCH_TEXT_DESCRIPTION, SearchMiniProgramsFilter, SearchPage } from '../schema/search.types';
import type { SearchService } from '../service/search.service';

@Resolver()
export class SearchResolver {
  constructor(private readonly search: SearchService) {}

  @Query(() => MiniProgramSearchResult, { description: "Operators search every mini-program; members their organizations' (drafts included)" })
  async searchMiniPrograms(
    @Ctx() ctx: SubgraphContext,
    @Arg('text', () => String, { defaultValue: '', description: SEARCH_TEXT_DESCRIPTION }) text: string,
    @Arg('filter', () => SearchMiniProgramsFilter, { nullable: true }) filter?: SearchMiniProgramsFilter | null,
    @Arg('page', () => SearchPage, { nullable: true }) page?: SearchPage | null,
  ): Promise<MiniProgramSearchResult> {
    return toSearchResult(await this.search.searchCatalogue(ctx.principal, { text, filter: filter ? { ...filter } : null, page: page ? { ...page } : null }));
  }
}

function toSearchResult(result: SearchResult): MiniProgramSearchResult {
  return {
    total: result.total,
    facets: result.facets,
    hits: result.hits.map(({ document, score, highlights }) => ({
      appId: document.appId,
      miniProgram: { id: document.appId },
      name: document.name,
      description: document.description,
      category: document.category,
      keywords: document.keywords,
      orgId: document.orgId,
      organizationName: document.organizationName,
      status: document.status,
      score,
      highlights,
    })),
  };
}
