import { CURSOR_FIELD_DESCRIPTION } from '@grove/platform';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A saved gray release rule of a mini-program' })
export class GrayRule {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  appId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => GraphQLJSONObject, {
    description: '{ salt, match } with conditions {field, op, value} and groups {all|any: [...]}',
  })
  rule!: Record<string, unknown>;

  @Field(() => Int, { description: 'Pass it as expectedVersion when editing' })
  version!: number;

  @Field(() => ID)
  updatedBy!: string;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => String, { nullable: true, description: CURSOR_FIELD_DESCRIPTION })
  cursor?: string;
}

// Shapes only: validation happens in the services (zod + validateRule), so every entry point agrees.

@InputType()
export class CreateGrayRuleInput {
  @Field(() => ID)
  appId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => GraphQLJSONObject)
  rule!: Record<string, unknown>;
}

@InputType({ description: 'Only the given fields change; null clears the description' })
export class UpdateGrayRuleInput {
  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  rule?: Record<string, unknown> | null;
}
