import { takeArgDescription, type SubgraphContext } from '@grove/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import {
  BREAKDOWN_PAGE,
  type ReleasePlanStatisticsService,
} from '../service/release-plan-statistics.service';
import {
  GrayStatisticsDimension,
  ReleasePlan,
  ReleasePlanStatistics,
  ReleasePlanStatisticsBreakdown,
} from '../schema/release-plan-statistics.types';

const RANGE =
  'days as YYYY-MM-DD in the reporting time zone; from defaults to the day the plan started, to to today; at most 92 days';

@Resolver(() => ReleasePlan)
export class ReleasePlanStatisticsResolver {
  constructor(private readonly plans: ReleasePlanStatisticsService) {}

  @Query(() => ReleasePlanStatistics, {
    nullable: true,
    description: `Members of the plan's organization (miniprogram:read) or reviewing operators; ${RANGE}`,
  })
  releasePlanStatistics(
    @Arg('planId', () => ID) planId: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('from', () => String, { nullable: true }) from?: string | null,
    @Arg('to', () => String, { nullable: true }) to?: string | null,
  ) {
    return this.plans.forPlan(ctx.principal, planId, from, to);
  }

  @Query(() => ReleasePlanStatisticsBreakdown, {
    nullable: true,
    description: `As releasePlanStatistics, by region or terminal (one dimension, most active first); ${RANGE}`,
  })
  releasePlanStatisticsBreakdown(
    @Arg('planId', () => ID) planId: string,
    @Arg('dimension', () => GrayStatisticsDimension) dimension: GrayStatisticsDimension,
    @Ctx() ctx: SubgraphContext,
    @Arg('from', () => String, { nullable: true }) from?: string | null,
    @Arg('to', () => String, { nullable: true }) to?: string | null,
    @Arg('take', () => Int, {
      defaultValue: BREAKDOWN_PAGE.defaultTake,
      description: takeArgDescription(BREAKDOWN_PAGE.maxTake),
    })
    take?: number,
  ) {
    return this.plans.breakdown(ctx.principal, planId, dimension, from, to, take);
  }

  @FieldResolver(() => ReleasePlanStatistics, {
    nullable: true,
    description: `As releasePlanStatistics(planId: id); ${RANGE}`,
  })
  statistics(
    @Root() plan: ReleasePlan,
    @Ctx() ctx: SubgraphContext,
    @Arg('from', () => String, { nullable: true }) from?: string | null,
    @Arg('to', () => String, { nullable: true }) to?: string | null,
  ) {
    return this.plans.forPlan(ctx.principal, plan.id, from, to);
  }
}
