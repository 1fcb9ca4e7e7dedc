import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  ANALYTICS_RAW_EVENTS_TOPIC,
  AnalyticsEventType,
  MAX_REPORT_BYTES,
  analyticsEvents,
  contractEvent,
  type ReportAcceptedPayload,
} from '@grove/contracts';
import type { PlatformRuntime } from '@grove/platform';
import { checkReport, InvalidReportError, type RejectedEvent } from './report-envelope';
import { createRegionLookup, type RegionLookup } from './report-region';
import { RuntimeErrcode, RuntimeError, ok } from './runtime-errors';
import { checkRuntimeHeaders } from './runtime-request.validator';
import type { RuntimeCredentials } from './runtime-sources';

const gunzipAsync = promisify(gunzip);

export interface ReportRouteDeps {
  runtime: PlatformRuntime;
  /** The runtime's signature check (signature, timestamp, nonce, host app and its organization): the verified caller. */
  authenticate(request: FastifyRequest): RuntimeCredentials | Promise<RuntimeCredentials>;
  isLinked(hostAppId: string, appId: string): Promise<boolean>;
  /** Default: the offline ip2region database. */
  regions?: RegionLookup;
  /** Server clock for received-at (tests inject one). */
  now?: () => number;
}

/** What `POST {prefix}/reports` answers with 202: counts, and why each rejected event was rejected. */
export interface ReportReceipt {
  accepted: number;
  rejected: number;
  rejections: RejectedEvent[];
}

let sharedRegions: RegionLookup | undefined;

/**
 * `POST {prefix}/reports` (data-report): a signed batch of analytics events, JSON, optionally
 * `content-encoding: gzip`. Registered inside the runtime's scope, so it has the same signature check, rate limits
 * and envelope as every runtime route. The valid events go to `analytics.raw-events` as one bus entry before the
 * answer, so a 202 means the report is on the bus (Redis Streams / Kafka; embedded, the in-process bus journals this
 * topic on disk until the analytics consumer handled it, docs/adr/0010).
 */
export function reportRoutes(deps: ReportRouteDeps) {
  const regions = deps.regions ?? (sharedRegions ??= createRegionLookup());
  const now = deps.now ?? Date.now;
  return async function registerReportRoutes(scope: FastifyInstance): Promise<void> {
    // This scope only: the runtime's other routes keep fastify's parser.
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit: MAX_REPORT_BYTES },
      (request, body, done) => {
        parseReportBody(request, body as Buffer).then(
          (value) => done(null, value),
          (error: Error) => done(error),
        );
      },
    );

    scope.post('/reports', async (request, reply) => {
      const receivedAt = now();
      // The signature headers are required and well-formed before the signature check reads them, as on the other routes.
      checkRuntimeHeaders(request.headers);
      const credentials = await deps.authenticate(request);
      let checked;
      try {
        checked = await checkReport(request.body, (appId) => deps.isLinked(credentials.hostAppId, appId));
      } catch (error) {
        if (error instanceof InvalidReportError)
          throw new RuntimeError(RuntimeErrcode.BAD_REQUEST, error.message);
        throw error;
      }
      if (checked.accepted.length > 0) {
        const payload: ReportAcceptedPayload = {
          hostAppId: credentials.hostAppId,
          orgId: credentials.orgId,
          receivedAt,
          sentAt: checked.sentAt,
          region: regions.regionOf(request.ip),
          events: checked.accepted,
        };
        try {
          await deps.runtime.events.publish(
            ANALYTICS_RAW_EVENTS_TOPIC,
            contractEvent(
              analyticsEvents,
              AnalyticsEventType.REPORT_ACCEPTED,
              credentials.hostAppId,
              payload,
            ),
          );
        } catch (error) {
          deps.runtime.logger.warn(
            { err: error, hostAppId: credentials.hostAppId },
            'analytics report could not be appended to the bus',
          );
          throw new RuntimeError(
            RuntimeErrcode.UNAVAILABLE,
            'Reports cannot be accepted right now; retry later',
          );
        }
      }
      const receipt: ReportReceipt = {
        accepted: checked.accepted.length,
        rejected: checked.rejected.length,
        rejections: checked.rejected,
      };
      return reply.code(202).header('cache-control', 'no-store').send(ok(receipt));
    });
  };
}

async function parseReportBody(request: FastifyRequest, body: Buffer): Promise<unknown> {
  const encoding = String(request.headers['content-encoding'] ?? 'identity').toLowerCase();
  let json = body;
  if (encoding === 'gzip') {
    try {
      json = await gunzipAsync(body, { maxOutputLength: MAX_REPORT_BYTES });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new RuntimeError(
          RuntimeErrcode.REPORT_TOO_LARGE,
          `A report may hold at most ${MAX_REPORT_BYTES} bytes of JSON`,
        );
      }
      throw new RuntimeError(RuntimeErrcode.BAD_REQUEST, 'The body is not valid gzip');
    }
  } else if (encoding !== 'identity') {
    throw new RuntimeError(RuntimeErrcode.BAD_REQUEST, 'content-encoding must be gzip or identity');
  }
  try {
    return JSON.parse(json.toString('utf8'));
  } catch {
    throw new RuntimeError(RuntimeErrcode.BAD_REQUEST, 'The body is not valid JSON');
  }
}
