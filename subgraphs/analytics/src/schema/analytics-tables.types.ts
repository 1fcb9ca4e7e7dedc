import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AnalyticsMetrics } from './analytics.types';

const USER =
  "A user is a device (the SDK's device id), as for newUsers and activeUsers: new on the day of its first event for the mini-program, active on every day it sent any event";

export enum RetentionCohort {
  NEW = 'new',
  ACTIVE = 'active',
}
registerEnumType(RetentionCohort, {
  name: 'RetentionCohort',
  description: 'Whose return a retention table follows',
  valuesConfig: {
    NEW: { description: 'The users new on the cohort day' },
    ACTIVE: { description: 'The users active on the cohort day' },
  },
});

@ObjectType()
export class RetentionRow {
  @Field({ description: 'YYYY-MM-DD in the reporting time zone' })
  cohortDay!: string;

  @Field(() => Int, { description: 'Users new (or active) on the cohort day, distinct' })
  cohortSize!: number;

  @Field(() => [Int], {
    nullable: 'items',
    description:
      'Per offset (in the order of RetentionTable.offsets): users of the cohort active again on cohortDay + offset; null while that day is after today',
  })
  retained!: Array<number | null>;

  @Field(() => [Float], {
    nullable: 'items',
    description: 'retained / cohortSize per offset (0 for an empty cohort, null where retained is null)',
  })
  rates!: Array<number | null>;
}

@ObjectType({
  description: `FinClip's retention table: cohort day × day N (one scalar list per row, so a 92-day table is one cheap read). ${USER}. Counted from the daily device rollups; every cell is a distinct count of its own (cells are never summed)`,
})
export class RetentionTable {
  @Field(() => ID)
  appId!: string;

  @Field(() => RetentionCohort)
  cohort!: RetentionCohort;

  @Field({ description: 'First cohort day' })
  from!: string;

  @Field({ description: 'Last cohort day' })
  to!: string;

  @Field()
  timeZone!: string;

  @Field(() => [Int], { description: 'The offsets of every row: 1 to 7, 14 and 30' })
  offsets!: number[];

  @Field(() => [RetentionRow], { description: 'Every cohort day of the range, in order' })
  rows!: RetentionRow[];
}

export enum TopPagesSort {
  VIEWS = 'views',
  VISITORS = 'visitors',
  TOTAL_STAY = 'total_stay',
  AVERAGE_STAY = 'average_stay',
  ENTRIES = 'entries',
  EXITS = 'exits',
  PAGE_PATH = 'page_path',
}
registerEnumType(TopPagesSort, {
  name: 'TopPagesSort',
  description: 'Order of a top-pages table: the largest first (PAGE_PATH: A to Z); ties by page path A to Z',
});

@ObjectType()
export class PageStatistics {
  @Field({ description: "The page path the SDK reported ('unknown' without one)" })
  pagePath!: string;

  @Field(() => Int, { description: 'page_show events' })
  views!: number;

  @Field(() => Int, {
    description: `Distinct users who viewed the page, distinct over the whole period (not a sum of days). ${USER}`,
  })
  visitors!: number;

  @Field(() => Float, { description: 'Sum of the durations the page_hide events of the page reported, ms' })
  totalStayMs!: number;

  @Field(() => Float, { description: 'totalStayMs / views (0 without views)' })
  averageStayMs!: number;

  @Field(() => Int, {
    description: 'Launches whose first page this was (counted on the day the launch started)',
  })
  entries!: number;

  @Field(() => Int, {
    description: 'Launches whose last page this was (counted on the day the launch started)',
  })
  exits!: number;

  @Field(() => Float, { description: 'exits / views (0 without views)' })
  exitRate!: number;
}

@ObjectType({ description: 'Per-page statistics of one mini-program over a period' })
export class TopPages {
  @Field(() => ID)
  appId!: string;

  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field()
  timeZone!: string;

  @Field(() => TopPagesSort)
  sort!: TopPagesSort;

  @Field(() => Int, {
    description: 'Pages with any number in the period (every page, not only this page of rows)',
  })
  totalCount!: number;

  @Field(() => [PageStatistics])
  rows!: PageStatistics[];
}

@ObjectType()
export class DistributionBucket {
  @Field({ description: "The bucket's label ('0-2s', '1-3min', '>30min'; '1', '6-10', '>20')" })
  bucket!: string;

  @Field(() => Int, { description: 'Lowest value in the bucket: whole seconds (stay) or pages (depth)' })
  min!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Highest value in the bucket; null for the last (no bound)',
  })
  max?: number | null;

  @Field(() => Int)
  launches!: number;

  @Field(() => Float, { description: 'launches / all launches of the period (0 without launches)' })
  share!: number;
}

@ObjectType({
  description:
    'Launches of a period by stay (foreground time of the launch, whole seconds, floored) and by depth (pages shown in the launch); each launch counts on the day it started; the buckets of each kind add up to launches',
})
export class LaunchDistributions {
  @Field(() => ID)
  appId!: string;

  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field()
  timeZone!: string;

  @Field(() => Int, { description: 'Launches of the period (as AnalyticsMetrics.launches)' })
  launches!: number;

  @Field(() => [DistributionBucket], {
    description: '0-2s, 3-5s, 6-10s, 11-30s, 31-60s, 1-3min, 3-10min, 10-30min, >30min',
  })
  stay!: DistributionBucket[];

  @Field(() => [DistributionBucket], { description: '0 (no page), 1, 2, 3, 4, 5, 6-10, 11-20, >20' })
  depth!: DistributionBucket[];
}

/** app-manage's MiniProgram entity (key `id`); this subgraph contributes `statistics` to it. */
@Directive('@key(fields: "id")')
@ObjectType()
export class MiniProgram {
  @Field(() => ID)
  id!: string;
}

/** account's Organization entity (key `id`); this subgraph contributes `statistics` to it. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Organization {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: 'Summary numbers of a mini-program or of an organization over a period' })
export class AnalyticsSummary {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field()
  timeZone!: string;

  @Field(() => Int, {
    description:
      'Mini-programs counted: 1 for a mini-program; for an organization every one it owns or owned (deleted ones too)',
  })
  miniPrograms!: number;

  @Field(() => AnalyticsMetrics, {
    description:
      "Sums over the period and the mini-programs. activeUsers: devices distinct over the period and across the organization's mini-programs (a device in two of them is one); newUsers: the sum of each mini-program's new devices (a device new to two of them counts twice)",
  })
  metrics!: AnalyticsMetrics;
}
