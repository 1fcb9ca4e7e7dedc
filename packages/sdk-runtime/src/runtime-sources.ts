import type {
  RuntimeApplet,
  RuntimeBaseLibrary,
  RuntimeCredentials,
  RuntimeDomainLists,
  RuntimeGrayPlan,
  RuntimeSdkConfig,
  RuntimeSearchResult,
  RuntimeVersion,
} from '@grove/contracts';

/**
 * What the SDK runtime reads, and nothing more. The shapes are the runtime-read contract's (@grove/contracts): in
 * embedded mode the owners' handlers run in process, in the distributed profile the runtime calls the owning services
 * (runtime-sources.reads.ts). Every answer must be JSON-serializable: it is cached in the shared key-value store.
 */
export type {
  RuntimeApplet,
  RuntimeBaseLibrary,
  RuntimeCredentials,
  RuntimeDomainLists,
  RuntimeGrayPlan,
  RuntimeSdkConfig,
  RuntimeSearchResult,
  RuntimeVersion,
};

export interface RuntimeSearchRequest {
  hostAppId: string;
  text: string;
  offset: number;
  limit: number;
  deviceIdHash?: string;
}

/** The statuses of a version the runtime may hand to devices (reviewed, not delisted). */
export const SERVABLE_VERSION_STATUSES = ['APPROVED', 'GRAY', 'PUBLISHED'] as const;

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
  /** A device's search through its host app (the search service; never cached). */
  searchApplets(request: RuntimeSearchRequest): Promise<RuntimeSearchResult>;
  /** The operators' hot words, in order. */
  searchHotWords(): Promise<string[]>;
  /** Records a click on a hit of the host app's search; false when the search or the hit is not the host app's. */
  searchClicked(hostAppId: string, searchId: string, appId: string): Promise<boolean>;
}
