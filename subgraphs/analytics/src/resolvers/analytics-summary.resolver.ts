import type { SubgraphContext } from '@grove/platform';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AnalyticsSummaryService } from '../service/analytics-summary.service';
import { AnalyticsSummary, MiniProgram, Organization } from '../schema/analytics-tables.types';

const READERS =
  'Members of the owning organization (miniprogram:read) or reviewing operators; days as YYYY-MM-DD in the reporting time zone, at most 366';

@Resolver(() => MiniProgram)
export class MiniProgramStatisticsResolver {
  constructor(private readonly summaries: AnalyticsSummaryService) {}

  @FieldResolver(() => AnalyticsSummary, {
    nullable: true,
    description: `As miniProgramAnalytics(appId: id).total over the period; ${READERS}`,
  })
  statistics(
    @Root() app: MiniProgram,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.summaries.forMiniProgram(ctx.principal, app.id, from, to);
  }
}

@Resolver(() => Organization)
export class OrganizationStatisticsResolver {
  constructor(private readonly summaries: AnalyticsSummaryService) {}

  @FieldResolver(() => AnalyticsSummary, {
    nullable: true,
    description: `Every mini-program of the organization over the period; ${READERS}`,
  })
  statistics(
    @Root() org: Organization,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.summaries.forOrganization(ctx.principal, org.id, from, to);
  }
}
