/**
 * What the SDK runtime reads, and nothing more. Embedded mode builds it from the in-process subgraph modules
 * (runtimeSourcesFromModules); a distributed deployment can implement it over the subgraphs' internal APIs.
 * Every answer must be JSON-serializable: it is cached in the shared key-value store.
 */

export interface RuntimeCredentials {
  hostAppId: string;
  orgId: string;
  sdkKey: string;
  /** Clear SDK secret (the HMAC key). Sealed with AES-GCM before it reaches the shared cache. */
  secret: string;
  enabled: boolean;
}

/** The statuses of a version the runtime may hand to devices (reviewed, not delisted). */
export const SERVABLE_VERSION_STATUSES = ['APPROVED', 'GRAY', 'PUBLISHED'] as const;

export interface RuntimeVersion {
  id: string;
  appId: string;
  name: string;
  code?: number;
  status: string;
  packageKey: string;
  packageSha256: string;
  packageSize: number;
}

export interface RuntimeApplet {
  appId: string;
  orgId: string;
  name: string;
  /** ACTIVE | FROZEN */
  status: string;
  frozenReason?: string;
  published: RuntimeVersion | null;
  /** True when nothing is published because the release was delisted (vs never released). */
  delisted: boolean;
}

/** A running (ACTIVE or PAUSED) release plan and its rule, as the rule engine stores them. */
export interface RuntimeGrayPlan {
  planId: string;
  state: string;
  percentage: number;
  grayVersionId: string;
  rule: { id: string; version: number; definition: unknown };
}

export interface RuntimeDomainLists {
  request: string[];
  socket: string[];
  upload: string[];
  download: string[];
  business: string[];
}

export interface RuntimeSdkConfig {
  version: number;
  etag: string;
  config: unknown;
}

export interface RuntimeBaseLibrary {
  id: string;
  version: string;
  minSdkVersion: string;
  platforms: string[];
  packageKey: string;
  packageSha256: string;
  packageSize: number;
}

export interface RuntimeSources {
  /** null when no host app has this SDK key. */
  resolveCredentials(sdkKey: string): Promise<RuntimeCredentials | null>;
  /** null when the mini-program does not exist. */
  applet(appId: string): Promise<RuntimeApplet | null>;
  isLinked(hostAppId: string, appId: string): Promise<boolean>;
  /** The running release plan of the app, or null (the device choice is made by the runtime from this). */
  grayPlan(appId: string): Promise<RuntimeGrayPlan | null>;
  version(versionId: string): Promise<RuntimeVersion | null>;
  domains(appId: string): Promise<RuntimeDomainLists>;
  effectiveConfig(hostAppId: string): Promise<RuntimeSdkConfig>;
  /** Newest base library compatible with the SDK version, else the newest for the platform; null when none. */
  baseLibrary(sdkVersion: string, platform: string): Promise<RuntimeBaseLibrary | null>;
  /** True when the organization is frozen: its host apps and mini-programs are refused (ORGANIZATION_FROZEN). */
  organizationFrozen(orgId: string): Promise<boolean>;
  /** The trial (体验版) version of the app, or null (none set, or it is REJECTED or DELISTED now). */
  trialVersion(appId: string): Promise<RuntimeVersion | null>;
  /** Host-app user ids of the app's testers (at most MAX_TRIAL_MEMBERS). */
  trialMembers(appId: string): Promise<string[]>;
}

/** The account subgraph's answer to "is this organization frozen?", supplied by the mounting server. */
export type OrganizationFrozenSource = (orgId: string) => Promise<boolean>;
