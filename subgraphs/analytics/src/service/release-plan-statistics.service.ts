import { BadUserInputError, NotFoundError, Permission, requireUser, type Principal } from '@grove/platform';
import type { MiniProgramAccess } from '@grove/contracts';
import type { PlanMark, ReleasePlanProjection } from '../projection/release-plan.projection';
import type { AnalyticsStore } from '../store/analytics-store.port';
import {
  cohortsOf,
  planStatistics,
  type Cohort,
  type CohortCounts,
  type GrayDimension,
} from './gray-attribution';
import { addDays, DAY_PATTERN, dayOf, daysBetween } from './reporting-day';

/** A plan's statistics are computed on read from raw events and exposures: at most this many days per query. */
export const MAX_PLAN_STATISTICS_DAYS = 92;
/** Rows of one breakdown: `take` defaults to 20 and may be at most 100. */
export const BREAKDOWN_PAGE = { defaultTake: 20, maxTake: 100 };

export interface CohortMetricsView {
  devicesExposed: number | null;
  activeUsers: number;
  launches: number;
  pageViews: number;
  jsErrors: number;
  crashes: number;
  totalStayMs: number;
  averageStayMs: number;
  /** JS errors per launch. */
  errorRate: number;
  /** Crashes per launch. */
  crashRate: number;
}

export interface CohortComparisonView {
  gray: CohortMetricsView;
  released: CohortMetricsView;
  /** gray − released: positive means the gray version errs more per launch. */
  errorRateDelta: number;
  crashRateDelta: number;
  averageStayMsDelta: number;
}

export interface ReleasePlanStatisticsView {
  planId: string;
  appId: string;
  grayVersionId: string;
  state: string;
  percentage: number;
  from: string;
  to: string;
  timeZone: string;
  total: CohortComparisonView;
  days: Array<{ day: string; comparison: CohortComparisonView }>;
  marks: PlanMark[];
}

export interface ReleasePlanBreakdownView {
  planId: string;
  dimension: GrayDimension;
  from: string;
  to: string;
  timeZone: string;
  /** Most active devices first, at most `take`. */
  rows: Array<{ value: string; comparison: CohortComparisonView }>;
}

export interface PlanStatisticsSettings {
  timeZone: string;
  sessionGapMs: number;
}

function view(c: CohortCounts): CohortMetricsView {
  const per = (n: number) => (c.launches > 0 ? n / c.launches : 0);
  return {
    devicesExposed: c.devicesExposed,
    activeUsers: c.activeUsers,
    launches: c.launches,
    pageViews: c.pageViews,
    jsErrors: c.jsErrors,
    crashes: c.crashes,
    totalStayMs: c.stayMs,
    averageStayMs: per(c.stayMs),
    errorRate: per(c.jsErrors),
    crashRate: per(c.crashes),
  };
}

function compare(counts: Record<Cohort, CohortCounts>): CohortComparisonView {
  const gray = view(counts.gray);
  const released = view(counts.released);
  return {
    gray,
    released,
    errorRateDelta: gray.errorRate - released.errorRate,
    crashRateDelta: gray.crashRate - released.crashRate,
    averageStayMsDelta: gray.averageStayMs - released.averageStayMs,
  };
}

/**
 * Gray-release statistics (app-gray-statistics-center): per release plan, the gray version against the released one
 * over the same days, attributed through the runtime's exposure record (ADR 0012). Members of the plan's organization
 * (miniprogram:read) and reviewing operators; the plan id is resolved through this subgraph's projection of
 * rule-engine's events and its mini-program through the ownership projection — an id alone proves nothing.
 */
export class ReleasePlanStatisticsService {
  constructor(
    private readonly store: AnalyticsStore,
    private readonly plans: ReleasePlanProjection,
    private readonly access: MiniProgramAccess,
    private readonly settings: PlanStatisticsSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** The plan, once the caller may read it (NOT_FOUND for unknown plans and another organization's alike). */
  private async readablePlan(p: Principal, planId: string) {
    requireUser(p);
    if (typeof planId !== 'string' || planId.length === 0 || planId.length > 100)
      throw new BadUserInputError('planId is not a release plan id', { field: 'planId' });
    const plan = await this.plans.get(planId);
    if (!plan) throw new NotFoundError('Release plan not found');
    const { app } = await this.access.app(
      p,
      plan.appId,
      Permission.MINIPROGRAM_READ,
      Permission.MINIPROGRAM_REVIEW,
    );
    if (app.orgId !== plan.orgId) throw new NotFoundError('Release plan not found');
    return plan;
  }

  /** Entity reference (`ReleasePlan.statistics`): the plan id for callers who may read it, null for others. */
  async reference(p: Principal, planId: string): Promise<{ id: string } | null> {
    return this.readablePlan(p, planId).then(
      (plan) => ({ id: plan.planId }),
      () => null,
    );
  }

  /** `from` defaults to the plan's first mark's day, `to` to today (reporting time zone). */
  async forPlan(
    p: Principal,
    planId: string,
    from?: string | null,
    to?: string | null,
  ): Promise<ReleasePlanStatisticsView> {
    const { plan, marks, start, end, counts } = await this.compute(p, planId, from, to);
    return {
      planId: plan.planId,
      appId: plan.appId,
      grayVersionId: plan.grayVersionId,
      state: plan.state,
      percentage: plan.percentage,
      from: start,
      to: end,
      timeZone: this.settings.timeZone,
      total: compare(counts.total),
      days: counts.days.map(({ day, ...c }) => ({ day, comparison: compare(c) })),
      marks,
    };
  }

  /** One breakdown (region or terminal) of the same comparison, most active devices first, `take` rows at most. */
  async breakdown(
    p: Principal,
    planId: string,
    dimension: GrayDimension,
    from?: string | null,
    to?: string | null,
    take: number = BREAKDOWN_PAGE.defaultTake,
  ): Promise<ReleasePlanBreakdownView> {
    if (!Number.isInteger(take) || take < 1 || take > BREAKDOWN_PAGE.maxTake) {
      throw new BadUserInputError(`take must be between 1 and ${BREAKDOWN_PAGE.maxTake}`, {
        field: 'take',
        max: BREAKDOWN_PAGE.maxTake,
      });
    }
    const { plan, start, end, counts } = await this.compute(p, planId, from, to);
    const rows = counts.breakdowns.find((b) => b.dimension === dimension)?.rows ?? [];
    return {
      planId: plan.planId,
      dimension,
      from: start,
      to: end,
      timeZone: this.settings.timeZone,
      rows: rows.slice(0, take).map(({ value, ...c }) => ({ value, comparison: compare(c) })),
    };
  }

  private async compute(p: Principal, planId: string, from?: string | null, to?: string | null) {
    const plan = await this.readablePlan(p, planId);
    const marks = await this.plans.timeline(plan.planId);
    const today = dayOf(this.now(), this.settings.timeZone);
    const first = marks[0] ? dayOf(Date.parse(marks[0].at), this.settings.timeZone) : today;
    const end = to ?? today;
    const start = from ?? (first < end ? first : end);
    const days = checkRange(start, end);
    const window = daysBetween(addDays(start, -1), addDays(end, 1));
    const [exposures, events] = await Promise.all([
      this.store.exposures(plan.appId, days),
      this.store.events(plan.appId, window),
    ]);
    const counts = planStatistics(
      days,
      events,
      cohortsOf(plan.planId, plan.grayVersionId, exposures),
      this.settings.sessionGapMs,
    );
    return { plan, marks, start, end, counts };
  }
}

function checkRange(from: string, to: string): string[] {
  if (
    !DAY_PATTERN.test(from) ||
    !DAY_PATTERN.test(to) ||
    Number.isNaN(Date.parse(from)) ||
    Number.isNaN(Date.parse(to))
  ) {
    throw new BadUserInputError('from and to are days as YYYY-MM-DD', { fields: ['from', 'to'] });
  }
  if (from > to) throw new BadUserInputError('from must not be after to', { fields: ['from', 'to'] });
  const days = daysBetween(from, to);
  if (days.length > MAX_PLAN_STATISTICS_DAYS)
    throw new BadUserInputError(`At most ${MAX_PLAN_STATISTICS_DAYS} days per plan statistics query`, {
      fields: ['from', 'to'],
    });
  return days;
}
