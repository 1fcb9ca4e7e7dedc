export {
  createAnalyticsSubgraph,
  createAnalyticsSubgraphFromEnv,
  ANALYTICS_OWNERSHIP_GROUP,
  ANALYTICS_RELEASE_PLANS_GROUP,
  ANALYTICS_SUBGRAPH_NAME,
  type AnalyticsDeps,
  type AnalyticsSubgraph,
} from './analytics.subgraph';
export {
  analyticsEnvSchema,
  analyticsEnvShape,
  analyticsSettingsFromConfig,
  defaultAnalyticsSettings,
  DEFAULT_REPORTING_TIME_ZONE,
  type AnalyticsConfig,
  type AnalyticsSettings,
} from './config';
export { ANALYTICS_CONSUMER_GROUP, AnalyticsPipeline } from './service/analytics-pipeline.service';
export {
  AnalyticsQueryService,
  MAX_QUERY_DAYS,
  type BreakdownView,
  type MetricsView,
  type SeriesView,
} from './service/analytics-query.service';
export { AnalyticsMetrics, type DropReason } from './service/clean-metrics';
export { cleanReport, type CleanerSettings, type CleanedReport } from './service/event-cleaner';
export { computeDay, sessionsOf } from './service/daily-rollup';
export { addDays, dayOf, dayStart, daysBetween } from './service/reporting-day';
export { AnalyticsMiniProgramModel } from './projection/analytics-mini-program.model';
export type { AnalyticsStore, CleanEvent, DailyRow, Dimension } from './store/analytics-store.port';
export { ANALYTICS_EXPOSURES_GROUP, ExposureIngest } from './service/exposure-ingest.service';
export { cohortsOf, planStatistics, type Cohort, type GrayDimension } from './service/gray-attribution';
export {
  ReleasePlanStatisticsService,
  MAX_PLAN_STATISTICS_DAYS,
  type ReleasePlanStatisticsView,
} from './service/release-plan-statistics.service';
export { ReleasePlanProjection } from './projection/release-plan.projection';
export type { ExposureRow } from './store/analytics-store.port';
export { SqliteAnalyticsStore } from './store/sqlite-analytics.store';
export { PostgresAnalyticsStore } from './store/postgres-analytics.store';
export { RETENTION_OFFSETS } from './service/analytics-tables.service';
