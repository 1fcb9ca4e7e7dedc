import { CURSOR_FIELD_DESCRIPTION } from '@grove/platform';
import { Directive, Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { ReleasePlanState } from './enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A phased gray release of one version under a rule' })
export class ReleasePlan {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  appId!: string;

  @Field(() => ID, { description: "app-manage's id of the version being gray-released" })
  grayVersionId!: string;

  @Field(() => ID)
  ruleId!: string;

  @Field(() => ReleasePlanState)
  state!: ReleasePlanState;

  @Field(() => Float, {
    description: 'Share of matching devices in the gray cohort (0.01 to 100); only goes up',
  })
  percentage!: number;

  @Field(() => ID)
  startedBy!: string;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  pausedAt?: Date;

  @Field(() => Date, { nullable: true })
  completedAt?: Date;

  @Field(() => Date, { nullable: true })
  revertedAt?: Date;

  @Field(() => Date, { nullable: true })
  failedAt?: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Why the version could not be gray-released or published (FAILED plans)',
  })
  failureReason?: string;

  @Field()
  updatedAt!: Date;

  @Field(() => String, { nullable: true, description: CURSOR_FIELD_DESCRIPTION })
  cursor?: string;
}

@InputType()
export class StartReleasePlanInput {
  @Field(() => ID)
  appId!: string;

  @Field(() => ID)
  grayVersionId!: string;

  @Field(() => ID)
  ruleId!: string;

  @Field(() => Float)
  percentage!: number;
}
