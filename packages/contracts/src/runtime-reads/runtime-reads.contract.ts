import { z } from 'zod';
import {
  defineRead,
  isReadName,
  readNames,
  type ReadHandler,
  type ReadHandlers,
  type ReadParams,
  type ReadResult,
  type ReadsOwnedBy,
} from '../internal-reads/internal-reads.contract';

/**
 * What the SDK runtime reads from the services that own the data (issue 6 item 6): one named read per question,
 * each answered by exactly one owner. In embedded mode the runtime calls the owners' handlers in process; in the
 * distributed profile it calls `POST <owner origin>/internal/runtime-reads/v1/<read>` (runtime-reads.routes.ts),
 * so no service reads another service's collections. Answers are cached by the runtime and dropped by the owners'
 * events; they must stay JSON.
 */

export const RUNTIME_READS_PATH = '/internal/runtime-reads/v1';
/** The `svc` claim of the internal credential the runtime signs for these calls; nothing else is accepted. */
export const RUNTIME_READS_CALLER = 'sdk-runtime';

const id = z.string().min(1).max(64);

export const runtimeVersionSchema = z.object({
  id: z.string(),
  appId: z.string(),
  name: z.string(),
  code: z.number().int().optional(),
  status: z.string(),
  packageKey: z.string(),
  packageSha256: z.string(),
  packageSize: z.number(),
});

export const runtimeCredentialsSchema = z.object({
  hostAppId: z.string(),
  orgId: z.string(),
  sdkKey: z.string(),
  /** Clear SDK secret (the HMAC key): only on the internal network, sealed before it reaches a shared cache. */
  secret: z.string(),
  enabled: z.boolean(),
});

export const runtimeAppletSchema = z.object({
  appId: z.string(),
  orgId: z.string(),
  name: z.string(),
  /** ACTIVE | FROZEN */
  status: z.string(),
  frozenReason: z.string().optional(),
  published: runtimeVersionSchema.nullable(),
  /** True when nothing is published because the release was delisted (vs never released). */
  delisted: z.boolean(),
});

/** A running (ACTIVE or PAUSED) release plan and its rule, as the rule engine stores them. */
export const runtimeGrayPlanSchema = z.object({
  planId: z.string(),
  state: z.string(),
  percentage: z.number(),
  grayVersionId: z.string(),
  rule: z.object({ id: z.string(), version: z.number(), definition: z.unknown() }),
});

export const runtimeDomainListsSchema = z.object({
  request: z.array(z.string()),
  socket: z.array(z.string()),
  upload: z.array(z.string()),
  download: z.array(z.string()),
  business: z.array(z.string()),
});

export const runtimeSdkConfigSchema = z.object({
  version: z.number(),
  etag: z.string(),
  config: z.unknown(),
});

export const runtimeBaseLibrarySchema = z.object({
  id: z.string(),
  version: z.string(),
  minSdkVersion: z.string(),
  platforms: z.array(z.string()),
  packageKey: z.string(),
  packageSha256: z.string(),
  packageSize: z.number(),
});

export type RuntimeVersion = z.infer<typeof runtimeVersionSchema>;
export type RuntimeCredentials = z.infer<typeof runtimeCredentialsSchema>;
export type RuntimeApplet = z.infer<typeof runtimeAppletSchema>;
export type RuntimeGrayPlan = z.infer<typeof runtimeGrayPlanSchema>;
export type RuntimeDomainLists = z.infer<typeof runtimeDomainListsSchema>;
export type RuntimeSdkConfig = z.infer<typeof runtimeSdkConfigSchema>;
export type RuntimeBaseLibrary = z.infer<typeof runtimeBaseLibrarySchema>;

/** A device's search hit in FinClip's `searchApplet` shape (the runtime turns `logoKey` into a `logo` link). */
export const runtimeSearchHitSchema = z.object({
  appId: z.string(),
  appName: z.string(),
  desc: z.string(),
  logoKey: z.string().nullable(),
  organName: z.string(),
  /** The searchable page the hit opens ('' for the mini-program's home). */
  pageUrl: z.string(),
  /** The text to show under the name: the matched page's or the description's fragment, HTML-escaped with <em> marks. */
  showText: z.string(),
  highLights: z.array(z.object({ key: z.string(), value: z.string() })),
});

export const runtimeSearchResultSchema = z.object({
  /** The search log entry of this search: the device reports a click with it. */
  searchId: z.string(),
  total: z.number().int(),
  list: z.array(runtimeSearchHitSchema),
});

export type RuntimeSearchHit = z.infer<typeof runtimeSearchHitSchema>;
export type RuntimeSearchResult = z.infer<typeof runtimeSearchResultSchema>;

/** The services that answer runtime reads (their names in SUBGRAPH_URLS). */
export type RuntimeReadOwner = 'account' | 'app-manage' | 'rule-engine' | 'domain' | 'sdk' | 'search';

const read = <O extends RuntimeReadOwner, P extends z.ZodType, R extends z.ZodType>(
  owner: O,
  params: P,
  result: R,
) => defineRead(owner, params, result);

/** Every runtime read: who answers it, its parameters and the shape of its answer (checked on both ends). */
export const runtimeReads = {
  /** null when no host app has this SDK key. */
  resolveCredentials: read(
    'app-manage',
    z.object({ sdkKey: z.string().max(64) }),
    runtimeCredentialsSchema.nullable(),
  ),
  /** null when the mini-program does not exist. */
  applet: read('app-manage', z.object({ appId: id }), runtimeAppletSchema.nullable()),
  isLinked: read('app-manage', z.object({ hostAppId: id, appId: id }), z.boolean()),
  version: read('app-manage', z.object({ versionId: id }), runtimeVersionSchema.nullable()),
  /** The trial (体验版) version of the app, or null (none set, or it is REJECTED or DELISTED now). */
  trialVersion: read('app-manage', z.object({ appId: id }), runtimeVersionSchema.nullable()),
  /** Host-app user ids of the app's testers. */
  trialMembers: read('app-manage', z.object({ appId: id }), z.array(z.string())),
  /** The running release plan of the app, or null. */
  grayPlan: read('rule-engine', z.object({ appId: id }), runtimeGrayPlanSchema.nullable()),
  domains: read('domain', z.object({ appId: id }), runtimeDomainListsSchema),
  effectiveConfig: read('sdk', z.object({ hostAppId: id }), runtimeSdkConfigSchema),
  /** Newest base library compatible with the SDK version, else the newest for the platform; null when none. */
  baseLibrary: read(
    'sdk',
    z.object({ sdkVersion: z.string().max(64), platform: z.string().max(32) }),
    runtimeBaseLibrarySchema.nullable(),
  ),
  /** True when the organization is frozen: its host apps and mini-programs are refused. */
  organizationFrozen: read('account', z.object({ orgId: id }), z.boolean()),
  /**
   * A device's search through its verified host app (never cached): only mini-programs linked to it, published, not
   * frozen or delisted, searchable; logged with the hashed device id.
   */
  searchApplets: read(
    'search',
    z.object({
      hostAppId: id,
      text: z.string().max(64),
      offset: z.number().int().min(0).max(1_000),
      limit: z.number().int().min(1).max(50),
      deviceIdHash: z.string().max(64).optional(),
    }),
    runtimeSearchResultSchema,
  ),
  /** The operators' hot words, in their order (shown before the device user types). */
  searchHotWords: read('search', z.object({}), z.array(z.string())),
  /** A device opened a hit of one of its host app's searches: false when the search or the hit is not the host app's. */
  searchClicked: read('search', z.object({ hostAppId: id, searchId: id, appId: id }), z.boolean()),
} as const;

type RuntimeReadSet = typeof runtimeReads;
export type RuntimeReadName = keyof RuntimeReadSet;
export type RuntimeReadParams<N extends RuntimeReadName> = ReadParams<RuntimeReadSet, N>;
export type RuntimeReadResult<N extends RuntimeReadName> = ReadResult<RuntimeReadSet, N>;
export type RuntimeReadHandler<N extends RuntimeReadName> = ReadHandler<RuntimeReadSet, N>;

/** The reads one owner answers. */
export type RuntimeReadsOf<O extends RuntimeReadOwner> = ReadsOwnedBy<RuntimeReadSet, O>;

/** Every read of the set, whoever answers. */
export type RuntimeReadHandlers = ReadHandlers<RuntimeReadSet>;

export const RUNTIME_READ_NAMES: RuntimeReadName[] = readNames(runtimeReads);

export function isRuntimeReadName(name: string): name is RuntimeReadName {
  return isReadName(runtimeReads, name);
}

/** The owners of a module's reads, for the mounting server: a subgraph module with `runtimeReads` answers them. */
export interface RuntimeReadsProvider {
  runtimeReads: Partial<RuntimeReadHandlers>;
}

export function runtimeReadsOf(module: object): Partial<RuntimeReadHandlers> | undefined {
  const reads = (module as Partial<RuntimeReadsProvider>).runtimeReads;
  return reads && typeof reads === 'object' ? reads : undefined;
}
