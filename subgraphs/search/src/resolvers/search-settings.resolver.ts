import type { SubgraphContext } from '@grove/platform';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import {
  SearchStatistics,
  SearchSynonymGroup,
  SearchSynonymGroupInput,
} from '../schema/search-settings.types';
import type { SearchLogService } from '../service/search-log.service';
import type { SearchSettingsService } from '../service/search-settings.service';

@Resolver()
export class SearchSettingsResolver {
  constructor(
    private readonly settings: SearchSettingsService,
    private readonly log: SearchLogService,
  ) {}

  @Query(() => [String], {
    description:
      'The hot words shown before typing, in order (any signed-in user; devices get them from the runtime)',
  })
  searchHotWords(@Ctx() ctx: SubgraphContext): string[] {
    return this.settings.listHotWords(ctx.principal);
  }

  @Query(() => [SearchSynonymGroup], { description: 'Operators (org:read:any)' })
  searchSynonyms(@Ctx() ctx: SubgraphContext): SearchSynonymGroup[] {
    return this.settings.listSynonyms(ctx.principal).map((terms) => ({ terms }));
  }

  @Mutation(() => [String], {
    description:
      'Operators (platform:configure): replaces the hot words (at most 20 of 20 characters, in display order)',
  })
  setSearchHotWords(
    @Ctx() ctx: SubgraphContext,
    @Arg('words', () => [String]) words: string[],
  ): Promise<string[]> {
    return this.settings.setHotWords(ctx.principal, words);
  }

  @Mutation(() => [SearchSynonymGroup], {
    description: 'Operators (platform:configure): replaces the synonym groups (at most 200)',
  })
  async setSearchSynonyms(
    @Ctx() ctx: SubgraphContext,
    @Arg('groups', () => [SearchSynonymGroupInput]) groups: SearchSynonymGroupInput[],
  ): Promise<SearchSynonymGroup[]> {
    return (
      await this.settings.setSynonyms(
        ctx.principal,
        groups.map((group) => group.terms),
      )
    ).map((terms) => ({ terms }));
  }

  @Query(() => SearchStatistics, {
    description:
      'Operators (org:read:any): top queries, queries with no result and click-through over at most 92 days',
  })
  searchStatistics(
    @Ctx() ctx: SubgraphContext,
    @Arg('from', { description: 'First day (UTC), YYYY-MM-DD' }) from: string,
    @Arg('to', { description: 'Last day (UTC), YYYY-MM-DD, at most 92 days after from' }) to: string,
    @Arg('take', () => Int, { defaultValue: 20, description: 'Rows per list, 1 to 100' }) take: number,
  ): Promise<SearchStatistics> {
    return this.log.statistics(ctx.principal, { from, to, take });
  }
}
