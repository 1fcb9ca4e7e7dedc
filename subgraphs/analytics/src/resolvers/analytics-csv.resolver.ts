import { FieldResolver, Resolver, Root } from 'type-graphql';
import {
  breakdownCsv,
  distributionsCsv,
  grayComparisonCsv,
  retentionCsv,
  seriesCsv,
  topPagesCsv,
} from '../csv/analytics-tables.csv';
import type { BreakdownView, SeriesView } from '../service/analytics-query.service';
import type { DistributionView, RetentionView, TopPagesView } from '../service/analytics-tables.service';
import type { ReleasePlanStatisticsView } from '../service/release-plan-statistics.service';
import { AnalyticsBreakdown, AnalyticsSeries } from '../schema/analytics.types';
import { LaunchDistributions, RetentionTable, TopPages } from '../schema/analytics-tables.types';
import { ReleasePlanStatistics } from '../schema/release-plan-statistics.types';

/**
 * `csv` on every statistics table: the rows the query answered, rendered by the one CSV renderer (csv/table-csv.ts).
 * The parent was read under the query's own authorization, so these resolvers read nothing more.
 */
const CSV = (what: string) => ({
  description: `${what} as CSV (RFC 4180, header row, CRLF; cells starting with = + - @ are prefixed with ' against formula injection)`,
});

@Resolver(() => AnalyticsSeries)
export class SeriesCsvResolver {
  @FieldResolver(() => String, CSV('The buckets, then a total row'))
  csv(@Root() view: SeriesView): string {
    return seriesCsv(view);
  }
}

@Resolver(() => AnalyticsBreakdown)
export class BreakdownCsvResolver {
  @FieldResolver(() => String, CSV('The rows'))
  csv(@Root() view: BreakdownView): string {
    return breakdownCsv(view);
  }
}

@Resolver(() => TopPages)
export class TopPagesCsvResolver {
  @FieldResolver(() => String, CSV('The rows of this page (take / skip)'))
  csv(@Root() view: TopPagesView): string {
    return topPagesCsv(view);
  }
}

@Resolver(() => RetentionTable)
export class RetentionCsvResolver {
  @FieldResolver(() => String, CSV('One row per cohort day: day_N retained users, then day_N_rate'))
  csv(@Root() view: RetentionView): string {
    return retentionCsv(view);
  }
}

@Resolver(() => LaunchDistributions)
export class DistributionsCsvResolver {
  @FieldResolver(() => String, CSV('The stay buckets, then the depth buckets'))
  csv(@Root() view: DistributionView): string {
    return distributionsCsv(view);
  }
}

@Resolver(() => ReleasePlanStatistics)
export class GrayComparisonCsvResolver {
  @FieldResolver(() => String, CSV('One row per day and cohort (gray, released), then the two total rows'))
  csv(@Root() view: ReleasePlanStatisticsView): string {
    return grayComparisonCsv(view);
  }
}

export const CSV_RESOLVERS = [
  SeriesCsvResolver,
  BreakdownCsvResolver,
  TopPagesCsvResolver,
  RetentionCsvResolver,
  DistributionsCsvResolver,
  GrayComparisonCsvResolver,
] as const;
