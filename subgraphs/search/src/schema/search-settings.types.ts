import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';

@InputType({
  description:
    'Terms that stand for one another at query time (社保 ⇄ 社会保险): 2 to 8 terms of at most 20 characters',
})
export class SearchSynonymGroupInput {
  @Field(() => [String])
  terms!: string[];
}

@ObjectType()
export class SearchSynonymGroup {
  @Field(() => [String])
  terms!: string[];
}

@ObjectType()
export class SearchQueryCount {
  @Field({ description: 'The normalized query (folded width and case, collapsed spaces)' })
  query!: string;

  @Field(() => Int)
  searches!: number;

  @Field(() => Int, { description: 'Searches of it that found nothing' })
  noResult!: number;

  @Field(() => Int, { description: 'Searches of it whose hit a device opened' })
  clicks!: number;
}

@ObjectType({ description: 'What was searched over a period (devices and consoles), from the search log' })
export class SearchStatistics {
  @Field({ description: 'First day (UTC), YYYY-MM-DD' })
  from!: string;

  @Field({ description: 'Last day (UTC), YYYY-MM-DD' })
  to!: string;

  @Field(() => Int)
  searches!: number;

  @Field(() => Int)
  noResultSearches!: number;

  @Field(() => Int)
  clicks!: number;

  @Field(() => Float, { description: 'Clicked searches / searches' })
  clickThroughRate!: number;

  @Field(() => [SearchQueryCount], { description: 'Most searched first' })
  topQueries!: SearchQueryCount[];

  @Field(() => [SearchQueryCount], { description: 'Queries that found nothing, most often first' })
  noResultQueries!: SearchQueryCount[];
}
