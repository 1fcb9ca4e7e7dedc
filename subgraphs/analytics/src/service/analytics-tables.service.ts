import { BadUserInputError, offsetPage, Permission, type Principal } from '@grove/platform';
import type { MiniProgramAccess } from '@grove/contracts';
import { RETENTION_OFFSETS, type AnalyticsStore, type DistributionKind } from '../store/analytics-store.port';
import { checkRange } from './analytics-query.service';
import { DISTRIBUTION_BUCKETS } from './distributions';
import { addDays, dayOf } from './reporting-day';

/** FinClip's retention columns: day 1 to 7, 14 and 30 after the cohort day (the cells every day's rollup keeps). */
export { RETENTION_OFFSETS };
/** At most this many cohort days per retention table (9 cells each, read from the rollups). */
export const MAX_RETENTION_COHORT_DAYS = 92;
export const TOP_PAGES_PAGE = { defaultTake: 20, maxTake: 200 };

export type RetentionCohort = 'new' | 'active';

export interface RetentionView {
  appId: string;
  cohort: RetentionCohort;
  from: string;
  to: string;
  timeZone: string;
  offsets: number[];
  rows: Array<{
    cohortDay: string;
    cohortSize: number;
    /** Per offset; null while cohortDay + offset is after today. */
    retained: Array<number | null>;
    rates: Array<number | null>;
  }>;
}

export type TopPagesSort =
  'views' | 'visitors' | 'total_stay' | 'average_stay' | 'entries' | 'exits' | 'page_path';

export interface PageStatisticsView {
  pagePath: string;
  views: number;
  visitors: number;
  totalStayMs: number;
  averageStayMs: number;
  entries: number;
  exits: number;
  exitRate: number;
}

export interface TopPagesView {
  appId: string;
  from: string;
  to: string;
  timeZone: string;
  sort: TopPagesSort;
  totalCount: number;
  rows: PageStatisticsView[];
}

export interface DistributionView {
  appId: string;
  from: string;
  to: string;
  timeZone: string;
  launches: number;
  stay: DistributionRowView[];
  depth: DistributionRowView[];
}

export interface DistributionRowView {
  bucket: string;
  min: number;
  max: number | null;
  launches: number;
  share: number;
}

const SORT_KEYS: Record<Exclude<TopPagesSort, 'page_path'>, (p: PageStatisticsView) => number> = {
  views: (p) => p.views,
  visitors: (p) => p.visitors,
  total_stay: (p) => p.totalStayMs,
  average_stay: (p) => p.averageStayMs,
  entries: (p) => p.entries,
  exits: (p) => p.exits,
};

/**
 * The statistics console's tables beyond series and breakdowns: retention, top pages, launch distributions. All read
 * the daily rollups (ADR 0010 addendum), never raw events; access as the series (miniprogram:read or review).
 */
export class AnalyticsTablesService {
  constructor(
    private readonly store: AnalyticsStore,
    private readonly access: MiniProgramAccess,
    private readonly timeZone: string,
    private readonly now: () => number = Date.now,
  ) {}

  private async app(p: Principal, appId: string): Promise<string> {
    const { app } = await this.access.app(
      p,
      appId,
      Permission.MINIPROGRAM_READ,
      Permission.MINIPROGRAM_REVIEW,
    );
    return app.appId;
  }

  /**
   * For each cohort day of the range, the devices new (or active) that day, and how many of them were active again
   * 1–7, 14 and 30 days later; a day after today is not known yet (null).
   */
  async retention(
    p: Principal,
    appId: string,
    cohort: RetentionCohort,
    from: string,
    to: string,
  ): Promise<RetentionView> {
    const id = await this.app(p, appId);
    const days = checkRange(from, to);
    if (days.length > MAX_RETENTION_COHORT_DAYS)
      throw new BadUserInputError(`At most ${MAX_RETENTION_COHORT_DAYS} cohort days per retention table`, {
        fields: ['from', 'to'],
        reason: 'RANGE_TOO_LONG',
        maxDays: MAX_RETENTION_COHORT_DAYS,
      });
    const today = dayOf(this.now(), this.timeZone);
    const sizes = new Map((await this.store.daily(id, from, to, '')).map((r) => [r.day, r]));
    const cells = new Map(
      (await this.store.retention(id, from, to, RETENTION_OFFSETS)).map((c) => [
        `${c.cohortDay}:${c.offset}`,
        c,
      ]),
    );
    return {
      appId: id,
      cohort,
      from,
      to,
      timeZone: this.timeZone,
      offsets: [...RETENTION_OFFSETS],
      rows: days.map((cohortDay) => {
        const row = sizes.get(cohortDay);
        const cohortSize = (cohort === 'new' ? row?.newUsers : row?.activeUsers) ?? 0;
        const retained = RETENTION_OFFSETS.map((offset) => {
          if (addDays(cohortDay, offset) > today) return null;
          const cell = cells.get(`${cohortDay}:${offset}`);
          return (cohort === 'new' ? cell?.fresh : cell?.active) ?? 0;
        });
        const rates = retained.map((n) => (n === null ? null : cohortSize > 0 ? n / cohortSize : 0));
        return { cohortDay, cohortSize, retained, rates };
      }),
    };
  }

  /** Per page path over the range, sorted by `sort` (most first; path A→Z for page_path and ties), offset-paged. */
  async topPages(
    p: Principal,
    appId: string,
    from: string,
    to: string,
    sort: TopPagesSort = 'views',
    take?: number | null,
    skip?: number | null,
  ): Promise<TopPagesView> {
    const id = await this.app(p, appId);
    checkRange(from, to);
    if (sort !== 'page_path' && !(sort in SORT_KEYS))
      throw new BadUserInputError('Unknown sort key', { field: 'sort' });
    const [pages, visitors] = await Promise.all([
      this.store.pages(id, from, to),
      this.store.distinctDevices(id, from, to, 'page'),
    ]);
    const visitorsOf = new Map(visitors.map((v) => [v.value, v.active]));
    const rows: PageStatisticsView[] = pages.map((r) => ({
      pagePath: r.pagePath,
      views: r.views,
      visitors: visitorsOf.get(r.pagePath) ?? 0,
      totalStayMs: r.stayMs,
      averageStayMs: r.views > 0 ? r.stayMs / r.views : 0,
      entries: r.entries,
      exits: r.exits,
      exitRate: r.views > 0 ? r.exits / r.views : 0,
    }));
    const byPath = (a: PageStatisticsView, b: PageStatisticsView) =>
      a.pagePath < b.pagePath ? -1 : a.pagePath > b.pagePath ? 1 : 0;
    const key = sort === 'page_path' ? undefined : SORT_KEYS[sort];
    rows.sort((a, b) => (key ? key(b) - key(a) : 0) || byPath(a, b));
    return {
      appId: id,
      from,
      to,
      timeZone: this.timeZone,
      sort,
      totalCount: rows.length,
      rows: offsetPage(rows, { take: take ?? undefined, skip: skip ?? undefined }, TOP_PAGES_PAGE),
    };
  }

  /** Launches started in the range by stay and by depth bucket; every bucket listed, zeros included. */
  async distributions(p: Principal, appId: string, from: string, to: string): Promise<DistributionView> {
    const id = await this.app(p, appId);
    checkRange(from, to);
    const counts = new Map(
      (await this.store.buckets(id, from, to)).map((b) => [`${b.kind}:${b.bucket}`, b.launches]),
    );
    const launches = (await this.store.daily(id, from, to, '')).reduce((n, r) => n + r.launches, 0);
    const table = (kind: DistributionKind): DistributionRowView[] =>
      DISTRIBUTION_BUCKETS[kind].map((b) => {
        const n = counts.get(`${kind}:${b.key}`) ?? 0;
        return { bucket: b.key, min: b.min, max: b.max, launches: n, share: launches > 0 ? n / launches : 0 };
      });
    return {
      appId: id,
      from,
      to,
      timeZone: this.timeZone,
      launches,
      stay: table('stay'),
      depth: table('depth'),
    };
  }
}
