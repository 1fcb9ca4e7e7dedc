import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CatalogueStatus } from '../engine/search-engine.port';
import { DEFAULT_PAGE_SIZE, MAX_OFFSET, MAX_PAGE_SIZE, MAX_QUERY_CHARS } from '../service/search-input';

registerEnumType(CatalogueStatus, {
  name: 'CatalogueStatus',
  description: 'DRAFT: never published; PUBLISHED; DELISTED: its release was delisted; FROZEN: it or its organization is frozen',
});

export { CatalogueStatus };

/** app-manage's MiniProgram entity, referenced by key only: the router resolves its fields at app-manage. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class MiniProgram {
  @Field(() => ID)
  id!: string;
}

@InputType({ description: 'Every list narrows the search; values of one list are alternatives' })
export class SearchMiniProgramsFilter {
  @Field(() => [ID], { nullable: true, description: 'Organizations; members may name only their own' })
  orgIds?: string[];

  @Field(() => [String], { nullable: true })
  categories?: string[];

  @Field(() => [CatalogueStatus], { nullable: true })
  statuses?: CatalogueStatus[];
}

@InputType()
export class SearchPage {
  @Field(() => Int, { nullable: true, description: `Hits to skip, at most ${MAX_OFFSET} (default 0)` })
  offset?: number;

  @Field(() => Int, { nullable: true, description: `Hits per page, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` })
  limit?: number;
}

@ObjectType({ description: 'Where a query matched' })
export class SearchHighlight {
  @Field({ description: 'name, keywords, category, organizationName or description' })
  field!: string;

  @Field({ description: 'HTML-escaped text around the matches, each match in <em>…</em>' })
  fragment!: string;
}

@ObjectType()
export class MiniProgramSearchHit {
  @Field(() => ID)
  appId!: string;

  @Field(() => MiniProgram)
  miniProgram!: MiniProgram;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => String, { nullable: true })
  category!: string | null;

  @Field(() => [String], { description: 'The search keywords (tags) its owner set' })
  keywords!: string[];

  @Field(() => ID)
  orgId!: string;

  @Field()
  organizationName!: string;

  @Field(() => CatalogueStatus)
  status!: CatalogueStatus;

  @Field(() => Float, { description: 'Relevance; only comparable within one answer' })
  score!: number;

  @Field(() => [SearchHighlight])
  highlights!: SearchHighlight[];
}

@ObjectType()
export class SearchFacetCount {
  @Field()
  value!: string;

  @Field({ description: "The organization's name for an organization id; the value otherwise" })
  label!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Counts over every hit of the query and filter, not just this page' })
export class MiniProgramSearchFacets {
  @Field(() => [SearchFacetCount])
  category!: SearchFacetCount[];

  @Field(() => [SearchFacetCount])
  organization!: SearchFacetCount[];

  @Field(() => [SearchFacetCount])
  status!: SearchFacetCount[];
}

@ObjectType()
export class MiniProgramSearchResult {
  @Field(() => Int)
  total!: number;

  @Field(() => [MiniProgramSearchHit])
  hits!: MiniProgramSearchHit[];

  @Field(() => MiniProgramSearchFacets)
  facets!: MiniProgramSearchFacets;
}

export const SEARCH_TEXT_DESCRIPTION = `Words to find, at most ${MAX_QUERY_CHARS} characters (Chinese, Latin, pinyin initials); blank lists by name`;
