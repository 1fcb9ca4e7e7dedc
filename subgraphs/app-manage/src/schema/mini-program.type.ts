import { CURSOR_FIELD_DESCRIPTION } from '@grove/platform';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { MiniProgramStatus } from './enums';

@ObjectType({ description: 'A page its owner declared searchable' })
export class SearchablePage {
  @Field({ description: 'Page path in the package, e.g. pages/index/index (a query may follow)' })
  path!: string;

  @Field()
  title!: string;

  @Field()
  text!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A mini-program; `id` is its app id' })
export class MiniProgram {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: `${CURSOR_FIELD_DESCRIPTION} (set on the items of a list, in the order it was read)`,
  })
  cursor?: string;

  @Field({ description: 'Same as id: the stable public app id' })
  appId!: string;

  @Field(() => ID)
  orgId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => String, { nullable: true })
  category?: string;

  @Field(() => [String])
  tags!: string[];

  @Field(() => [String], {
    description: 'Search aliases the owner set (found like the name, ranked below it)',
  })
  searchAliases!: string[];

  @Field(() => [SearchablePage], { description: 'Pages a search hit can open (path, title, text)' })
  searchablePages!: SearchablePage[];

  @Field({
    description: '"Can be found by search": off hides it from devices\' search (consoles still find it)',
  })
  searchable!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Object-store key of the logo (set by the logo upload)',
  })
  logoKey?: string;

  @Field(() => MiniProgramStatus)
  status!: MiniProgramStatus;

  @Field(() => String, { nullable: true })
  frozenReason?: string;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class MiniProgramPage {
  @Field(() => [MiniProgram])
  items!: MiniProgram[];

  @Field(() => Int)
  total!: number;
}
