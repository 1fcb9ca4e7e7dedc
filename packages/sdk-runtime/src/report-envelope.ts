import { z } from 'zod';
import { reportBatchSchema, reportEventSchema, type ReportEvent } from '@grove/contracts';

/** Why one event of a report was not accepted (stable codes; SDKs may log them, they never retry a rejected event). */
export const ReportRejection = {
  INVALID_EVENT: 'INVALID_EVENT',
  APPLET_NOT_LINKED: 'APPLET_NOT_LINKED',
  DUPLICATE_IN_BATCH: 'DUPLICATE_IN_BATCH',
} as const;
export type ReportRejection = (typeof ReportRejection)[keyof typeof ReportRejection];

export interface RejectedEvent {
  /** Position in the report's `events`. */
  index: number;
  eventId: string | null;
  code: ReportRejection;
  reason: string;
}

export interface CheckedReport {
  sentAt: number;
  accepted: ReportEvent[];
  rejected: RejectedEvent[];
}

export class InvalidReportError extends Error {}

/**
 * Checks a report: the batch itself (schema version, size, sentAt) must be right or the whole report is refused;
 * after that each event stands alone, so one bad event never costs the good ones. `isLinked` answers whether the
 * calling host app may report for a mini-program (asked once per distinct app id).
 */
export async function checkReport(
  body: unknown,
  isLinked: (appId: string) => Promise<boolean>,
): Promise<CheckedReport> {
  const batch = reportBatchSchema.safeParse(body);
  if (!batch.success)
    throw new InvalidReportError(`Invalid report: ${z.prettifyError(batch.error).replace(/\n/g, ' ')}`);
  const accepted: ReportEvent[] = [];
  const rejected: RejectedEvent[] = [];
  const linked = new Map<string, Promise<boolean>>();
  const seen = new Set<string>();
  for (const [index, raw] of batch.data.events.entries()) {
    const eventId = idOf(raw);
    const parsed = reportEventSchema.safeParse(raw);
    if (!parsed.success) {
      rejected.push({
        index,
        eventId,
        code: ReportRejection.INVALID_EVENT,
        reason: z.prettifyError(parsed.error).replace(/\n/g, ' '),
      });
      continue;
    }
    const event = parsed.data;
    let answer = linked.get(event.appId);
    if (!answer) linked.set(event.appId, (answer = isLinked(event.appId)));
    if (!(await answer)) {
      rejected.push({
        index,
        eventId,
        code: ReportRejection.APPLET_NOT_LINKED,
        reason: `${event.appId} is not linked to this host app`,
      });
      continue;
    }
    const key = `${event.appId}\u0000${event.eventId}`;
    if (seen.has(key)) {
      rejected.push({
        index,
        eventId,
        code: ReportRejection.DUPLICATE_IN_BATCH,
        reason: 'the same eventId appears earlier in this report',
      });
      continue;
    }
    seen.add(key);
    accepted.push(event);
  }
  return { sentAt: batch.data.sentAt, accepted, rejected };
}

function idOf(raw: unknown): string | null {
  const id = raw && typeof raw === 'object' ? (raw as { eventId?: unknown }).eventId : undefined;
  return typeof id === 'string' ? id.slice(0, 64) : null;
}
