import 'reflect-metadata';
import { MiniProgramAccess, MiniProgramOwnershipProjection } from '@grove/contracts';
import {
  buildSubgraph,
  loadConfig,
  type EnvSource,
  type PlatformRuntime,
  type SubgraphModule,
} from '@grove/platform';
import {
  analyticsEnvSchema,
  analyticsSettingsFromConfig,
  defaultAnalyticsSettings,
  type AnalyticsSettings,
} from './config';
import { AnalyticsMiniProgramModel } from './projection/analytics-mini-program.model';
import { AnalyticsResolver } from './resolvers/analytics.resolver';
import { AnalyticsTablesResolver } from './resolvers/analytics-tables.resolver';
import { CSV_RESOLVERS } from './resolvers/analytics-csv.resolver';
import { AnalyticsTablesService } from './service/analytics-tables.service';
import { AnalyticsSummaryService } from './service/analytics-summary.service';
import {
  MiniProgramStatisticsResolver,
  OrganizationStatisticsResolver,
} from './resolvers/analytics-summary.resolver';
import { MiniProgram, Organization } from './schema/analytics-tables.types';
import { CustomEventResolver } from './resolvers/custom-event.resolver';
import { PlatformOverviewResolver } from './resolvers/platform-overview.resolver';
import { PlatformOverviewProjection } from './platform-overview/platform-overview.projection';
import { PlatformOverviewService } from './platform-overview/platform-overview.service';
import { CustomEventService } from './service/custom-event.service';
import { CustomEventStore } from './store/custom-event.store';
import { AnalyticsPipeline } from './service/analytics-pipeline.service';
import { AnalyticsQueryService } from './service/analytics-query.service';
import { AnalyticsRecomputeService } from './service/analytics-recompute.service';
import { RecomputeRequestStore } from './store/recompute-request.store';
import { AnalyticsMetrics } from './service/clean-metrics';
import { createAnalyticsStore } from './store/analytics-store.factory';
import { createOperationLogStore } from './operation-log/operation-log-store.factory';
import { OperationLogResolver } from './operation-log/operation-log.resolver';
import { OperationLogService } from './operation-log/operation-log.service';
import type { OperationLogStore } from './operation-log/operation-log-store.port';
import type { AnalyticsStore } from './store/analytics-store.port';
import { ReleasePlanProjection } from './projection/release-plan.projection';
import { ReleasePlanStatisticsResolver } from './resolvers/release-plan-statistics.resolver';
import { ReleasePlan } from './schema/release-plan-statistics.types';
import { ExposureIngest } from './service/exposure-ingest.service';
import { ReleasePlanStatisticsService } from './service/release-plan-statistics.service';

export const ANALYTICS_SUBGRAPH_NAME = 'analytics';
/** Consumer group of this subgraph on app-manage's mini-program events (ownership projection). */
export const ANALYTICS_OWNERSHIP_GROUP = 'analytics-ownership';
/** Consumer group of the platform overview on account's organization and app-manage's mini-program and host-app events. */
export const ANALYTICS_PLATFORM_GROUP = 'analytics-platform';
/** Consumer group of this subgraph on rule-engine's events (release-plan projection and timeline). */
export const ANALYTICS_RELEASE_PLANS_GROUP = 'analytics-release-plans';

export interface AnalyticsDeps {
  settings?: Partial<AnalyticsSettings>;
  /** Clock of the rollup window (tests). */
  now?: () => number;
}

export interface AnalyticsSubgraph extends SubgraphModule {
  services: {
    queries: AnalyticsQueryService;
    recomputes: AnalyticsRecomputeService;
    tables: AnalyticsTablesService;
    summaries: AnalyticsSummaryService;
    customEvents: CustomEventService;
    pipeline: AnalyticsPipeline;
    store: AnalyticsStore;
    metrics: AnalyticsMetrics;
    miniPrograms: MiniProgramOwnershipProjection;
    platform: PlatformOverviewProjection;
    overview: PlatformOverviewService;
    releasePlans: ReleasePlanProjection;
    planStatistics: ReleasePlanStatisticsService;
    exposures: ExposureIngest;
  } & OperationLogServices;
  close(): Promise<void>;
}

/** Assembles the analytics subgraph: the raw-report consumer (data-clean), the rollup timer (data-static), the queries. */
export async function createAnalyticsSubgraph(
  runtime: PlatformRuntime,
  deps: AnalyticsDeps = {},
): Promise<AnalyticsSubgraph> {
  const storeDriver =
    deps.settings?.storeDriver ?? (runtime.config.DOCUMENTS_DRIVER === 'postgres' ? 'postgres' : 'sqlite');
  const settings: AnalyticsSettings = {
    ...defaultAnalyticsSettings,
    storeDriver,
    ...stripUndefined(deps.settings ?? {}),
  };
  const logger = runtime.logger.child({ subgraph: ANALYTICS_SUBGRAPH_NAME });

  const store = await createAnalyticsStore(settings.storeDriver, runtime.config, {
    postgresSchema: settings.postgresSchema,
  });
  const metrics = new AnalyticsMetrics();
  const projection = new MiniProgramOwnershipProjection(runtime.documents, AnalyticsMiniProgramModel);
  const access = new MiniProgramAccess(projection);
  // Changes commit with their operation log line in a unit of work of this outbox (ADR 0013).
  const outbox = runtime.outbox(ANALYTICS_SUBGRAPH_NAME);
  const customEvents = new CustomEventService(new CustomEventStore(runtime.documents), access, outbox);
  const pipeline = new AnalyticsPipeline(
    store,
    settings,
    metrics,
    logger.child({ component: 'pipeline' }),
    customEvents,
    deps.now,
  );
  const queries = new AnalyticsQueryService(store, access, settings.timeZone);
  const recomputes = new AnalyticsRecomputeService(
    new RecomputeRequestStore(runtime.documents),
    pipeline,
    outbox,
    deps.now,
  );
  const tables = new AnalyticsTablesService(store, access, settings.timeZone, deps.now);
  const summaries = new AnalyticsSummaryService(store, access, runtime.documents, settings.timeZone);
  const platform = new PlatformOverviewProjection(
    runtime.documents,
    settings.timeZone,
    logger.child({ component: 'platform-overview' }),
  );
  const overview = new PlatformOverviewService(runtime.documents, store, settings.timeZone);
  // Gray-release statistics (ADR 0012): the runtime's exposure record, rule-engine's plans and their timeline.
  const releasePlans = new ReleasePlanProjection(runtime.documents);
  const planStatistics = new ReleasePlanStatisticsService(store, releasePlans, access, settings, deps.now);
  const exposures = new ExposureIngest(store, settings.timeZone, logger.child({ component: 'exposures' }));
  const operationLogStore = await createOperationLogStore(settings.storeDriver, runtime.config, {
    postgresSchema: settings.postgresSchema,
  });
  const operationLogSettings = {
    retentionDays: settings.operationLogRetentionDays,
    pruneIntervalMs: settings.operationLogPruneIntervalMs,
  };
  const operationLog = new OperationLogService(
    operationLogStore,
    operationLogSettings,
    logger.child({ component: 'operation-log' }),
    deps.now,
  );

  const module = await buildSubgraph({
    name: ANALYTICS_SUBGRAPH_NAME,
    operationLog: outbox,
    resolvers: [
      AnalyticsResolver,
      AnalyticsTablesResolver,
      MiniProgramStatisticsResolver,
      OrganizationStatisticsResolver,
      CustomEventResolver,
      PlatformOverviewResolver,
      ReleasePlanStatisticsResolver,
      OperationLogResolver,
      ...CSV_RESOLVERS,
    ],
    instances: [
      new AnalyticsResolver(queries, recomputes),
      new AnalyticsTablesResolver(tables),
      new MiniProgramStatisticsResolver(summaries),
      new OrganizationStatisticsResolver(summaries),
      new CustomEventResolver(customEvents),
      new PlatformOverviewResolver(overview),
      new ReleasePlanStatisticsResolver(planStatistics),
      new OperationLogResolver(operationLog),
      ...CSV_RESOLVERS.map((Csv) => new Csv()),
    ],
    orphanedTypes: [ReleasePlan, MiniProgram, Organization],
    batchReferenceResolvers: {
      MiniProgram: (refs, ctx) =>
        Promise.all(refs.map((ref) => summaries.miniProgramReference(ctx.principal, String(ref.id)))),
      Organization: (refs, ctx) =>
        Promise.all(refs.map((ref) => summaries.organizationReference(ctx.principal, String(ref.id)))),
      ReleasePlan: (refs, ctx) =>
        Promise.all(refs.map((ref) => planStatistics.reference(ctx.principal, String(ref.id)))),
    },
  });

  const ownership = await projection.subscribe(
    runtime.events,
    runtime.kv,
    ANALYTICS_OWNERSHIP_GROUP,
    logger.child({ component: 'projection' }),
  );
  const platformEvents = await platform.subscribe(runtime.events, runtime.kv, ANALYTICS_PLATFORM_GROUP);
  const reports = await pipeline.consume(runtime.events);
  const planEvents = await releasePlans.subscribe(
    runtime.events,
    runtime.kv,
    ANALYTICS_RELEASE_PLANS_GROUP,
    logger.child({ component: 'release-plans' }),
  );
  const exposureBatches = await exposures.consume(runtime.events);
  pipeline.start();
  const operationLines = await operationLog.consume(runtime.events);
  operationLog.start();

  return {
    ...module,
    services: {
      queries,
      recomputes,
      tables,
      summaries,
      customEvents,
      pipeline,
      store,
      metrics,
      miniPrograms: projection,
      platform,
      overview,
      releasePlans,
      planStatistics,
      exposures,
      operationLog,
      operationLogStore,
    },
    metrics: () => metrics.registry.metrics(),
    ready: async () => {
      await store.ping();
      await operationLogStore.ping();
    },
    close: async () => {
      await operationLines.close();
      operationLog.stop();
      await reports.close();
      await exposureBatches.close();
      await planEvents.close();
      await ownership.close();
      await platformEvents.close();
      await pipeline.stop();
      await store.close();
      await operationLogStore.close();
    },
  };
}

/** The operation log (ADR 0013): the store and the service that consumes `operations.log` and answers operationLog. */
interface OperationLogServices {
  operationLog: OperationLogService;
  operationLogStore: OperationLogStore;
}

/** The router's registry entry: settings from the environment (same variables as the standalone service). */
export function createAnalyticsSubgraphFromEnv(
  runtime: PlatformRuntime,
  env: EnvSource,
): Promise<AnalyticsSubgraph> {
  return createAnalyticsSubgraph(runtime, {
    settings: analyticsSettingsFromConfig(loadConfig(analyticsEnvSchema, env)),
  });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
