import { Permission, requireOperatorPermission, type DocumentStore, type Principal } from '@grove/platform';
import type { AnalyticsStore } from '../store/analytics-store.port';
import { checkRange } from '../service/analytics-query.service';
import { PlatformCounterModel } from './platform-overview.models';
import { PlatformMetric } from './platform-overview.projection';

export interface PlatformTotals {
  /** Approved organizations (frozen ones included). */
  organizations: number;
  organizationsFrozen: number;
  /** Created and not deleted. */
  miniPrograms: number;
  /** With a published version, not frozen, not deleted. */
  miniProgramsOnline: number;
  hostApps: number;
}

export interface PlatformDayView extends PlatformTotals {
  day: string;
  organizationsApproved: number;
  miniProgramsCreated: number;
  hostAppsCreated: number;
  /** Distinct devices of the day across every mini-program. */
  activeDevices: number;
  launches: number;
}

export interface PlatformOverviewView {
  from: string;
  to: string;
  timeZone: string;
  days: PlatformDayView[];
  /** Totals at the end of the period. */
  totals: PlatformTotals;
  organizationsApproved: number;
  miniProgramsCreated: number;
  hostAppsCreated: number;
  /** Distinct over the whole period (not a sum of days). */
  activeDevices: number;
  launches: number;
}

/** The operators' platform overview (app-spider): owner counts per day from events, usage from the rollups. */
export class PlatformOverviewService {
  constructor(
    private readonly documents: DocumentStore,
    private readonly store: AnalyticsStore,
    private readonly timeZone: string,
  ) {}

  async overview(p: Principal, from: string, to: string): Promise<PlatformOverviewView> {
    requireOperatorPermission(p, Permission.ORG_READ_ANY);
    const days = checkRange(from, to);
    // Changes up to the end of the range: a total at a day is the sum of every change up to it (days × 7 rows at most).
    const changes = await this.documents
      .collection(PlatformCounterModel)
      .find({ day: { $lte: to } }, { sort: { day: 1, metric: 1 } });
    const [usage, activeDevices] = await Promise.all([
      this.store.platformDaily(from, to),
      this.store.platformDistinctDevices(from, to),
    ]);
    const usageByDay = new Map(usage.map((u) => [u.day, u]));

    const running = new Map<string, number>();
    const onDay = new Map<string, Map<string, number>>();
    for (const c of changes) {
      if (c.day < from) running.set(c.metric, (running.get(c.metric) ?? 0) + c.delta);
      else onDay.set(c.day, (onDay.get(c.day) ?? new Map()).set(c.metric, c.delta));
    }
    const total = (metric: PlatformMetric) => running.get(metric) ?? 0;
    const totals = (): PlatformTotals => ({
      organizations: total(PlatformMetric.ORGANIZATIONS_APPROVED),
      organizationsFrozen: total(PlatformMetric.ORGANIZATIONS_FROZEN),
      miniPrograms: total(PlatformMetric.MINI_PROGRAMS_CREATED) - total(PlatformMetric.MINI_PROGRAMS_DELETED),
      miniProgramsOnline: total(PlatformMetric.MINI_PROGRAMS_ONLINE),
      hostApps: total(PlatformMetric.HOST_APPS_CREATED) - total(PlatformMetric.HOST_APPS_DELETED),
    });

    const view: PlatformOverviewView = {
      from,
      to,
      timeZone: this.timeZone,
      days: [],
      totals: totals(),
      organizationsApproved: 0,
      miniProgramsCreated: 0,
      hostAppsCreated: 0,
      activeDevices,
      launches: 0,
    };
    for (const day of days) {
      const today = onDay.get(day) ?? new Map<string, number>();
      for (const [metric, delta] of today) running.set(metric, (running.get(metric) ?? 0) + delta);
      const row: PlatformDayView = {
        day,
        ...totals(),
        organizationsApproved: today.get(PlatformMetric.ORGANIZATIONS_APPROVED) ?? 0,
        miniProgramsCreated: today.get(PlatformMetric.MINI_PROGRAMS_CREATED) ?? 0,
        hostAppsCreated: today.get(PlatformMetric.HOST_APPS_CREATED) ?? 0,
        activeDevices: usageByDay.get(day)?.activeDevices ?? 0,
        launches: usageByDay.get(day)?.launches ?? 0,
      };
      view.days.push(row);
      view.organizationsApproved += row.organizationsApproved;
      view.miniProgramsCreated += row.miniProgramsCreated;
      view.hostAppsCreated += row.hostAppsCreated;
      view.launches += row.launches;
    }
    view.totals = totals();
    return view;
  }
}
