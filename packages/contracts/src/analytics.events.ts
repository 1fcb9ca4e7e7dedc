import { z } from 'zod';
import { MINI_PROGRAM_APP_ID } from './app-manage.events';
import { defineTopic, eventSchema } from './event-contract';

/**
 * The SDK's analytics report (data-report): what a device sends to `POST /runtime/v1/reports` and what the runtime
 * appends to the `analytics.raw-events` topic for the analytics subgraph to clean (docs/analytics.md).
 */

/** Version of the report body format; the SDK sends it as `schemaVersion`, and a body of another version is refused. */
export const REPORT_SCHEMA_VERSION = 1;
/** At most this many events in one report; SDKs split larger queues (documented for SDK authors). */
export const MAX_REPORT_EVENTS = 500;
/** At most this many bytes of JSON in one report, after gzip is undone (the compressed body has the same cap). */
export const MAX_REPORT_BYTES = 1024 * 1024;
/** At most this many custom attributes on one custom event. */
export const MAX_CUSTOM_ATTRIBUTES = 32;

export const REPORT_EVENT_TYPES = [
  'app_launch',
  'app_show',
  'app_hide',
  'app_exit',
  'page_show',
  'page_hide',
  'js_error',
  'crash',
  'custom',
] as const;
export type ReportEventType = (typeof REPORT_EVENT_TYPES)[number];
export const VERSION_SOURCES = ['release', 'gray', 'trial'] as const;
export const REPORT_PLATFORMS = ['IOS', 'ANDROID', 'HARMONY'] as const;
export const ERROR_KINDS = ['js', 'promise', 'network', 'native', 'other'] as const;

/** Earliest client timestamp that can be real (2015-01-01); anything before is a device clock that was never set. */
export const EARLIEST_CLIENT_TIMESTAMP = Date.UTC(2015, 0, 1);

const shortText = (max: number) => z.string().min(1).max(max);
const clientId = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{8,64}$/, 'must be 8–64 characters of A-Z a-z 0-9 _ . : -');
const epochMs = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Typed custom attribute values: text, finite numbers or booleans (declared per mini-program in a later step). */
export const customAttributeValue = z.union([z.string().max(256), z.number().finite(), z.boolean()]);
export type CustomAttributeValue = z.infer<typeof customAttributeValue>;

const attributeKey = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** One event as the SDK reports it. */
export const reportEventSchema = z
  .object({
    /** Client-generated, unique per device and mini-program: the idempotency key of retries and redeliveries. */
    eventId: clientId,
    type: z.enum(REPORT_EVENT_TYPES),
    appId: z.string().regex(MINI_PROGRAM_APP_ID, 'is not a mini-program app id'),
    versionId: shortText(100).optional(),
    versionSource: z.enum(VERSION_SOURCES).optional(),
    releasePlanId: shortText(100).optional(),
    /** The host app's own version (the host app itself is known from the SDK key). */
    hostAppVersion: shortText(64).optional(),
    sdkVersion: shortText(64).optional(),
    baseLibraryVersion: shortText(64).optional(),
    deviceId: clientId,
    userId: shortText(128).optional(),
    /** The SDK's launch (session) id; the cleaner still applies the server's session rule. */
    launchId: clientId,
    platform: z.enum(REPORT_PLATFORMS),
    osVersion: shortText(64).optional(),
    deviceModel: shortText(128).optional(),
    network: shortText(32).optional(),
    pagePath: shortText(512).optional(),
    referrerPage: shortText(512).optional(),
    /** Foreground time (app_hide / app_exit) or time on the page (page_hide), in milliseconds. */
    durationMs: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 3600 * 1000)
      .optional(),
    /** Device clock, Unix epoch milliseconds. */
    clientTs: epochMs,
    error: z
      .object({
        message: shortText(2_000),
        stack: z.string().max(16_000).optional(),
        kind: z.enum(ERROR_KINDS).default('other'),
      })
      .optional(),
    custom: z
      .object({
        name: z.string().regex(attributeKey, 'must start with a letter and use A-Z a-z 0-9 _ (at most 64)'),
        attributes: z
          .record(
            z.string().regex(attributeKey, 'attribute names start with a letter and use A-Z a-z 0-9 _'),
            customAttributeValue,
          )
          .refine(
            (a) => Object.keys(a).length <= MAX_CUSTOM_ATTRIBUTES,
            `at most ${MAX_CUSTOM_ATTRIBUTES} attributes`,
          )
          .default({}),
      })
      .optional(),
  })
  .superRefine((event, ctx) => {
    const need = (field: keyof typeof event, why: string) => {
      if (event[field] === undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: `is required ${why}` });
    };
    if (event.type === 'page_show' || event.type === 'page_hide') need('pagePath', `for ${event.type}`);
    if (event.type === 'js_error' || event.type === 'crash') need('error', `for ${event.type}`);
    if (event.type === 'custom') need('custom', 'for custom events');
    if (event.type === 'app_hide' || event.type === 'app_exit' || event.type === 'page_hide')
      need('durationMs', `for ${event.type}`);
    if (event.versionSource === 'gray') need('releasePlanId', 'for gray versions');
  });
export type ReportEvent = z.infer<typeof reportEventSchema>;

/**
 * The report body. `events` is checked one by one (a bad event never rejects its batch), so the batch schema only
 * requires an array; `sentAt` is the device clock at sending, which tells the cleaner how far off that clock is.
 */
export const reportBatchSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  sentAt: epochMs,
  events: z.array(z.unknown()).min(1).max(MAX_REPORT_EVENTS),
});
export type ReportBatch = z.infer<typeof reportBatchSchema>;

/** Province / city of the client IP from the offline IP database; the IP itself is never kept. */
export const reportRegionSchema = z.object({ country: z.string(), province: z.string(), city: z.string() });
export type ReportRegion = z.infer<typeof reportRegionSchema>;

/** Topic of accepted raw reports; the key is the host app id. */
export const ANALYTICS_RAW_EVENTS_TOPIC = 'analytics.raw-events';
export const AnalyticsEventType = { REPORT_ACCEPTED: 'report.accepted' } as const;

/** What the runtime appends for one report: the events that passed validation, plus what the server knows. */
export const reportAcceptedPayload = z.object({
  hostAppId: z.string().min(1),
  orgId: z.string().min(1),
  /** Server clock when the report arrived, epoch ms. */
  receivedAt: epochMs,
  sentAt: epochMs,
  region: reportRegionSchema.nullable(),
  events: z.array(reportEventSchema).min(1).max(MAX_REPORT_EVENTS),
});
export type ReportAcceptedPayload = z.infer<typeof reportAcceptedPayload>;

export const analyticsEvents = defineTopic(ANALYTICS_RAW_EVENTS_TOPIC, {
  [AnalyticsEventType.REPORT_ACCEPTED]: eventSchema(reportAcceptedPayload),
});

/**
 * The runtime's exposure record (ADR 0012): what the applet-info route decided for a device — which version it served,
 * from which source, under which release plan and rule. Gray-release statistics attribute reports to the gray or the
 * released version through this record (device + app + reporting day), never through the client's own claim.
 */
export const ANALYTICS_EXPOSURES_TOPIC = 'analytics.exposures';
export const AnalyticsExposureEventType = { EXPOSURES_RECORDED: 'exposures.recorded' } as const;
/** At most this many exposures in one bus entry (the runtime's batch size). */
export const MAX_EXPOSURE_BATCH = 500;

export const exposureSchema = z.object({
  appId: z.string().regex(MINI_PROGRAM_APP_ID, 'is not a mini-program app id'),
  /** The device id the SDK sent (query `deviceId` or header `x-device-id`); decisions without one are not recorded. */
  deviceId: z.string().min(1).max(128),
  versionId: z.string().min(1).max(100),
  versionSource: z.enum(VERSION_SOURCES),
  /** The live plan the device was judged against (gray: the plan that served it; release: the plan it was not in). */
  releasePlanId: z.string().min(1).max(100).nullable(),
  /** The plan's rule when it matched the device and its percentage bucket (gray only). */
  ruleId: z.string().min(1).max(100).nullable(),
  hostAppId: z.string().min(1),
  orgId: z.string().min(1),
  /** Server clock of the decision, epoch ms. */
  servedAt: epochMs,
});
export type Exposure = z.infer<typeof exposureSchema>;

export const exposuresRecordedPayload = z.object({
  exposures: z.array(exposureSchema).min(1).max(MAX_EXPOSURE_BATCH),
});
export type ExposuresRecordedPayload = z.infer<typeof exposuresRecordedPayload>;

export const analyticsExposureEvents = defineTopic(ANALYTICS_EXPOSURES_TOPIC, {
  [AnalyticsExposureEventType.EXPOSURES_RECORDED]: eventSchema(exposuresRecordedPayload),
});
