import { Permission, requireOrgPermission, type DocumentStore, type Principal } from '@grove/platform';
import type { MiniProgramAccess } from '@grove/contracts';
import { AnalyticsMiniProgramModel } from '../projection/analytics-mini-program.model';
import type { AnalyticsStore } from '../store/analytics-store.port';
import { checkRange, toView, type MetricsView } from './analytics-query.service';

export interface SummaryView {
  from: string;
  to: string;
  timeZone: string;
  miniPrograms: number;
  metrics: MetricsView;
}

/**
 * Summary numbers that this subgraph contributes to other subgraphs' entities (`MiniProgram.statistics`,
 * `Organization.statistics`); readable by the same callers as the direct queries: members of the owning
 * organization (miniprogram:read) and reviewing operators.
 */
export class AnalyticsSummaryService {
  constructor(
    private readonly store: AnalyticsStore,
    private readonly access: MiniProgramAccess,
    private readonly documents: DocumentStore,
    private readonly timeZone: string,
  ) {}

  /** The entity for a caller who may read its statistics, else null (`_entities` hides what it may not read). */
  async miniProgramReference(p: Principal, appId: string): Promise<{ id: string } | null> {
    return this.access.app(p, appId, Permission.MINIPROGRAM_READ, Permission.MINIPROGRAM_REVIEW).then(
      ({ app }) => ({ id: app.appId }),
      () => null,
    );
  }

  async organizationReference(p: Principal, orgId: string): Promise<{ id: string } | null> {
    try {
      requireOrgPermission(p, orgId, Permission.MINIPROGRAM_READ, Permission.MINIPROGRAM_REVIEW);
      return { id: orgId };
    } catch {
      return null;
    }
  }

  /** As miniProgramAnalytics' total over the period. */
  async forMiniProgram(p: Principal, appId: string, from: string, to: string): Promise<SummaryView> {
    const { app } = await this.access.app(
      p,
      appId,
      Permission.MINIPROGRAM_READ,
      Permission.MINIPROGRAM_REVIEW,
    );
    checkRange(from, to);
    return this.summary([app.appId], from, to);
  }

  /**
   * Every mini-program the organization owns or owned (deleted ones too: their launches happened) summed; devices
   * distinct across them and over the period.
   */
  async forOrganization(p: Principal, orgId: string, from: string, to: string): Promise<SummaryView> {
    requireOrgPermission(p, orgId, Permission.MINIPROGRAM_READ, Permission.MINIPROGRAM_REVIEW);
    checkRange(from, to);
    const apps = await this.documents
      .collection(AnalyticsMiniProgramModel)
      .find({ orgId }, { sort: { _id: 1 } });
    return this.summary(
      apps.map((a) => a._id),
      from,
      to,
    );
  }

  private async summary(appIds: string[], from: string, to: string): Promise<SummaryView> {
    const totals = await this.store.totals(appIds, from, to);
    return { from, to, timeZone: this.timeZone, miniPrograms: appIds.length, metrics: toView(totals) };
  }
}
