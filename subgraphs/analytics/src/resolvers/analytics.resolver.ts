import type { SubgraphContext } from '@grove/platform';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AnalyticsQueryService } from '../service/analytics-query.service';
import type { AnalyticsRecomputeService } from '../service/analytics-recompute.service';
import {
  AnalyticsBreakdown,
  AnalyticsDimension,
  AnalyticsGranularity,
  AnalyticsSeries,
} from '../schema/analytics.types';

@Resolver()
export class AnalyticsResolver {
  constructor(
    private readonly analytics: AnalyticsQueryService,
    private readonly recomputes: AnalyticsRecomputeService,
  ) {}

  @Query(() => AnalyticsSeries, {
    nullable: true,
    description:
      'Members of the owning organization (miniprogram:read) or reviewing operators; days in the reporting time zone',
  })
  miniProgramAnalytics(
    @Arg('appId', () => ID) appId: string,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Arg('granularity', () => AnalyticsGranularity, { defaultValue: AnalyticsGranularity.DAY })
    granularity: AnalyticsGranularity | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    // An explicit null (an unset nullable variable) means the default too.
    return this.analytics.series(ctx.principal, appId, from, to, granularity ?? AnalyticsGranularity.DAY);
  }

  @Query(() => AnalyticsBreakdown, {
    nullable: true,
    description: 'As miniProgramAnalytics, grouped by a dimension over the period',
  })
  miniProgramAnalyticsBreakdown(
    @Arg('appId', () => ID) appId: string,
    @Arg('dimension', () => AnalyticsDimension) dimension: AnalyticsDimension,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.analytics.breakdown(ctx.principal, appId, dimension, from, to);
  }

  @Mutation(() => Int, {
    description:
      'platform:configure; records a request to recompute the daily rollups of the period (with its operation log line), runs it now (they are also recomputed for the late window on a timer); answers the (mini-program, day) pairs written',
  })
  recomputeAnalytics(@Arg('from') from: string, @Arg('to') to: string, @Ctx() ctx: SubgraphContext) {
    return this.recomputes.recompute(ctx.principal, from, to);
  }
}
