import {
  describeOperation,
  Permission,
  requireOperatorPermission,
  type Principal,
  type TransactionalOutbox,
} from '@grove/platform';
import { RecomputeRequestStatus } from '../store/recompute-request.model';
import type { RecomputeRequestStore } from '../store/recompute-request.store';
import type { AnalyticsPipeline } from './analytics-pipeline.service';
import { checkRange } from './analytics-query.service';

/**
 * `recomputeAnalytics` (platform:configure): the change it makes is a request to recompute. The request record and
 * its operation log line commit in one unit of work of the documents store (ADR 0013); then the rollups of the
 * range are recomputed in the analytics store (which shares no transaction with the documents) and the request is
 * marked DONE with the pairs written, or FAILED with the error. A refused request leaves neither record nor line.
 */
export class AnalyticsRecomputeService {
  constructor(
    private readonly requests: RecomputeRequestStore,
    private readonly pipeline: Pick<AnalyticsPipeline, 'recompute'>,
    private readonly unitOfWork: Pick<TransactionalOutbox, 'transaction'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records the request with its log line, runs it, and answers the (mini-program, day) pairs written. */
  async recompute(p: Principal, from: string, to: string): Promise<number> {
    const operator = requireOperatorPermission(p, Permission.PLATFORM_CONFIGURE);
    const days = checkRange(from, to);
    const request = await this.unitOfWork.transaction(async () => {
      const created = await this.requests.insert({
        from,
        to,
        days: days.length,
        requestedBy: operator.userId,
        requestedAt: new Date(this.now()),
      });
      describeOperation({
        target: { type: 'analytics-recompute', id: created._id },
        organizationId: null,
        summary: `requested recompute of the daily rollups ${from}..${to} (${days.length} days)`,
      });
      return created;
    });
    let written: number;
    try {
      written = await this.pipeline.recompute(days);
    } catch (error) {
      await this.requests.finish(request._id, {
        status: RecomputeRequestStatus.FAILED,
        error: messageOf(error).slice(0, 1_000),
        finishedAt: new Date(this.now()),
      });
      throw error;
    }
    await this.requests.finish(request._id, {
      status: RecomputeRequestStatus.DONE,
      written,
      finishedAt: new Date(this.now()),
    });
    return written;
  }
}

/** The message of an error (also of one from another realm, e.g. a native driver's TypeError under a test VM). */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
