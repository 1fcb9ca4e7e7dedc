import { Field, ID, InputType, Int } from 'type-graphql';

// Shapes only: validation happens in the services (zod), so every entry point agrees.

@InputType()
export class CreateMiniProgramInput {
  @Field(() => ID)
  orgId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  category?: string | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;
}

@InputType({ description: 'Only the given fields change; null clears description or category' })
export class UpdateMiniProgramInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  category?: string | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;
}

@InputType()
export class SearchablePageInput {
  @Field()
  path!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  text?: string | null;
}

@InputType({
  description:
    'Only the given fields change; aliases and pages replace the whole list (at most 5 aliases of 20 characters, 20 pages)',
})
export class MiniProgramSearchSettingsInput {
  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;

  @Field(() => [SearchablePageInput], { nullable: true })
  pages?: SearchablePageInput[] | null;

  @Field(() => Boolean, { nullable: true, description: '"Can be found by search"' })
  searchable?: boolean | null;
}

@InputType({ description: 'Recorded as data; the rule-engine subgraph owns gray rules' })
export class GrayReleaseInput {
  @Field(() => Int, { nullable: true })
  grayPercentage?: number | null;

  @Field(() => String, { nullable: true })
  grayRuleId?: string | null;
}

@InputType()
export class CreateHostAppInput {
  @Field(() => ID)
  orgId!: string;

  @Field()
  name!: string;

  @Field(() => [String], { nullable: true, description: 'At most 2' })
  iosBundleIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'At most 2' })
  androidPackageNames?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'At most 2' })
  harmonyBundleNames?: string[] | null;
}

@InputType({ description: 'Only the given fields change; a given list replaces the stored one' })
export class UpdateHostAppInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [String], { nullable: true })
  iosBundleIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  androidPackageNames?: string[] | null;

  @Field(() => [String], { nullable: true })
  harmonyBundleNames?: string[] | null;
}
