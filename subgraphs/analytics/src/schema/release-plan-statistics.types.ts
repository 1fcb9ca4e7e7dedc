import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum GrayStatisticsDimension {
  REGION = 'region',
  PLATFORM = 'platform',
  MODEL = 'model',
  OS = 'os',
}
registerEnumType(GrayStatisticsDimension, {
  name: 'GrayStatisticsDimension',
  description: 'Region (province of the client IP) or terminal: platform, device model, OS version',
});

/**
 * rule-engine's ReleasePlan entity (same key: `id`); this subgraph contributes `statistics` to it.
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class ReleasePlan {
  @Field(() => ID)
  id!: string;
}

@ObjectType({
  description:
    'One cohort of a release plan: the devices the runtime served the gray version, or the released one, on a day',
})
export class GrayCohortMetrics {
  @Field(() => Int, {
    nullable: true,
    description:
      "Distinct devices the runtime served this cohort's version (exposure record); null in breakdowns",
  })
  devicesExposed?: number | null;

  @Field(() => Int, { description: 'Distinct devices of the cohort with any report in the period' })
  activeUsers!: number;

  @Field(() => Int)
  launches!: number;

  @Field(() => Int)
  pageViews!: number;

  @Field(() => Int)
  jsErrors!: number;

  @Field(() => Int)
  crashes!: number;

  @Field(() => Float, { description: 'Foreground time of the launches, milliseconds' })
  totalStayMs!: number;

  @Field(() => Float, { description: 'totalStayMs / launches (0 without launches)' })
  averageStayMs!: number;

  @Field(() => Float, { description: 'jsErrors / launches' })
  errorRate!: number;

  @Field(() => Float, { description: 'crashes / launches' })
  crashRate!: number;
}

@ObjectType({ description: 'Gray against released, and the differences (gray − released)' })
export class GrayComparison {
  @Field(() => GrayCohortMetrics)
  gray!: GrayCohortMetrics;

  @Field(() => GrayCohortMetrics)
  released!: GrayCohortMetrics;

  @Field(() => Float, {
    description: 'gray.errorRate − released.errorRate: above 0, the gray version errs more per launch',
  })
  errorRateDelta!: number;

  @Field(() => Float)
  crashRateDelta!: number;

  @Field(() => Float)
  averageStayMsDelta!: number;
}

@ObjectType()
export class GrayComparisonDay {
  @Field({ description: 'YYYY-MM-DD in the reporting time zone' })
  day!: string;

  @Field(() => GrayComparison)
  comparison!: GrayComparison;
}

@ObjectType()
export class GrayComparisonRow {
  @Field()
  value!: string;

  @Field(() => GrayComparison)
  comparison!: GrayComparison;
}

@ObjectType({ description: 'A release plan by region or terminal: gray against released per value' })
export class ReleasePlanStatisticsBreakdown {
  @Field(() => ID)
  planId!: string;

  @Field(() => GrayStatisticsDimension)
  dimension!: GrayStatisticsDimension;

  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field()
  timeZone!: string;

  @Field(() => [GrayComparisonRow], { description: 'Most active devices first, at most take' })
  rows!: GrayComparisonRow[];
}

@ObjectType({ description: "A change of the plan on the timeline (rule-engine's release-plan events)" })
export class ReleasePlanMark {
  @Field({
    description:
      'release-plan.started, .raised, .paused, .resumed, .completing, .completed, .reverted or .failed',
  })
  type!: string;

  @Field({ description: 'The plan state after the change' })
  state!: string;

  @Field(() => Float, { description: 'The percentage after the change' })
  percentage!: number;

  @Field({ description: 'When the change was written (ISO 8601)' })
  at!: string;
}

@ObjectType({
  description:
    'A release plan: gray version against the released version over the same days, attributed by the runtime exposure record',
})
export class ReleasePlanStatistics {
  @Field(() => ID)
  planId!: string;

  @Field(() => ID)
  appId!: string;

  @Field(() => ID)
  grayVersionId!: string;

  @Field({ description: 'The plan state as last seen' })
  state!: string;

  @Field(() => Float)
  percentage!: number;

  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field()
  timeZone!: string;

  @Field(() => GrayComparison, {
    description: 'Over the period (distinct devices over the period, not a sum of days)',
  })
  total!: GrayComparison;

  @Field(() => [GrayComparisonDay])
  days!: GrayComparisonDay[];

  @Field(() => [ReleasePlanMark], {
    description: "The plan's percentage changes and state changes, oldest first",
  })
  marks!: ReleasePlanMark[];
}
