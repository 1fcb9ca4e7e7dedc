import { takeArgDescription, type SubgraphContext } from '@grove/platform';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import {
  MAX_RETENTION_COHORT_DAYS,
  TOP_PAGES_PAGE,
  type AnalyticsTablesService,
} from '../service/analytics-tables.service';
import {
  LaunchDistributions,
  RetentionCohort,
  RetentionTable,
  TopPages,
  TopPagesSort,
} from '../schema/analytics-tables.types';

const ACCESS =
  'Members of the owning organization (miniprogram:read) or reviewing operators; days as YYYY-MM-DD in the reporting time zone';

/** The SDL default is the enum's name (VIEWS), not its value; an explicit null means the default too. */
const enumValue = <T extends string>(value: T | null | undefined, fallback: T): T =>
  String(value ?? fallback).toLowerCase() as T;

@Resolver()
export class AnalyticsTablesResolver {
  constructor(private readonly tables: AnalyticsTablesService) {}

  @Query(() => RetentionTable, {
    nullable: true,
    description: `${ACCESS}; from / to are cohort days, at most ${MAX_RETENTION_COHORT_DAYS} (else BAD_USER_INPUT, reason RANGE_TOO_LONG)`,
  })
  miniProgramRetention(
    @Arg('appId', () => ID) appId: string,
    @Arg('cohort', () => RetentionCohort, { defaultValue: RetentionCohort.NEW })
    cohort: RetentionCohort | null,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.tables.retention(ctx.principal, appId, enumValue(cohort, RetentionCohort.NEW), from, to);
  }

  @Query(() => TopPages, {
    nullable: true,
    description: `${ACCESS}; per page path over the period, sorted by sort and paged by take / skip`,
  })
  miniProgramTopPages(
    @Arg('appId', () => ID) appId: string,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('sort', () => TopPagesSort, { defaultValue: TopPagesSort.VIEWS }) sort: TopPagesSort | null,
    @Arg('take', () => Int, {
      defaultValue: TOP_PAGES_PAGE.defaultTake,
      description: takeArgDescription(TOP_PAGES_PAGE.maxTake),
    })
    take: number | null,
    @Arg('skip', () => Int, { defaultValue: 0, description: 'Rows to skip before the page' })
    skip: number | null,
  ) {
    return this.tables.topPages(
      ctx.principal,
      appId,
      from,
      to,
      enumValue(sort, TopPagesSort.VIEWS),
      take,
      skip,
    );
  }

  @Query(() => LaunchDistributions, {
    nullable: true,
    description: `${ACCESS}; launches by stay and depth bucket over the period`,
  })
  miniProgramLaunchDistributions(
    @Arg('appId', () => ID) appId: string,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.tables.distributions(ctx.principal, appId, from, to);
  }
}
