import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CatalogueStatus } from '../engine/search-engine.port';
import { DEFAULT_PAGE_SIZE, MAX_OFFSET, MAX_PAGE_SIZE, MAX_QUERY_CHARS } from '../service/search-input';

registerEnumType(CatalogueStatus, {
  name: 'CatalogueStatus',
  description:
    'DRAFT: never published; PUBLISHED; DELISTED: its release was delisted; FROZEN: it or its organization is frozen',
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

export const TAKE_DESCRIPTION = `Hits per page, 1 to ${MAX_PAGE_SIZE}`;
export const OFFSET_DESCRIPTION = `Hits to skip (relevance order), at most ${MAX_OFFSET}`;
export { DEFAULT_PAGE_SIZE };

@ObjectType({
  description:
    'Where the query matched, per field: HTML-escaped text around the matches, each match in <em>…</em>; null where it did not match',
})
export class MiniProgramSearchHighlights {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  aliases?: string | null;

  @Field(() => String, { nullable: true })
  keywords?: string | null;

  @Field(() => String, { nullable: true })
  category?: string | null;

  @Field(() => String, { nullable: true })
  organizationName?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@ObjectType({ description: 'The searchable page of the mini-program that matched' })
export class SearchPageMatch {
  @Field({ description: 'Page path in the package (where a device opens the hit)' })
  path!: string;

  @Field()
  title!: string;

  @Field({ description: 'HTML-escaped text of the page around the matches, each match in <em>…</em>' })
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

  @Field(() => [String], { description: 'The search aliases its owner set' })
  aliases!: string[];

  @Field({ description: 'Its owner\'s "can be found by search" switch (off: devices do not find it)' })
  searchable!: boolean;

  @Field(() => SearchPageMatch, { nullable: true, description: 'The searchable page that matched, if any' })
  page!: SearchPageMatch | null;

  @Field(() => ID)
  orgId!: string;

  @Field()
  organizationName!: string;

  @Field(() => CatalogueStatus)
  status!: CatalogueStatus;

  @Field(() => Float, { description: 'Relevance; only comparable within one answer' })
  score!: number;

  @Field(() => MiniProgramSearchHighlights)
  highlights!: MiniProgramSearchHighlights;
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

  @Field(() => [MiniProgramSearchHit], { description: 'This page of hits, most relevant first' })
  items!: MiniProgramSearchHit[];

  @Field(() => MiniProgramSearchFacets)
  facets!: MiniProgramSearchFacets;
}

export const SEARCH_TEXT_DESCRIPTION = `Words to find, at most ${MAX_QUERY_CHARS} characters (Chinese, Latin, pinyin initials); blank lists by name`;
