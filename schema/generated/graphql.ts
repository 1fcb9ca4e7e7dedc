import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: any; output: any; }
};

export type AnalyticsBreakdown = {
  __typename?: 'AnalyticsBreakdown';
  appId: Scalars['ID']['output'];
  /** The rows as CSV (RFC 4180, header row, CRLF; cells starting with = + - @ are prefixed with ' against formula injection) */
  csv: Scalars['String']['output'];
  dimension: AnalyticsDimension;
  from: Scalars['String']['output'];
  /** By active users, most first */
  rows: Array<AnalyticsBreakdownRow>;
  timeZone: Scalars['String']['output'];
  to: Scalars['String']['output'];
};

export type AnalyticsBreakdownRow = {
  __typename?: 'AnalyticsBreakdownRow';
  /** activeUsers distinct over the period within this value */
  metrics: AnalyticsMetrics;
  /** The dimension's value (platform name, version id, 'unknown') */
  value: Scalars['String']['output'];
};

export type AnalyticsDay = {
  __typename?: 'AnalyticsDay';
  /** YYYY-MM-DD in the reporting time zone: the first day of the bucket */
  day: Scalars['String']['output'];
  /** HOUR buckets: the hour of the day, 0 to 23; null otherwise */
  hour?: Maybe<Scalars['Int']['output']>;
  metrics: AnalyticsMetrics;
  /** The last day of the bucket (equal to day for days and hours) */
  until: Scalars['String']['output'];
};

/** What a breakdown groups by; a value the device did not report is 'unknown' */
export type AnalyticsDimension =
  | 'DEVICE_MODEL'
  /** The host app id of the SDK key that reported */
  | 'HOST_APP'
  | 'NETWORK'
  /** Platform and OS version ('IOS 17.4') */
  | 'OS_VERSION'
  | 'PLATFORM'
  /** Province, from the offline IP database at report time */
  | 'REGION'
  | 'SDK_VERSION'
  /** The version id the event reported ('unknown' without one) */
  | 'VERSION'
  /** release, gray or trial, as reported */
  | 'VERSION_SOURCE';

/** Series buckets: hours, days, calendar weeks (Monday to Sunday) or months, the first and last clipped to the range */
export type AnalyticsGranularity =
  | 'DAY'
  /** Hours of the reporting day (at most 7 days, else BAD_USER_INPUT with reason HOURLY_RANGE_TOO_LONG); a launch counts in the hour it started, other events in their own hour; newUsers in the hour of the device's first event of the day */
  | 'HOUR'
  | 'MONTH'
  | 'WEEK';

/** FinClip's core statistics over a day or a period. A user is a device: the SDK's device id, counted once per mini-program */
export type AnalyticsMetrics = {
  __typename?: 'AnalyticsMetrics';
  /** Distinct devices with any event in the period: distinct over the whole period, not a sum of days */
  activeUsers: Scalars['Int']['output'];
  /** totalStayMs / launches (0 without launches) */
  averageStayMs: Scalars['Float']['output'];
  /** bounces / launches */
  bounceRate: Scalars['Float']['output'];
  /** Launches that saw exactly one page */
  bounces: Scalars['Int']['output'];
  /** crashes / launches */
  crashRate: Scalars['Float']['output'];
  crashes: Scalars['Int']['output'];
  jsErrors: Scalars['Int']['output'];
  /** Launches: cold starts, and returns to the foreground after an exit or after the configured time in the background (30 s) */
  launches: Scalars['Int']['output'];
  /** Devices whose first event for the mini-program falls in the period */
  newUsers: Scalars['Int']['output'];
  pageViews: Scalars['Int']['output'];
  /** Foreground time of the launches of the period, milliseconds */
  totalStayMs: Scalars['Float']['output'];
};

/** A day-by-day series and the period total of one mini-program */
export type AnalyticsSeries = {
  __typename?: 'AnalyticsSeries';
  appId: Scalars['ID']['output'];
  /** The buckets, then a total row as CSV (RFC 4180, header row, CRLF; cells starting with = + - @ are prefixed with ' against formula injection) */
  csv: Scalars['String']['output'];
  /** Every bucket of the period, zeros included; activeUsers distinct within each bucket */
  days: Array<AnalyticsDay>;
  from: Scalars['String']['output'];
  granularity: AnalyticsGranularity;
  /** The installation-wide reporting time zone every day boundary uses */
  timeZone: Scalars['String']['output'];
  to: Scalars['String']['output'];
  /** Sums over the period; activeUsers distinct over the period */
  total: AnalyticsMetrics;
};

/** Summary numbers of a mini-program or of an organization over a period */
export type AnalyticsSummary = {
  __typename?: 'AnalyticsSummary';
  from: Scalars['String']['output'];
  /** Sums over the period and the mini-programs. activeUsers: devices distinct over the period and across the organization's mini-programs (a device in two of them is one); newUsers: the sum of each mini-program's new devices (a device new to two of them counts twice) */
  metrics: AnalyticsMetrics;
  /** Mini-programs counted: 1 for a mini-program; for an organization every one it owns or owned (deleted ones too) */
  miniPrograms: Scalars['Int']['output'];
  timeZone: Scalars['String']['output'];
  to: Scalars['String']['output'];
};

export type AuthPayload = {
  __typename?: 'AuthPayload';
  accessToken: Scalars['String']['output'];
  /** Access token expiry */
  expiresAt: Scalars['DateTimeISO']['output'];
  refreshExpiresAt: Scalars['DateTimeISO']['output'];
  /** Rotating; present it to refreshSession once */
  refreshToken: Scalars['String']['output'];
  session: Session;
  user: User;
};

/** A base library (基础库) version the SDK downloads to run mini-programs */
export type BaseLibrary = {
  __typename?: 'BaseLibrary';
  createdAt: Scalars['DateTimeISO']['output'];
  /** Opaque position of this item in the list that returned it: pass it as `after` to read the next page (set on the items of a list, in the order it was read) */
  cursor?: Maybe<Scalars['String']['output']>;
  /** Signed download link, valid 600 s */
  downloadUrl: Scalars['String']['output'];
  enabled: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** Oldest SDK version (semver) able to run it */
  minSdkVersion: Scalars['String']['output'];
  packageFiles: Scalars['Int']['output'];
  /** Hex SHA-256 of the ZIP */
  packageSha256: Scalars['String']['output'];
  packageSize: Scalars['Int']['output'];
  platforms: Array<SdkPlatform>;
  releaseNotes?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Semantic version */
  version: Scalars['String']['output'];
};

/** A web-view (business) domain of a mini-program */
export type BusinessDomain = {
  __typename?: 'BusinessDomain';
  appId: Scalars['ID']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** Punycode, lower case */
  domain: Scalars['String']['output'];
  failureDetail?: Maybe<Scalars['String']['output']>;
  /** Why the last check failed: MISMATCH, HTTP_STATUS, TIMEOUT, TOO_LARGE, REDIRECT_NOT_ALLOWED, TOO_MANY_REDIRECTS, UNREACHABLE */
  failureReason?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lastCheckedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  status: BusinessDomainStatus;
  verificationFile: VerificationFile;
  verificationMethod?: Maybe<BusinessDomainVerificationMethod>;
  verifiedAt?: Maybe<Scalars['DateTimeISO']['output']>;
};

export type BusinessDomainStatus =
  | 'PENDING_VERIFICATION'
  | 'VERIFIED';

/** FILE: the issued file was served; WHITELIST: operator whitelist */
export type BusinessDomainVerificationMethod =
  | 'FILE'
  | 'WHITELIST';

/** DRAFT: never published; PUBLISHED; DELISTED: its release was delisted; FROZEN: it or its organization is frozen */
export type CatalogueStatus =
  | 'DELISTED'
  | 'DRAFT'
  | 'FROZEN'
  | 'PUBLISHED';

export type ChangePasswordInput = {
  currentPassword: Scalars['String']['input'];
  /** At least 10 characters with letters and digits, not easy to guess */
  newPassword: Scalars['String']['input'];
};

export type CreateGrayRuleInput = {
  appId: Scalars['ID']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  rule: Scalars['JSONObject']['input'];
};

export type CreateHostAppInput = {
  /** At most 2 */
  androidPackageNames?: InputMaybe<Array<Scalars['String']['input']>>;
  /** At most 2 */
  harmonyBundleNames?: InputMaybe<Array<Scalars['String']['input']>>;
  /** At most 2 */
  iosBundleIds?: InputMaybe<Array<Scalars['String']['input']>>;
  name: Scalars['String']['input'];
  orgId: Scalars['ID']['input'];
};

export type CreateMiniProgramInput = {
  category?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  orgId: Scalars['ID']['input'];
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type CreateOperatorInput = {
  displayName: Scalars['String']['input'];
  email: Scalars['String']['input'];
  /** Generated and returned once when omitted */
  password?: InputMaybe<Scalars['String']['input']>;
  role: OperatorRole;
};

/** Result of createOperator */
export type CreateOperatorPayload = {
  __typename?: 'CreateOperatorPayload';
  /** Generated password, shown once; null when the admin set one */
  initialPassword?: Maybe<Scalars['String']['output']>;
  user: User;
};

/** The JSON type a custom attribute value must have */
export type CustomAttributeType =
  | 'BOOLEAN'
  | 'NUMBER'
  | 'STRING';

export type CustomEventAttribute = {
  __typename?: 'CustomEventAttribute';
  displayName: Scalars['String']['output'];
  /** The key the SDK sends in custom.attributes */
  name: Scalars['String']['output'];
  type: CustomAttributeType;
};

export type CustomEventAttributeInput = {
  /** Default: the name */
  displayName?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  type: CustomAttributeType;
};

/** A custom event a mini-program may report; undeclared ones and mistyped attributes are dropped by the cleaner */
export type CustomEventDeclaration = {
  __typename?: 'CustomEventDeclaration';
  appId: Scalars['ID']['output'];
  /** The declared attributes, in declaration order (at most 32) */
  attributes: Array<CustomEventAttribute>;
  displayName: Scalars['String']['output'];
  /** The identifier the SDK sends as custom.name */
  name: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
};


/** A custom event a mini-program may report; undeclared ones and mistyped attributes are dropped by the cleaner */
export type CustomEventDeclarationAttributesArgs = {
  take?: Scalars['Int']['input'];
};

export type DeclareCustomEventInput = {
  attributes?: Array<CustomEventAttributeInput>;
  /** 1–60 characters */
  displayName: Scalars['String']['input'];
  /** Starts with a letter; A-Z a-z 0-9 _; at most 64 */
  name: Scalars['String']['input'];
};

export type DistributionBucket = {
  __typename?: 'DistributionBucket';
  /** The bucket's label ('0-2s', '1-3min', '>30min'; '1', '6-10', '>20') */
  bucket: Scalars['String']['output'];
  launches: Scalars['Int']['output'];
  /** Highest value in the bucket; null for the last (no bound) */
  max?: Maybe<Scalars['Int']['output']>;
  /** Lowest value in the bucket: whole seconds (stay) or pages (depth) */
  min: Scalars['Int']['output'];
  /** launches / all launches of the period (0 without launches) */
  share: Scalars['Float']['output'];
};

/** What the SDK of a host app receives: the defaults merged with its override */
export type EffectiveSdkConfig = {
  __typename?: 'EffectiveSdkConfig';
  config: SdkConfig;
  /** Hex SHA-256 of the canonical JSON of config */
  etag: Scalars['String']['output'];
  globalVersion: Scalars['Int']['output'];
  hostAppId: Scalars['ID']['output'];
  overrideVersion: Scalars['Int']['output'];
  /** globalVersion + overrideVersion; grows with every change affecting this host app */
  version: Scalars['Int']['output'];
};

/** One cohort of a release plan: the devices the runtime served the gray version, or the released one, on a day */
export type GrayCohortMetrics = {
  __typename?: 'GrayCohortMetrics';
  /** Distinct devices of the cohort with any report in the period */
  activeUsers: Scalars['Int']['output'];
  /** totalStayMs / launches (0 without launches) */
  averageStayMs: Scalars['Float']['output'];
  /** crashes / launches */
  crashRate: Scalars['Float']['output'];
  crashes: Scalars['Int']['output'];
  /** Distinct devices the runtime served this cohort's version (exposure record); null in breakdowns */
  devicesExposed?: Maybe<Scalars['Int']['output']>;
  /** jsErrors / launches */
  errorRate: Scalars['Float']['output'];
  jsErrors: Scalars['Int']['output'];
  launches: Scalars['Int']['output'];
  pageViews: Scalars['Int']['output'];
  /** Foreground time of the launches, milliseconds */
  totalStayMs: Scalars['Float']['output'];
};

/** Gray against released, and the differences (gray − released) */
export type GrayComparison = {
  __typename?: 'GrayComparison';
  averageStayMsDelta: Scalars['Float']['output'];
  crashRateDelta: Scalars['Float']['output'];
  /** gray.errorRate − released.errorRate: above 0, the gray version errs more per launch */
  errorRateDelta: Scalars['Float']['output'];
  gray: GrayCohortMetrics;
  released: GrayCohortMetrics;
};

export type GrayComparisonDay = {
  __typename?: 'GrayComparisonDay';
  comparison: GrayComparison;
  /** YYYY-MM-DD in the reporting time zone */
  day: Scalars['String']['output'];
};

export type GrayComparisonRow = {
  __typename?: 'GrayComparisonRow';
  comparison: GrayComparison;
  value: Scalars['String']['output'];
};

/** Recorded as data; the rule-engine subgraph owns gray rules */
export type GrayReleaseInput = {
  grayPercentage?: InputMaybe<Scalars['Int']['input']>;
  grayRuleId?: InputMaybe<Scalars['String']['input']>;
};

/** A saved gray release rule of a mini-program */
export type GrayRule = {
  __typename?: 'GrayRule';
  appId: Scalars['ID']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** Opaque position of this item in the list that returned it: pass it as `after` to read the next page */
  cursor?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** { salt, match } with conditions {field, op, value} and groups {all|any: [...]} */
  rule: Scalars['JSONObject']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  updatedBy: Scalars['ID']['output'];
  /** Pass it as expectedVersion when editing */
  version: Scalars['Int']['output'];
};

/** Region (province of the client IP) or terminal: platform, device model, OS version */
export type GrayStatisticsDimension =
  | 'MODEL'
  | 'OS'
  | 'PLATFORM'
  | 'REGION';

/** A host app (应用) embedding the SDK; its SDK secret is never readable here */
export type HostApp = {
  __typename?: 'HostApp';
  androidPackageNames: Array<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** Opaque position of this item in the list that returned it: pass it as `after` to read the next page */
  cursor?: Maybe<Scalars['String']['output']>;
  enabled: Scalars['Boolean']['output'];
  harmonyBundleNames: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  iosBundleIds: Array<Scalars['String']['output']>;
  /** Linked and requested mini-programs; newest first, a page at a time */
  links: Array<HostAppLink>;
  name: Scalars['String']['output'];
  orgId: Scalars['ID']['output'];
  organization: Organization;
  /** Public SDK key the host app sends with every runtime request */
  sdkKey: Scalars['String']['output'];
  /** Last 4 characters of the current SDK secret */
  secretHint: Scalars['String']['output'];
  secretRotatedAt: Scalars['DateTimeISO']['output'];
};


/** A host app (应用) embedding the SDK; its SDK secret is never readable here */
export type HostAppLinksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  take?: Scalars['Int']['input'];
};

/** Returned only by createHostApp and rotateHostAppSecret: store the secret now, it is not shown again */
export type HostAppCredentials = {
  __typename?: 'HostAppCredentials';
  hostApp: HostApp;
  sdkKey: Scalars['String']['output'];
  sdkSecret: Scalars['String']['output'];
};

/** A mini-program linked (or requested to be linked) to a host app */
export type HostAppLink = {
  __typename?: 'HostAppLink';
  appId: Scalars['String']['output'];
  appOrgId: Scalars['ID']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** Opaque position of this item in the list that returned it: pass it as `after` to read the next page */
  cursor?: Maybe<Scalars['String']['output']>;
  decidedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  hostAppId: Scalars['ID']['output'];
  hostOrgId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  /** The mini-program's own organization always; the host app's organization once the link is ACTIVE (null before) */
  miniProgram?: Maybe<MiniProgram>;
  rejectionReason?: Maybe<Scalars['String']['output']>;
  requestedBy: Scalars['ID']['output'];
  status: HostAppLinkStatus;
};

/** INCOMING: requests for your mini-programs; OUTGOING: requests from your host apps */
export type HostAppLinkDirection =
  | 'INCOMING'
  | 'OUTGOING';

export type HostAppLinkStatus =
  | 'ACTIVE'
  | 'PENDING'
  | 'REJECTED';

/** Order of hostApps */
export type HostAppOrder = {
  direction: SortDirection;
  field: HostAppOrderField;
};

export type HostAppOrderField =
  | 'CREATED_AT'
  | 'NAME';

/** An invitation into an organization; EXPIRED is a pending one past expiresAt, REVOKED one a manager withdrew */
export type Invitation = {
  __typename?: 'Invitation';
  createdAt: Scalars['DateTimeISO']['output'];
  /** Opaque position of this item in the list that returned it: pass it as `after` to read the next page */
  cursor?: Maybe<Scalars['String']['output']>;
  email?: Maybe<Scalars['String']['output']>;
  expiresAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  invitedBy: Scalars['ID']['output'];
  orgId: Scalars['ID']['output'];
  phone?: Maybe<Scalars['String']['output']>;
  revokedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  revokedBy?: Maybe<Scalars['ID']['output']>;
  role: OrgRole;
  status: InvitationStatus;
};

export type InvitationPayload = {
  __typename?: 'InvitationPayload';
  invitation: Invitation;
  /** One-time token for acceptInvitation / signUp; returned only here */
  token: Scalars['String']['output'];
};

export type InvitationStatus =
  | 'ACCEPTED'
  | 'EXPIRED'
  | 'PENDING'
  | 'REVOKED';

export type InviteMemberInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  orgId: Scalars['ID']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
  role: OrgRole;
};

/** Launches of a period by stay (foreground time of the launch, whole seconds, floored) and by depth (pages shown in the launch); each launch counts on the day it started; the buckets of each kind add up to launches */
export type LaunchDistributions = {
  __typename?: 'LaunchDistributions';
  appId: Scalars['ID']['output'];
  /** The stay buckets, then the depth buckets as CSV (RFC 4180, header row, CRLF; cells starting with = + - @ are prefixed with ' against formula injection) */
  csv: Scalars['String']['output'];
  /** 0 (no page), 1, 2, 3, 4, 5, 6-10, 11-20, >20 */
  depth: Array<DistributionBucket>;
  from: Scalars['String']['output'];
  /** Launches of the period (as AnalyticsMetrics.launches) */
  launches: Scalars['Int']['output'];
  /** 0-2s, 3-5s, 6-10s, 11-30s, 31-60s, 1-3min, 3-10min, 10-30min, >30min */
  stay: Array<DistributionBucket>;
  timeZone: Scalars['String']['output'];
  to: Scalars['String']['output'];
};

/** The license in force */
export type License = {
  __typename?: 'License';
  /** Once expired, changes are refused until a new license is installed; reads keep working */
  expired: Scalars['Boolean']['output'];
  /** null: does not expire */
  expiresAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** null for the built-in evaluation license */
  installedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  issuedAt: Scalars['DateTimeISO']['output'];
  licenseId: Scalars['String']['output'];
  licensee: Scalars['String']['output'];
  limits: Array<LicenseLimit>;
  source: LicenseSource;
};

/** An uploaded license, as kept in the installation history */
export type LicenseInstallation = {
  __typename?: 'LicenseInstallation';
  /** True for the installation in force */
  active: Scalars['Boolean']['output'];
  expiresAt?: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['ID']['output'];
  installedAt: Scalars['DateTimeISO']['output'];
  /** User id of the operator admin who installed it */
  installedBy: Scalars['ID']['output'];
  issuedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  licenseId: Scalars['String']['output'];
  licensee: Scalars['String']['output'];
  /** null when the document does not verify */
  limits?: Maybe<Array<LicenseLimit>>;
  /** False when the stored document no longer verifies with the configured public key (it is ignored) */
  valid: Scalars['Boolean']['output'];
};

export type LicenseInstallationPage = {
  __typename?: 'LicenseInstallationPage';
  items: Array<LicenseInstallation>;
  total: Scalars['Int']['output'];
};

/** One limit of a license and how much of it is used */
export type LicenseLimit = {
  __typename?: 'LicenseLimit';
  /** null: unlimited */
  max?: Maybe<Scalars['Int']['output']>;
  name: LicenseLimitName;
  /** max - used, never below 0; null when unlimited or unknown */
  remaining?: Maybe<Scalars['Int']['output']>;
  /** Current count; null when not tracked (or in license history) */
  used?: Maybe<Scalars['Int']['output']>;
};

/** What a license limits */
export type LicenseLimitName =
  | 'CONCURRENT_GRAY_RELEASES'
  | 'HOST_APPS'
  | 'MINI_PROGRAMS'
  | 'ORGANIZATIONS';

/** INSTALLED: uploaded by an operator admin; EVALUATION: the built-in evaluation license (nothing installed) */
export type LicenseSource =
  | 'EVALUATION'
  | 'INSTALLED';

export type LoginInput = {
  /** Defaults to the x-device-id the router forwards */
  deviceId?: InputMaybe<Scalars['String']['input']>;
  deviceName?: InputMaybe<Scalars['String']['input']>;
  /** Email or phone number */
  identifier: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

/** A membership of a user in an organization; `user` and `organization` resolve the entities */
export type Member = {
  __typename?: 'Member';
  /** Opaque position of this item in the list that returned it: pass it as `after` to read the next page */
  cursor?: Maybe<Scalars['String']['output']>;
  joinedAt: Scalars['DateTimeISO']['output'];
  orgId: Scalars['ID']['output'];
  organization?: Maybe<Organization>;
  role: OrgRole;
  user?: Maybe<User>;
  userId: Scalars['ID']['output'];
};

/** Order of members */
export type MemberOrder = {
  direction: SortDirection;
  field: MemberOrderField;
};

export type MemberOrderField =
  | 'JOINED_AT'
  | 'ROLE';

/** A mini-program; `id` is its app id */
export type MiniProgram = {
  __typename?: 'MiniProgram';
  /** Same as id: the stable public app id */
  appId: Scalars['String']['output'];
  category?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** Opaque position of this item in the list that returned it: pass it as `after` to read the next page (set on the items of a list, in the order it was read) */
  cursor?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  /** Members of the owning organization and reviewing operators; the entity is null for others */
  domains?: Maybe<MiniProgramDomains>;
  frozenReason?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Object-store key of the logo (set by the logo upload) */
  logoKey?: Maybe<Scalars['String']['output']>;
  /** Short-lived download link of the logo */
  logoUrl?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  orgId: Scalars['ID']['output'];
  organization: Organization;
  publishedVersion?: Maybe<MiniProgramVersion>;
  /** Search aliases the owner set (found like the name, ranked below it) */
  searchAliases: Array<Scalars['String']['output']>;
  /** "Can be found by search": off hides it from devices' search (consoles still find it) */
  searchable: Scalars['Boolean']['output'];
  /** Pages a search hit can open (path, title, text) */
  searchablePages: Array<SearchablePage>;
  /** As miniProgramAnalytics(appId: id).total over the period; Members of the owning organization (miniprogram:read) or reviewing operators; days as YYYY-MM-DD in the reporting time zone, at most 366 */
  statistics?: Maybe<AnalyticsSummary>;
  status: MiniProgramStatus;
  tags: Array<Scalars['String']['output']>;
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Newest first unless orderBy says otherwise */
  versions: Array<MiniProgramVersion>;
};


/** A mini-program; `id` is its app id */
export type MiniProgramStatisticsArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


/** A mini-program; `id` is its app id */
export type MiniProgramVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  orderBy?: InputMaybe<MiniProgramVersionOrder>;
  skip?: Scalars['Int']['input'];
  take?: Scalars['Int']['input'];
};

/** Service domain lists and business domains of a mini-program */
export type MiniProgramDomains = {
  __typename?: 'MiniProgramDomains';
  appId: Scalars['ID']['output'];
  /** By domain name */
  businessDomains: Array<BusinessDomain>;
  download: Array<Scalars['String']['output']>;
  request: Array<Scalars['String']['output']>;
  socket: Array<Scalars['String']['output']>;
  updatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  upload: Array<Scalars['String']['output']>;
  /** 0 before the first change; pass it as expectedVersion when replacing a list */
  version: Scalars['Int']['output'];
};

/** Order of miniPrograms */
export type MiniProgramOrder = {
  direction: SortDirection;
  field: MiniProgramOrderField;
};

export type MiniProgramOrderField =
  | 'CREATED_AT'
  | 'NAME'
  | 'STATUS'
  | 'UPDATED_AT';

export type MiniProgramPage = {
  __typename?: 'MiniProgramPage';
  items: Array<MiniProgram>;
  total: Scalars['Int']['output'];
};

/** Counts over every hit of the query and filter, not just this page */
export type MiniProgramSearchFacets = {
  __typename?: 'MiniProgramSearchFacets';
  category: Array<SearchFacetCount>;
  organization: Array<SearchFacetCount>;
  status: Array<SearchFacetCount>;
};

/** Where the query matched, per field: HTML-escaped text around the matches, each match in <em>…</em>; null where it did not match */
export type MiniProgramSearchHighlights = {
  __typename?: 'MiniProgramSearchHighlights';
  aliases?: Maybe<Scalars['String']['output']>;
  category?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  keywords?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  organizationName?: Maybe<Scalars['String']['output']>;
};

export type MiniProgramSearchHit = {
  __typename?: 'MiniProgramSearchHit';
  /** The search aliases its owner set */
  aliases: Array<Scalars['String']['output']>;
  appId: Scalars['ID']['output'];
  category?: Maybe<Scalars['String']['output']>;
  description: Scalars['String']['output'];
  highlights: MiniProgramSearchHighlights;
  /** The search keywords (tags) its owner set */
  keywords: Array<Scalars['String']['output']>;
  miniProgram: MiniProgram;
  name: Scalars['String']['output'];
  orgId: Scalars['ID']['output'];
  organizationName: Scalars['String']['output'];
  /** The searchable page that matched, if any */
  page?: Maybe<SearchPageMatch>;
  /** Relevance; only comparable within one answer */
  score: Scalars['Float']['output'];
  /** Its owner's "can be found by search" switch (off: devices do not find it) */
  searchable: Scalars['Boolean']['output'];
  status: CatalogueStatus;
};

export type MiniProgramSearchResult = {
  __typename?: 'MiniProgramSearchResult';
  facets: MiniProgramSearchFacets;
  /** This page of hits, most relevant first */
  items: Array<MiniProgramSearchHit>;
  total: Scalars['Int']['output'];
};

/** Only the given fields change; aliases and pages replace the whole list (at most 5 aliases of 20 characters, 20 pages) */
export type MiniProgramSearchSettingsInput = {
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  pages?: InputMaybe<Array<SearchablePageInput>>;
  /** "Can be found by search" */
  searchable?: InputMaybe<Scalars['Boolean']['input']>;
};

/** FROZEN mini-programs cannot be submitted or released */
export type MiniProgramStatus =
  | 'ACTIVE'
  | 'FROZEN';

/** One uploaded package of a mini-program and its review/release state */
export type MiniProgramVersion = {
  __typename?: 'MiniProgramVersion';
  appId: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** Opaque position of this item in the list that returned it: pass it as `after` to read the next page (set on the items of a list, in the order it was read) */
  cursor?: Maybe<Scalars['String']['output']>;
  delistReason?: Maybe<Scalars['String']['output']>;
  delistedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** True when an operator delisted it */
  forcedDelist?: Maybe<Scalars['Boolean']['output']>;
  /** GRAY versions: share of matching devices the release plan serves this version to */
  grayPercentage?: Maybe<Scalars['Float']['output']>;
  grayRuleId?: Maybe<Scalars['String']['output']>;
  grayStartedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['ID']['output'];
  /** The parsed manifest.json / app.json; null when larger than 64 KiB */
  manifest?: Maybe<Scalars['JSONObject']['output']>;
  minPlatformCode?: Maybe<Scalars['Int']['output']>;
  miniProgram?: Maybe<MiniProgram>;
  /** Download link of the ZIP, valid for a few minutes (members with miniprogram:read, operators with miniprogram:review) */
  packageDownloadUrl: Scalars['String']['output'];
  /** The files of the package (path, inflated size) in archive order; take at most 1000 */
  packageFileList: PackageFilePage;
  packageFiles: Scalars['Int']['output'];
  /** 'w3c' or 'wechat' */
  packageFormat: Scalars['String']['output'];
  /** Hex SHA-256 of the ZIP, as served to the SDK */
  packageSha256: Scalars['String']['output'];
  packageSize: Scalars['Int']['output'];
  packageUncompressedBytes: Scalars['Int']['output'];
  pages: Array<Scalars['String']['output']>;
  /** What a rollback from this version returns to */
  previousPublishedVersionId?: Maybe<Scalars['ID']['output']>;
  publishedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  rejectionReason?: Maybe<Scalars['String']['output']>;
  releaseNotes?: Maybe<Scalars['String']['output']>;
  /** The release plan (rule-engine) that gray-releases, or published, this version */
  releasePlanId?: Maybe<Scalars['ID']['output']>;
  reviewedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  status: MiniProgramVersionStatus;
  submittedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  submittedBy?: Maybe<Scalars['ID']['output']>;
  uploadedBy: Scalars['ID']['output'];
  versionCode?: Maybe<Scalars['Int']['output']>;
  versionName: Scalars['String']['output'];
};


/** One uploaded package of a mini-program and its review/release state */
export type MiniProgramVersionPackageFileListArgs = {
  skip?: Scalars['Int']['input'];
  take?: Scalars['Int']['input'];
};

/** Order of versions and MiniProgram.versions */
export type MiniProgramVersionOrder = {
  direction: SortDirection;
  field: MiniProgramVersionOrderField;
};

export type MiniProgramVersionOrderField =
  | 'CREATED_AT'
  | 'STATUS'
  | 'VERSION_NAME';

export type MiniProgramVersionPage = {
  __typename?: 'MiniProgramVersionPage';
  items: Array<MiniProgramVersion>;
  total: Scalars['Int']['output'];
};

/** Review and release state of a version */
export type MiniProgramVersionStatus =
  | 'APPROVED'
  | 'DELISTED'
  | 'DEVELOPMENT'
  | 'GRAY'
  | 'PUBLISHED'
  | 'REJECTED'
  | 'SUBMITTED';

export type Mutation = {
  __typename?: 'Mutation';
  /** The invited (signed-in) user redeems the token */
  acceptInvitation: Member;
  /** miniprogram:write; PENDING_VERIFICATION with a file to serve, VERIFIED at once when whitelisted */
  addBusinessDomain: BusinessDomain;
  /** miniprogram:write; at most 100 testers per mini-program */
  addTrialMember: TrialMember;
  /** Operators with platform:configure */
  addWhitelistDomain: WhitelistDomain;
  /** Any signed-in user; creates a PENDING organization owned by the caller */
  applyForOrganization: Organization;
  /** miniprogram:release in the mini-program's organization */
  approveLinkRequest: HostAppLink;
  /** org:review; PENDING → APPROVED */
  approveOrganization: Organization;
  /** org:review; the waiting amendment's details become the organization's */
  approveOrganizationAmendment: Organization;
  /** miniprogram:review; SUBMITTED → APPROVED */
  approveSdkBuild: SdkBuild;
  /** miniprogram:review; SUBMITTED → APPROVED */
  approveVersion: MiniProgramVersion;
  /** Nobody grants a role above their own; the last owner stays */
  changeMemberRole: Member;
  /** operator:manage; not your own role (SELF_DEMOTION), and never the last enabled OPERATOR_ADMIN (LAST_OPERATOR_ADMIN); the operator signs in again with the new role at the next token refresh */
  changeOperatorRole: User;
  /** Checks the current password (throttled like login), sets the new one and ends your other sessions; this session goes on with the tokens returned */
  changePassword: AuthPayload;
  /** hostapp:manage in the host app's organization; back to the global defaults */
  clearSdkConfigOverride: SdkConfigOverride;
  /** miniprogram:write; false when none was set */
  clearTrialVersion: Scalars['Boolean']['output'];
  /** miniprogram:release; ACTIVE/PAUSED → COMPLETING, then COMPLETED once app-manage has published the gray version (FAILED if it cannot) */
  completeReleasePlan: ReleasePlan;
  /** miniprogram:release; BAD_USER_INPUT lists every problem of the rule */
  createGrayRule: GrayRule;
  /** hostapp:manage; license-limited; the SDK secret is shown only here */
  createHostApp: HostAppCredentials;
  /** miniprogram:write in the organization; license-limited */
  createMiniProgram: MiniProgram;
  /** operator:manage */
  createOperator: CreateOperatorPayload;
  /** miniprogram:write; creates or replaces the declaration of input.name */
  declareCustomEvent: CustomEventDeclaration;
  /** miniprogram:release; CONFLICT while a running plan uses it */
  deleteGrayRule: Scalars['Boolean']['output'];
  /** hostapp:manage; disable it first; removes its links, ends its SDK key and frees its license unit */
  deleteHostApp: Scalars['Boolean']['output'];
  /** miniprogram:release; only a mini-program none of whose versions was ever approved (so never released), not frozen; removes its versions, packages, links and trial and frees its license unit */
  deleteMiniProgram: Scalars['Boolean']['output'];
  /** miniprogram:write; DEVELOPMENT or REJECTED versions only; removes the package too */
  deleteVersion: Scalars['Boolean']['output'];
  /** miniprogram:release; PUBLISHED | GRAY → DELISTED */
  delistVersion: MiniProgramVersion;
  /** platform:configure; SDKs stop receiving it */
  disableBaseLibrary: BaseLibrary;
  /** hostapp:manage; the runtime refuses a disabled host app */
  disableHostApp: HostApp;
  /** operator:manage; also revokes the operator’s sessions */
  disableOperator: User;
  /** platform:configure */
  disableSdkVersion: SdkVersion;
  /** platform:configure */
  enableBaseLibrary: BaseLibrary;
  /** hostapp:manage */
  enableHostApp: HostApp;
  /** operator:manage */
  enableOperator: User;
  /** platform:configure */
  enableSdkVersion: SdkVersion;
  /** Operators (miniprogram:govern); PUBLISHED | GRAY → DELISTED */
  forceDelistVersion: MiniProgramVersion;
  /** Operators (miniprogram:govern); ACTIVE → FROZEN */
  freezeMiniProgram: MiniProgram;
  /** org:freeze; APPROVED only */
  freezeOrganization: Organization;
  /** platform:configure (OPERATOR_ADMIN): verifies the vendor signature of a license document (JSON) and puts it in force */
  installLicense: License;
  /** ORG_OWNER/ORG_ADMIN of an approved, unfrozen organization */
  inviteMember: InvitationPayload;
  /** hostapp:manage; same organization: ACTIVE at once, else a PENDING request */
  linkMiniProgram: HostAppLink;
  /** Password login; throttled per identifier */
  login: AuthPayload;
  /** Revokes the current session */
  logout: Scalars['Boolean']['output'];
  /** miniprogram:release; ACTIVE → PAUSED */
  pauseReleasePlan: ReleasePlan;
  /** platform:configure; the artifact must already be in the object store */
  publishSdkVersion: SdkVersion;
  /** miniprogram:release; APPROVED | GRAY → PUBLISHED */
  publishVersion: MiniProgramVersion;
  /** miniprogram:release; ACTIVE plans only, and only upwards */
  raiseReleasePlanPercentage: ReleasePlan;
  /** Operators (platform:configure): every search process rebuilds its index from app-manage and account, in place (searches go on; /readyz of a search service reports rebuilding: true meanwhile) */
  rebuildSearchIndex: Scalars['Boolean']['output'];
  /** platform:configure; records a request to recompute the daily rollups of the period (with its operation log line), runs it now (they are also recomputed for the late window on a timer); answers the (mini-program, day) pairs written */
  recomputeAnalytics: Scalars['Int']['output'];
  /** Rotates the refresh token; a reused token revokes its session */
  refreshSession: AuthPayload;
  /** miniprogram:release in the mini-program's organization */
  rejectLinkRequest: HostAppLink;
  /** org:review; PENDING → REJECTED */
  rejectOrganization: Organization;
  /** org:review; the approved details stay */
  rejectOrganizationAmendment: Organization;
  /** miniprogram:review; SUBMITTED → REJECTED */
  rejectSdkBuild: SdkBuild;
  /** miniprogram:review; SUBMITTED → REJECTED */
  rejectVersion: MiniProgramVersion;
  /** miniprogram:write */
  removeBusinessDomain: Scalars['Boolean']['output'];
  /** miniprogram:write; events of that name reported afterwards are dropped */
  removeCustomEventDeclaration: Scalars['Boolean']['output'];
  /** Managers remove lower or equal ranks; anyone may remove themself (leave) */
  removeMember: Scalars['Boolean']['output'];
  /** miniprogram:write; false when the user was not a tester */
  removeTrialMember: Scalars['Boolean']['output'];
  /** Operators with platform:configure; domains verified through it stay verified */
  removeWhitelistDomain: Scalars['Boolean']['output'];
  /** Owner; REJECTED → PENDING with edited details */
  resubmitOrganization: Organization;
  /** miniprogram:release; PAUSED → ACTIVE */
  resumeReleasePlan: ReleasePlan;
  /** miniprogram:release; ACTIVE/PAUSED → REVERTED (gray devices go back) */
  revertReleasePlan: ReleasePlan;
  /** ORG_OWNER/ORG_ADMIN of its approved, unfrozen organization; only a PENDING invitation, once (its token stops working) */
  revokeInvitation: Invitation;
  /** Revokes one of your own sessions */
  revokeSession: Scalars['Boolean']['output'];
  /** user:sessions:revoke:any; returns how many sessions were live */
  revokeUserSessions: Scalars['Int']['output'];
  /** miniprogram:release; the previously published version is published again */
  rollbackMiniProgram: MiniProgramVersion;
  /** hostapp:manage; the old secret stops working at once */
  rotateHostAppSecret: HostAppCredentials;
  /** hostapp:manage in the host app's organization; replaces the override */
  setSdkConfigOverride: SdkConfigOverride;
  /** Operators (platform:configure): replaces the hot words (at most 20 of 20 characters, in display order) */
  setSearchHotWords: Array<Scalars['String']['output']>;
  /** Operators (platform:configure): replaces the synonym groups (at most 200) */
  setSearchSynonyms: Array<SearchSynonymGroup>;
  /** miniprogram:write; replaces the whole list (at most 200, no duplicates, no IPs) */
  setServiceDomains: MiniProgramDomains;
  /** miniprogram:write; any version that is not REJECTED or DELISTED becomes the trial version */
  setTrialVersion: MiniProgramVersion;
  /** Institution user sign-up, optionally redeeming an invitation */
  signUp: SignUpPayload;
  /**
   * miniprogram:release; APPROVED → GRAY without serving it to any device
   * @deprecated Start a release plan (startReleasePlan): it gray-releases the version to devices and shows here as GRAY
   */
  startGrayRelease: MiniProgramVersion;
  /** miniprogram:release; one running plan per mini-program; license-limited */
  startReleasePlan: ReleasePlan;
  /**
   * miniprogram:release; GRAY → APPROVED, for versions not under a release plan (revert the plan otherwise)
   * @deprecated Revert the release plan (revertReleasePlan)
   */
  stopGrayRelease: MiniProgramVersion;
  /** hostapp:manage; submits an uploaded artifact → SUBMITTED */
  submitSdkBuild: SdkBuild;
  /** miniprogram:write; DEVELOPMENT → SUBMITTED */
  submitVersionForReview: MiniProgramVersion;
  /** Operators (miniprogram:govern); FROZEN → ACTIVE */
  unfreezeMiniProgram: MiniProgram;
  /** org:freeze */
  unfreezeOrganization: Organization;
  /** Either side of the link */
  unlinkMiniProgram: Scalars['Boolean']['output'];
  /** platform:configure */
  updateBaseLibrary: BaseLibrary;
  /** miniprogram:release; CONFLICT when expectedVersion is stale */
  updateGrayRule: GrayRule;
  /** hostapp:manage */
  updateHostApp: HostApp;
  /** miniprogram:write */
  updateMiniProgram: MiniProgram;
  /** miniprogram:write: search aliases, searchable pages and the "can be found by search" switch */
  updateMiniProgramSearchSettings: MiniProgram;
  /** org:update (owners, admins); contacts change at once, a new name, credit code or licence of an APPROVED organization waits for review as its amendment */
  updateOrganization: Organization;
  /** platform:configure; a new version; CONFLICT when expectedVersion is stale */
  updateSdkGlobalConfig: SdkGlobalConfig;
  /** miniprogram:write; fetches the verification file now */
  verifyBusinessDomain: BusinessDomain;
  /** hostapp:manage; SUBMITTED → WITHDRAWN */
  withdrawSdkBuild: SdkBuild;
  /** The submitter; SUBMITTED → DEVELOPMENT */
  withdrawVersionReview: MiniProgramVersion;
};


export type MutationAcceptInvitationArgs = {
  token: Scalars['String']['input'];
};


export type MutationAddBusinessDomainArgs = {
  appId: Scalars['ID']['input'];
  domain: Scalars['String']['input'];
};


export type MutationAddTrialMemberArgs = {
  appId: Scalars['ID']['input'];
  label?: InputMaybe<Scalars['String']['input']>;
  userId: Scalars['String']['input'];
};


export type MutationAddWhitelistDomainArgs = {
  domain: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationApplyForOrganizationArgs = {
  input: OrganizationApplicationInput;
};


export type MutationApproveLinkRequestArgs = {
  id: Scalars['ID']['input'];
};


export type MutationApproveOrganizationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationApproveOrganizationAmendmentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationApproveSdkBuildArgs = {
  id: Scalars['ID']['input'];
};


export type MutationApproveVersionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationChangeMemberRoleArgs = {
  orgId: Scalars['ID']['input'];
  role: OrgRole;
  userId: Scalars['ID']['input'];
};


export type MutationChangeOperatorRoleArgs = {
  role: OperatorRole;
  userId: Scalars['ID']['input'];
};


export type MutationChangePasswordArgs = {
  input: ChangePasswordInput;
};


export type MutationClearSdkConfigOverrideArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  hostAppId: Scalars['ID']['input'];
};


export type MutationClearTrialVersionArgs = {
  appId: Scalars['ID']['input'];
};


export type MutationCompleteReleasePlanArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateGrayRuleArgs = {
  input: CreateGrayRuleInput;
};


export type MutationCreateHostAppArgs = {
  input: CreateHostAppInput;
};


export type MutationCreateMiniProgramArgs = {
  input: CreateMiniProgramInput;
};


export type MutationCreateOperatorArgs = {
  input: CreateOperatorInput;
};


export type MutationDeclareCustomEventArgs = {
  appId: Scalars['ID']['input'];
  input: DeclareCustomEventInput;
};


export type MutationDeleteGrayRuleArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteHostAppArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteMiniProgramArgs = {
  appId: Scalars['ID']['input'];
};


export type MutationDeleteVersionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDelistVersionArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationDisableBaseLibraryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDisableHostAppArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDisableOperatorArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationDisableSdkVersionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationEnableBaseLibraryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationEnableHostAppArgs = {
  id: Scalars['ID']['input'];
};


export type MutationEnableOperatorArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationEnableSdkVersionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationForceDelistVersionArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationFreezeMiniProgramArgs = {
  appId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationFreezeOrganizationArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationInstallLicenseArgs = {
  document: Scalars['String']['input'];
};


export type MutationInviteMemberArgs = {
  input: InviteMemberInput;
};


export type MutationLinkMiniProgramArgs = {
  appId: Scalars['ID']['input'];
  hostAppId: Scalars['ID']['input'];
};


export type MutationLoginArgs = {
  input: LoginInput;
};


export type MutationPauseReleasePlanArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPublishSdkVersionArgs = {
  input: PublishSdkVersionInput;
};


export type MutationPublishVersionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRaiseReleasePlanPercentageArgs = {
  id: Scalars['ID']['input'];
  percentage: Scalars['Float']['input'];
};


export type MutationRecomputeAnalyticsArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


export type MutationRefreshSessionArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRejectLinkRequestArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRejectOrganizationArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRejectOrganizationAmendmentArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRejectSdkBuildArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRejectVersionArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRemoveBusinessDomainArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveCustomEventDeclarationArgs = {
  appId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};


export type MutationRemoveMemberArgs = {
  orgId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationRemoveTrialMemberArgs = {
  appId: Scalars['ID']['input'];
  userId: Scalars['String']['input'];
};


export type MutationRemoveWhitelistDomainArgs = {
  domain: Scalars['String']['input'];
};


export type MutationResubmitOrganizationArgs = {
  id: Scalars['ID']['input'];
  input: OrganizationApplicationInput;
};


export type MutationResumeReleasePlanArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevertReleasePlanArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeInvitationArgs = {
  invitationId: Scalars['ID']['input'];
};


export type MutationRevokeSessionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeUserSessionsArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationRollbackMiniProgramArgs = {
  appId: Scalars['ID']['input'];
};


export type MutationRotateHostAppSecretArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetSdkConfigOverrideArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  hostAppId: Scalars['ID']['input'];
  input: SdkConfigInput;
};


export type MutationSetSearchHotWordsArgs = {
  words: Array<Scalars['String']['input']>;
};


export type MutationSetSearchSynonymsArgs = {
  groups: Array<SearchSynonymGroupInput>;
};


export type MutationSetServiceDomainsArgs = {
  appId: Scalars['ID']['input'];
  domains: Array<Scalars['String']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  kind: ServiceDomainKind;
};


export type MutationSetTrialVersionArgs = {
  versionId: Scalars['ID']['input'];
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};


export type MutationStartGrayReleaseArgs = {
  id: Scalars['ID']['input'];
  input?: InputMaybe<GrayReleaseInput>;
};


export type MutationStartReleasePlanArgs = {
  input: StartReleasePlanInput;
};


export type MutationStopGrayReleaseArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSubmitSdkBuildArgs = {
  input: SubmitSdkBuildInput;
};


export type MutationSubmitVersionForReviewArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUnfreezeMiniProgramArgs = {
  appId: Scalars['ID']['input'];
};


export type MutationUnfreezeOrganizationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUnlinkMiniProgramArgs = {
  appId: Scalars['ID']['input'];
  hostAppId: Scalars['ID']['input'];
};


export type MutationUpdateBaseLibraryArgs = {
  id: Scalars['ID']['input'];
  input: UpdateBaseLibraryInput;
};


export type MutationUpdateGrayRuleArgs = {
  id: Scalars['ID']['input'];
  input: UpdateGrayRuleInput;
};


export type MutationUpdateHostAppArgs = {
  id: Scalars['ID']['input'];
  input: UpdateHostAppInput;
};


export type MutationUpdateMiniProgramArgs = {
  appId: Scalars['ID']['input'];
  input: UpdateMiniProgramInput;
};


export type MutationUpdateMiniProgramSearchSettingsArgs = {
  appId: Scalars['ID']['input'];
  input: MiniProgramSearchSettingsInput;
};


export type MutationUpdateOrganizationArgs = {
  id: Scalars['ID']['input'];
  input: OrganizationUpdateInput;
};


export type MutationUpdateSdkGlobalConfigArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: SdkConfigInput;
};


export type MutationVerifyBusinessDomainArgs = {
  id: Scalars['ID']['input'];
};


export type MutationWithdrawSdkBuildArgs = {
  id: Scalars['ID']['input'];
};


export type MutationWithdrawVersionReviewArgs = {
  id: Scalars['ID']['input'];
};

/** One chunk of the operation log as CSV (RFC 4180, CRLF, header row in the first chunk only) */
export type OperationLogCsv = {
  __typename?: 'OperationLogCsv';
  /** Formula-like fields (= + - @ tab CR first) are prefixed with an apostrophe */
  csv: Scalars['String']['output'];
  /** Pass as `after` for the next chunk; null when this chunk is the last */
  nextCursor?: Maybe<Scalars['String']['output']>;
  /** Data rows in this chunk */
  rows: Scalars['Int']['output'];
};

/** One mutation by a person or a third party, written in the unit of work of the change (ADR 0013) */
export type OperationLogEntry = {
  __typename?: 'OperationLogEntry';
  /** The mutation (GraphQL field name) */
  action: Scalars['String']['output'];
  /** `user:<id>`, `apiClient:<id>`, `hostApp:<id>`; null for an unidentified caller */
  actorId?: Maybe<Scalars['String']['output']>;
  /** user, operator, apiClient, hostApp or anonymous */
  actorKind: Scalars['String']['output'];
  /** When the change committed */
  at: Scalars['DateTimeISO']['output'];
  /** false: the mutation committed no unit of work, so its line was written after it returned */
  atomic: Scalars['Boolean']['output'];
  /** The events the change published, in order */
  changes: Array<Scalars['String']['output']>;
  clientIp?: Maybe<Scalars['String']['output']>;
  /** Opaque position of this item in the list that returned it: pass it as `after` to read the next page */
  cursor: Scalars['String']['output'];
  /** The id of the log line (its event id) */
  id: Scalars['ID']['output'];
  /** The organization the change belongs to; null for platform-wide changes */
  organizationId?: Maybe<Scalars['ID']['output']>;
  requestId: Scalars['String']['output'];
  /** The subgraph that ran it */
  subgraph: Scalars['String']['output'];
  /** What changed (secrets are never included) */
  summary: Scalars['String']['output'];
  targetId?: Maybe<Scalars['String']['output']>;
  targetType?: Maybe<Scalars['String']['output']>;
};

/** Every field narrows the log (ANDed); omit a field to leave it open */
export type OperationLogFilterInput = {
  /** The mutation, e.g. freezeMiniProgram */
  action?: InputMaybe<Scalars['String']['input']>;
  /** Who: `user:<id>`, `apiClient:<id>`, `hostApp:<id>`, or a bare id of any kind */
  actor?: InputMaybe<Scalars['String']['input']>;
  /** From this time on (inclusive) */
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** One organization (organization admins: one of theirs; operators: any) */
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  /** The id of the thing changed (a mini-program app id, a version id …) */
  target?: InputMaybe<Scalars['String']['input']>;
  /** The kind of thing changed, e.g. mini-program, version, organization */
  targetType?: InputMaybe<Scalars['String']['input']>;
  /** Before this time (exclusive) */
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

export type OperationLogPage = {
  __typename?: 'OperationLogPage';
  /** Newest first (time, then id) */
  items: Array<OperationLogEntry>;
  /** Pass as `after` for the next page; null when this page is the last */
  nextCursor?: Maybe<Scalars['String']['output']>;
};

/** Order of operators */
export type OperatorOrder = {
  direction: SortDirection;
  field: OperatorOrderField;
};

export type OperatorOrderField =
  | 'CREATED_AT'
  | 'DISPLAY_NAME';

export type OperatorRole =
  | 'OPERATOR_ADMIN'
  | 'OPERATOR_REVIEWER';

export type OrgRole =
  | 'ORG_ADMIN'
  | 'ORG_DEVELOPER'
  | 'ORG_OWNER';

export type Organization = {
  __typename?: 'Organization';
  /** The change waiting for review, or the last one rejected */
  amendment?: Maybe<OrganizationAmendment>;
  applicantId?: Maybe<Scalars['ID']['output']>;
  contactEmail?: Maybe<Scalars['String']['output']>;
  contactName?: Maybe<Scalars['String']['output']>;
  contactPhone?: Maybe<Scalars['String']['output']>;
  createdAt?: Maybe<Scalars['DateTimeISO']['output']>;
  creditCode?: Maybe<Scalars['String']['output']>;
  /** Opaque position of this item in the list that returned it: pass it as `after` to read the next page (myOrganizations) */
  cursor?: Maybe<Scalars['String']['output']>;
  /** Frozen organizations keep their data but their members cannot act for them */
  frozen: Scalars['Boolean']['output'];
  frozenReason?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  licenceDocumentRef?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  rejectionReason?: Maybe<Scalars['String']['output']>;
  reviewedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Every mini-program of the organization over the period; Members of the owning organization (miniprogram:read) or reviewing operators; days as YYYY-MM-DD in the reporting time zone, at most 366 */
  statistics?: Maybe<AnalyticsSummary>;
  status: OrganizationStatus;
  submittedAt?: Maybe<Scalars['DateTimeISO']['output']>;
};


export type OrganizationStatisticsArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};

/** A change of name, credit code or licence of an approved organization; the approved details apply until it is approved */
export type OrganizationAmendment = {
  __typename?: 'OrganizationAmendment';
  creditCode: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  licenceDocumentRef: Scalars['String']['output'];
  name: Scalars['String']['output'];
  rejectionReason?: Maybe<Scalars['String']['output']>;
  reviewedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  status: OrganizationAmendmentStatus;
  submittedAt: Scalars['DateTimeISO']['output'];
  submittedBy: Scalars['ID']['output'];
};

/** Review state of a change of name, credit code or licence */
export type OrganizationAmendmentStatus =
  | 'PENDING'
  | 'REJECTED';

export type OrganizationApplicationInput = {
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  contactName: Scalars['String']['input'];
  contactPhone: Scalars['String']['input'];
  /** Unified social credit code (统一社会信用代码), 18 characters */
  creditCode: Scalars['String']['input'];
  /** Reference to the uploaded business licence */
  licenceDocumentRef: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

/** Order of organizations */
export type OrganizationOrder = {
  direction: SortDirection;
  field: OrganizationOrderField;
};

export type OrganizationOrderField =
  | 'CREATED_AT'
  | 'NAME'
  | 'STATUS'
  | 'SUBMITTED_AT';

export type OrganizationPage = {
  __typename?: 'OrganizationPage';
  items: Array<Organization>;
  total: Scalars['Int']['output'];
};

/** Review state of an organization application */
export type OrganizationStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED';

/** Only the fields to change. On an approved organization a new name, credit code or licence is reviewed first */
export type OrganizationUpdateInput = {
  /** null or an empty string removes it */
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  contactName?: InputMaybe<Scalars['String']['input']>;
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  /** Unified social credit code (统一社会信用代码), 18 characters */
  creditCode?: InputMaybe<Scalars['String']['input']>;
  /** Reference to the uploaded business licence */
  licenceDocumentRef?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** One file of a package, as the validator read it */
export type PackageFile = {
  __typename?: 'PackageFile';
  /** Path inside the ZIP */
  path: Scalars['String']['output'];
  /** Inflated size in bytes */
  size: Scalars['Int']['output'];
};

export type PackageFilePage = {
  __typename?: 'PackageFilePage';
  items: Array<PackageFile>;
  total: Scalars['Int']['output'];
};

export type PageStatistics = {
  __typename?: 'PageStatistics';
  /** totalStayMs / views (0 without views) */
  averageStayMs: Scalars['Float']['output'];
  /** Launches whose first page this was (counted on the day the launch started) */
  entries: Scalars['Int']['output'];
  /** exits / views (0 without views) */
  exitRate: Scalars['Float']['output'];
  /** Launches whose last page this was (counted on the day the launch started) */
  exits: Scalars['Int']['output'];
  /** The page path the SDK reported ('unknown' without one) */
  pagePath: Scalars['String']['output'];
  /** Sum of the durations the page_hide events of the page reported, ms */
  totalStayMs: Scalars['Float']['output'];
  /** page_show events */
  views: Scalars['Int']['output'];
  /** Distinct users who viewed the page, distinct over the whole period (not a sum of days). A user is a device (the SDK's device id), as for newUsers and activeUsers: new on the day of its first event for the mini-program, active on every day it sent any event */
  visitors: Scalars['Int']['output'];
};

export type PlatformDay = {
  __typename?: 'PlatformDay';
  /** Distinct devices that day across every mini-program */
  activeDevices: Scalars['Int']['output'];
  /** YYYY-MM-DD in the reporting time zone */
  day: Scalars['String']['output'];
  /** Host apps created and not deleted */
  hostApps: Scalars['Int']['output'];
  hostAppsCreated: Scalars['Int']['output'];
  launches: Scalars['Int']['output'];
  /** Mini-programs created and not deleted */
  miniPrograms: Scalars['Int']['output'];
  miniProgramsCreated: Scalars['Int']['output'];
  /** Mini-programs with a published version, not frozen and not deleted */
  miniProgramsOnline: Scalars['Int']['output'];
  /** Approved organizations, frozen ones included */
  organizations: Scalars['Int']['output'];
  /** Organizations approved for the first time that day */
  organizationsApproved: Scalars['Int']['output'];
  organizationsFrozen: Scalars['Int']['output'];
};

/** The operators' platform overview (app-spider): organizations, mini-programs, host apps, devices and launches per day */
export type PlatformOverview = {
  __typename?: 'PlatformOverview';
  /** Distinct over the whole period across every mini-program (not a sum of days) */
  activeDevices: Scalars['Int']['output'];
  /** Every day of the period, zeros included */
  days: Array<PlatformDay>;
  from: Scalars['String']['output'];
  /** Sum over the period */
  hostAppsCreated: Scalars['Int']['output'];
  /** Sum over the period */
  launches: Scalars['Int']['output'];
  /** Sum over the period */
  miniProgramsCreated: Scalars['Int']['output'];
  /** Sum over the period */
  organizationsApproved: Scalars['Int']['output'];
  /** The installation-wide reporting time zone every day boundary uses */
  timeZone: Scalars['String']['output'];
  to: Scalars['String']['output'];
  /** At the end of the period */
  totals: PlatformTotals;
};

/** Order of baseLibraries and sdkVersions */
export type PlatformReleaseOrder = {
  direction: SortDirection;
  field: PlatformReleaseOrderField;
};

/** VERSION compares semantic versions (1.10.0 after 1.9.0; a pre-release before its release) */
export type PlatformReleaseOrderField =
  | 'CREATED_AT'
  | 'VERSION';

/** Platform totals at the end of a day or period, from the owners' events since analytics first ran */
export type PlatformTotals = {
  __typename?: 'PlatformTotals';
  /** Host apps created and not deleted */
  hostApps: Scalars['Int']['output'];
  /** Mini-programs created and not deleted */
  miniPrograms: Scalars['Int']['output'];
  /** Mini-programs with a published version, not frozen and not deleted */
  miniProgramsOnline: Scalars['Int']['output'];
  /** Approved organizations, frozen ones included */
  organizations: Scalars['Int']['output'];
  organizationsFrozen: Scalars['Int']['output'];
};

export type PublishSdkVersionInput = {
  /** Key of the artifact in the object store */
  artifactKey: Scalars['String']['input'];
  platform: SdkPlatform;
  releaseNotes?: InputMaybe<Scalars['String']['input']>;
  version: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** Newest (semantic) version first unless orderBy says otherwise; disabled ones only for platform:configure */
  baseLibraries?: Maybe<Array<BaseLibrary>>;
  /** How many base libraries `baseLibraries` holds with the same platform and enabled filter (for a paged table) */
  baseLibrariesTotal: Scalars['Int']['output'];
  baseLibrary?: Maybe<BaseLibrary>;
  /** Members of the owning organization (miniprogram:read) or reviewing operators; by name */
  customEventDeclarations: Array<CustomEventDeclaration>;
  /** The owning organization or operators */
  effectiveSdkConfig?: Maybe<EffectiveSdkConfig>;
  /** Members of the owning organization or reviewing operators; by name, a page at a time */
  grayRules?: Maybe<Array<GrayRule>>;
  /** Members of the owning organization or operators */
  hostApp?: Maybe<HostApp>;
  /** Newest first, a page at a time */
  hostApps?: Maybe<Array<HostApp>>;
  /** ORG_OWNER/ORG_ADMIN of the organization, or operators who read any organization; newest first, a page at a time */
  invitations: Array<Invitation>;
  /** Operators: the license in force (the built-in evaluation license until one is installed) with usage per limit */
  license?: Maybe<License>;
  /** platform:configure (OPERATOR_ADMIN): installed licenses, newest first */
  licenseHistory?: Maybe<LicenseInstallationPage>;
  /** Link requests of an organization (PENDING unless a status is given) */
  linkRequests?: Maybe<Array<HostAppLink>>;
  /** The signed-in caller with roles, memberships and permissions */
  me?: Maybe<Viewer>;
  /** org:members:read, or operators; oldest first unless orderBy says otherwise, a page at a time */
  members?: Maybe<Array<Member>>;
  /** Members of the owning organization (miniprogram:read) or reviewers */
  miniProgram?: Maybe<MiniProgram>;
  /** Members of the owning organization (miniprogram:read) or reviewing operators; days in the reporting time zone */
  miniProgramAnalytics?: Maybe<AnalyticsSeries>;
  /** As miniProgramAnalytics, grouped by a dimension over the period */
  miniProgramAnalyticsBreakdown?: Maybe<AnalyticsBreakdown>;
  /** Members of the owning organization (miniprogram:read) or reviewing operators */
  miniProgramDomains?: Maybe<MiniProgramDomains>;
  /** Members of the owning organization (miniprogram:read) or reviewing operators; days as YYYY-MM-DD in the reporting time zone; launches by stay and depth bucket over the period */
  miniProgramLaunchDistributions?: Maybe<LaunchDistributions>;
  /** Members of the owning organization (miniprogram:read) or reviewing operators; days as YYYY-MM-DD in the reporting time zone; from / to are cohort days, at most 92 (else BAD_USER_INPUT, reason RANGE_TOO_LONG) */
  miniProgramRetention?: Maybe<RetentionTable>;
  /** Members of the owning organization (miniprogram:read) or reviewing operators; days as YYYY-MM-DD in the reporting time zone; per page path over the period, sorted by sort and paged by take / skip */
  miniProgramTopPages?: Maybe<TopPages>;
  miniProgramVersion?: Maybe<MiniProgramVersion>;
  /** An organization's mini-programs (its members, or operators), newest first unless orderBy says otherwise; without orgId every organization's (operators who review) */
  miniPrograms?: Maybe<MiniProgramPage>;
  /** Organizations the caller belongs to, in any state; in the order joined, a page at a time */
  myOrganizations?: Maybe<Array<Organization>>;
  /** Your live sessions (devices); newest first, a page at a time */
  mySessions?: Maybe<Array<Session>>;
  /** operation-log:read:any (operators): every line; org:operation-log:read (owners and admins): their organizations. Newest first, cursor-paged */
  operationLog: OperationLogPage;
  /** As operationLog, as CSV in chunks of up to 2000 lines: pass nextCursor as after until it is null */
  operationLogCsv: OperationLogCsv;
  /** Operator accounts (operator:manage); oldest first unless orderBy says otherwise, a page at a time */
  operators?: Maybe<Array<User>>;
  /** Members of the organization or operators */
  organization?: Maybe<Organization>;
  /** Operators (org:read:any); newest first unless orderBy says otherwise */
  organizations?: Maybe<OrganizationPage>;
  /** Review queue, oldest submission first unless orderBy says otherwise (miniprogram:review) */
  pendingReviews?: Maybe<MiniProgramVersionPage>;
  /** Review queue, oldest first unless orderBy says otherwise (miniprogram:review) */
  pendingSdkBuildReviews?: Maybe<SdkBuildPage>;
  /** Operators (org:read:any); days in the reporting time zone, at most 366 */
  platformOverview: PlatformOverview;
  releasePlan?: Maybe<ReleasePlan>;
  /** Members of the plan's organization (miniprogram:read) or reviewing operators; days as YYYY-MM-DD in the reporting time zone; from defaults to the day the plan started, to to today; at most 92 days */
  releasePlanStatistics?: Maybe<ReleasePlanStatistics>;
  /** As releasePlanStatistics, by region or terminal (one dimension, most active first); days as YYYY-MM-DD in the reporting time zone; from defaults to the day the plan started, to to today; at most 92 days */
  releasePlanStatisticsBreakdown?: Maybe<ReleasePlanStatisticsBreakdown>;
  /** Members of the owning organization or reviewing operators; newest first unless orderBy says otherwise, a page at a time */
  releasePlans?: Maybe<Array<ReleasePlan>>;
  /** Newest enabled base library compatible with the SDK version, else the newest enabled one */
  resolveBaseLibrary?: Maybe<BaseLibrary>;
  /** The submitting organization or operators */
  sdkBuild?: Maybe<SdkBuild>;
  /** An organization's submissions, newest first unless orderBy says otherwise */
  sdkBuilds?: Maybe<Array<SdkBuild>>;
  /** Newest first, a page at a time: the global defaults without hostAppId, else that host app override */
  sdkConfigHistory?: Maybe<Array<SdkConfigRevision>>;
  /** The owning organization or operators */
  sdkConfigOverride?: Maybe<SdkConfigOverride>;
  /** Signed-in users */
  sdkGlobalConfig?: Maybe<SdkGlobalConfig>;
  sdkVersion?: Maybe<SdkVersion>;
  /** Newest (semantic) version first unless orderBy says otherwise; disabled ones only for platform:configure */
  sdkVersions?: Maybe<Array<SdkVersion>>;
  /** How many SDK versions `sdkVersions` holds with the same platform and enabled filter (for a paged table) */
  sdkVersionsTotal: Scalars['Int']['output'];
  /** The hot words shown before typing, in order (any signed-in user; devices get them from the runtime) */
  searchHotWords: Array<Scalars['String']['output']>;
  /** Operators search every mini-program; members their organizations' (drafts included) */
  searchMiniPrograms: MiniProgramSearchResult;
  /** Operators (org:read:any): top queries, queries with no result and click-through over at most 92 days */
  searchStatistics: SearchStatistics;
  /** Operators (org:read:any) */
  searchSynonyms: Array<SearchSynonymGroup>;
  /** Testers of the trial version, oldest first (miniprogram:read; operators with miniprogram:review) */
  trialMembers?: Maybe<Array<TrialMember>>;
  /** A QR code (PNG or SVG) opening the trial version through the SDK runtime (miniprogram:read) */
  trialQrCode?: Maybe<TrialQrCode>;
  /** The trial version (体验版), or null (miniprogram:read; operators with miniprogram:review) */
  trialVersion?: Maybe<MiniProgramVersion>;
  /** Yourself, or anyone for operators */
  user?: Maybe<User>;
  /** Versions of a mini-program, newest first */
  versions?: Maybe<Array<MiniProgramVersion>>;
  /** Operators; in name order unless orderBy says otherwise, a page at a time */
  whitelistDomains?: Maybe<Array<WhitelistDomain>>;
};


export type QueryBaseLibrariesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  orderBy?: InputMaybe<PlatformReleaseOrder>;
  platform?: InputMaybe<SdkPlatform>;
  skip?: Scalars['Int']['input'];
  take?: Scalars['Int']['input'];
};


export type QueryBaseLibrariesTotalArgs = {
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  platform?: InputMaybe<SdkPlatform>;
};


export type QueryBaseLibraryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomEventDeclarationsArgs = {
  appId: Scalars['ID']['input'];
  skip?: Scalars['Int']['input'];
  take?: Scalars['Int']['input'];
};


export type QueryEffectiveSdkConfigArgs = {
  hostAppId: Scalars['ID']['input'];
};


export type QueryGrayRulesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  appId: Scalars['ID']['input'];
  take?: Scalars['Int']['input'];
};


export type QueryHostAppArgs = {
  id: Scalars['ID']['input'];
};


export type QueryHostAppsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  orderBy?: InputMaybe<HostAppOrder>;
  orgId: Scalars['ID']['input'];
  take?: Scalars['Int']['input'];
};


export type QueryInvitationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  orgId: Scalars['ID']['input'];
  status?: InputMaybe<InvitationStatus>;
  take?: Scalars['Int']['input'];
};


export type QueryLicenseHistoryArgs = {
  skip?: Scalars['Int']['input'];
  take?: Scalars['Int']['input'];
};


export type QueryLinkRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  direction?: HostAppLinkDirection;
  orgId: Scalars['ID']['input'];
  status?: InputMaybe<HostAppLinkStatus>;
  take?: Scalars['Int']['input'];
};


export type QueryMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  orderBy?: InputMaybe<MemberOrder>;
  orgId: Scalars['ID']['input'];
  take?: Scalars['Int']['input'];
};


export type QueryMiniProgramArgs = {
  appId: Scalars['ID']['input'];
};


export type QueryMiniProgramAnalyticsArgs = {
  appId: Scalars['ID']['input'];
  from: Scalars['String']['input'];
  granularity?: AnalyticsGranularity;
  to: Scalars['String']['input'];
};


export type QueryMiniProgramAnalyticsBreakdownArgs = {
  appId: Scalars['ID']['input'];
  dimension: AnalyticsDimension;
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


export type QueryMiniProgramDomainsArgs = {
  appId: Scalars['ID']['input'];
};


export type QueryMiniProgramLaunchDistributionsArgs = {
  appId: Scalars['ID']['input'];
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


export type QueryMiniProgramRetentionArgs = {
  appId: Scalars['ID']['input'];
  cohort?: RetentionCohort;
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


export type QueryMiniProgramTopPagesArgs = {
  appId: Scalars['ID']['input'];
  from: Scalars['String']['input'];
  skip?: Scalars['Int']['input'];
  sort?: TopPagesSort;
  take?: Scalars['Int']['input'];
  to: Scalars['String']['input'];
};


export type QueryMiniProgramVersionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMiniProgramsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  category?: InputMaybe<Scalars['String']['input']>;
  orderBy?: InputMaybe<MiniProgramOrder>;
  orgId?: InputMaybe<Scalars['ID']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  skip?: Scalars['Int']['input'];
  status?: InputMaybe<MiniProgramStatus>;
  take?: Scalars['Int']['input'];
};


export type QueryMyOrganizationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  take?: Scalars['Int']['input'];
};


export type QueryMySessionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  take?: Scalars['Int']['input'];
};


export type QueryOperationLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OperationLogFilterInput>;
  take?: Scalars['Int']['input'];
};


export type QueryOperationLogCsvArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OperationLogFilterInput>;
  rows?: Scalars['Int']['input'];
};


export type QueryOperatorsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  orderBy?: InputMaybe<OperatorOrder>;
  take?: Scalars['Int']['input'];
};


export type QueryOrganizationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrganizationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  amendmentPending?: InputMaybe<Scalars['Boolean']['input']>;
  frozen?: InputMaybe<Scalars['Boolean']['input']>;
  orderBy?: InputMaybe<OrganizationOrder>;
  search?: InputMaybe<Scalars['String']['input']>;
  skip?: Scalars['Int']['input'];
  status?: InputMaybe<OrganizationStatus>;
  take?: Scalars['Int']['input'];
};


export type QueryPendingReviewsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  orderBy?: InputMaybe<VersionReviewOrder>;
  skip?: Scalars['Int']['input'];
  take?: Scalars['Int']['input'];
};


export type QueryPendingSdkBuildReviewsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  orderBy?: InputMaybe<SdkBuildOrder>;
  skip?: Scalars['Int']['input'];
  take?: Scalars['Int']['input'];
};


export type QueryPlatformOverviewArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


export type QueryReleasePlanArgs = {
  id: Scalars['ID']['input'];
};


export type QueryReleasePlanStatisticsArgs = {
  from?: InputMaybe<Scalars['String']['input']>;
  planId: Scalars['ID']['input'];
  to?: InputMaybe<Scalars['String']['input']>;
};


export type QueryReleasePlanStatisticsBreakdownArgs = {
  dimension: GrayStatisticsDimension;
  from?: InputMaybe<Scalars['String']['input']>;
  planId: Scalars['ID']['input'];
  take?: Scalars['Int']['input'];
  to?: InputMaybe<Scalars['String']['input']>;
};


export type QueryReleasePlansArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  appId: Scalars['ID']['input'];
  orderBy?: InputMaybe<ReleasePlanOrder>;
  take?: Scalars['Int']['input'];
};


export type QueryResolveBaseLibraryArgs = {
  platform: SdkPlatform;
  sdkVersion: Scalars['String']['input'];
};


export type QuerySdkBuildArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySdkBuildsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  orderBy?: InputMaybe<SdkBuildOrder>;
  orgId: Scalars['ID']['input'];
  skip?: Scalars['Int']['input'];
  take?: Scalars['Int']['input'];
};


export type QuerySdkConfigHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  hostAppId?: InputMaybe<Scalars['ID']['input']>;
  take?: Scalars['Int']['input'];
};


export type QuerySdkConfigOverrideArgs = {
  hostAppId: Scalars['ID']['input'];
};


export type QuerySdkVersionArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySdkVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  orderBy?: InputMaybe<PlatformReleaseOrder>;
  platform?: InputMaybe<SdkPlatform>;
  skip?: Scalars['Int']['input'];
  take?: Scalars['Int']['input'];
};


export type QuerySdkVersionsTotalArgs = {
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  platform?: InputMaybe<SdkPlatform>;
};


export type QuerySearchMiniProgramsArgs = {
  filter?: InputMaybe<SearchMiniProgramsFilter>;
  offset?: Scalars['Int']['input'];
  take?: Scalars['Int']['input'];
  text?: Scalars['String']['input'];
};


export type QuerySearchStatisticsArgs = {
  from: Scalars['String']['input'];
  take?: Scalars['Int']['input'];
  to: Scalars['String']['input'];
};


export type QueryTrialMembersArgs = {
  appId: Scalars['ID']['input'];
};


export type QueryTrialQrCodeArgs = {
  appId: Scalars['ID']['input'];
  format?: TrialQrFormat;
  ttlHours?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTrialVersionArgs = {
  appId: Scalars['ID']['input'];
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  appId: Scalars['ID']['input'];
  orderBy?: InputMaybe<MiniProgramVersionOrder>;
  skip?: Scalars['Int']['input'];
  take?: Scalars['Int']['input'];
};


export type QueryWhitelistDomainsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  orderBy?: InputMaybe<WhitelistDomainOrder>;
  take?: Scalars['Int']['input'];
};

/** A phased gray release of one version under a rule */
export type ReleasePlan = {
  __typename?: 'ReleasePlan';
  appId: Scalars['ID']['output'];
  completedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Opaque position of this item in the list that returned it: pass it as `after` to read the next page */
  cursor?: Maybe<Scalars['String']['output']>;
  failedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Why the version could not be gray-released or published (FAILED plans) */
  failureReason?: Maybe<Scalars['String']['output']>;
  /** app-manage's id of the version being gray-released */
  grayVersionId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  pausedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Share of matching devices in the gray cohort (0.01 to 100); only goes up */
  percentage: Scalars['Float']['output'];
  revertedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Null once the rule was deleted */
  rule?: Maybe<GrayRule>;
  ruleId: Scalars['ID']['output'];
  startedAt: Scalars['DateTimeISO']['output'];
  startedBy: Scalars['ID']['output'];
  state: ReleasePlanState;
  /** As releasePlanStatistics(planId: id); days as YYYY-MM-DD in the reporting time zone; from defaults to the day the plan started, to to today; at most 92 days */
  statistics?: Maybe<ReleasePlanStatistics>;
  updatedAt: Scalars['DateTimeISO']['output'];
};


/** A phased gray release of one version under a rule */
export type ReleasePlanStatisticsArgs = {
  from?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
};

/** A change of the plan on the timeline (rule-engine's release-plan events) */
export type ReleasePlanMark = {
  __typename?: 'ReleasePlanMark';
  /** When the change was written (ISO 8601) */
  at: Scalars['String']['output'];
  /** The percentage after the change */
  percentage: Scalars['Float']['output'];
  /** The plan state after the change */
  state: Scalars['String']['output'];
  /** release-plan.started, .raised, .paused, .resumed, .completing, .completed, .reverted or .failed */
  type: Scalars['String']['output'];
};

/** Order of releasePlans */
export type ReleasePlanOrder = {
  direction: SortDirection;
  field: ReleasePlanOrderField;
};

export type ReleasePlanOrderField =
  | 'PERCENTAGE'
  | 'STARTED_AT'
  | 'STATE'
  | 'UPDATED_AT';

/** ACTIVE and PAUSED plans are running (PAUSED keeps its cohort, admits nobody new); COMPLETING waits for app-manage to publish the version; COMPLETED, REVERTED and FAILED (the version could not be gray-released or published) are final */
export type ReleasePlanState =
  | 'ACTIVE'
  | 'COMPLETED'
  | 'COMPLETING'
  | 'FAILED'
  | 'PAUSED'
  | 'REVERTED';

/** A release plan: gray version against the released version over the same days, attributed by the runtime exposure record */
export type ReleasePlanStatistics = {
  __typename?: 'ReleasePlanStatistics';
  appId: Scalars['ID']['output'];
  /** One row per day and cohort (gray, released), then the two total rows as CSV (RFC 4180, header row, CRLF; cells starting with = + - @ are prefixed with ' against formula injection) */
  csv: Scalars['String']['output'];
  days: Array<GrayComparisonDay>;
  from: Scalars['String']['output'];
  grayVersionId: Scalars['ID']['output'];
  /** The plan's percentage changes and state changes, oldest first */
  marks: Array<ReleasePlanMark>;
  percentage: Scalars['Float']['output'];
  planId: Scalars['ID']['output'];
  /** The plan state as last seen */
  state: Scalars['String']['output'];
  timeZone: Scalars['String']['output'];
  to: Scalars['String']['output'];
  /** Over the period (distinct devices over the period, not a sum of days) */
  total: GrayComparison;
};

/** A release plan by region or terminal: gray against released per value */
export type ReleasePlanStatisticsBreakdown = {
  __typename?: 'ReleasePlanStatisticsBreakdown';
  dimension: GrayStatisticsDimension;
  from: Scalars['String']['output'];
  planId: Scalars['ID']['output'];
  /** Most active devices first, at most take */
  rows: Array<GrayComparisonRow>;
  timeZone: Scalars['String']['output'];
  to: Scalars['String']['output'];
};

/** Whose return a retention table follows */
export type RetentionCohort =
  /** The users active on the cohort day */
  | 'ACTIVE'
  /** The users new on the cohort day */
  | 'NEW';

export type RetentionRow = {
  __typename?: 'RetentionRow';
  /** YYYY-MM-DD in the reporting time zone */
  cohortDay: Scalars['String']['output'];
  /** Users new (or active) on the cohort day, distinct */
  cohortSize: Scalars['Int']['output'];
  /** retained / cohortSize per offset (0 for an empty cohort, null where retained is null) */
  rates: Array<Maybe<Scalars['Float']['output']>>;
  /** Per offset (in the order of RetentionTable.offsets): users of the cohort active again on cohortDay + offset; null while that day is after today */
  retained: Array<Maybe<Scalars['Int']['output']>>;
};

/** FinClip's retention table: cohort day × day N (one scalar list per row, so a 92-day table is one cheap read). A user is a device (the SDK's device id), as for newUsers and activeUsers: new on the day of its first event for the mini-program, active on every day it sent any event. Counted from the daily device rollups; every cell is a distinct count of its own (cells are never summed) */
export type RetentionTable = {
  __typename?: 'RetentionTable';
  appId: Scalars['ID']['output'];
  cohort: RetentionCohort;
  /** One row per cohort day: day_N retained users, then day_N_rate as CSV (RFC 4180, header row, CRLF; cells starting with = + - @ are prefixed with ' against formula injection) */
  csv: Scalars['String']['output'];
  /** First cohort day */
  from: Scalars['String']['output'];
  /** The offsets of every row: 1 to 7, 14 and 30 */
  offsets: Array<Scalars['Int']['output']>;
  /** Every cohort day of the range, in order */
  rows: Array<RetentionRow>;
  timeZone: Scalars['String']['output'];
  /** Last cohort day */
  to: Scalars['String']['output'];
};

/** An SDK build an organization submitted for review */
export type SdkBuild = {
  __typename?: 'SdkBuild';
  /** Object key; a rejected build can be resubmitted with it */
  artifactKey: Scalars['String']['output'];
  artifactSha256: Scalars['String']['output'];
  artifactSize: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** Opaque position of this item in the list that returned it: pass it as `after` to read the next page (set on the items of a list, in the order it was read) */
  cursor?: Maybe<Scalars['String']['output']>;
  /** Signed download link for reviewers, valid 600 s */
  downloadUrl: Scalars['String']['output'];
  /** The files of the artifact for review, in archive order (the submitting organization and operators); take up to 1000 */
  files: SdkBuildFilePage;
  id: Scalars['ID']['output'];
  notes?: Maybe<Scalars['String']['output']>;
  orgId: Scalars['ID']['output'];
  platform: SdkPlatform;
  rejectionReason?: Maybe<Scalars['String']['output']>;
  reviewedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  status: SdkBuildStatus;
  submittedBy: Scalars['ID']['output'];
  version: Scalars['String']['output'];
};


/** An SDK build an organization submitted for review */
export type SdkBuildFilesArgs = {
  skip?: Scalars['Int']['input'];
  take?: Scalars['Int']['input'];
};

/** One file of an SDK build artifact, from its central directory */
export type SdkBuildFile = {
  __typename?: 'SdkBuildFile';
  /** Path inside the ZIP */
  path: Scalars['String']['output'];
  /** Inflated size in bytes */
  size: Scalars['Int']['output'];
};

export type SdkBuildFilePage = {
  __typename?: 'SdkBuildFilePage';
  items: Array<SdkBuildFile>;
  total: Scalars['Int']['output'];
};

/** Order of sdkBuilds and pendingSdkBuildReviews */
export type SdkBuildOrder = {
  direction: SortDirection;
  field: SdkBuildOrderField;
};

/** STATUS is refused by pendingSdkBuildReviews (every build there is SUBMITTED) */
export type SdkBuildOrderField =
  | 'CREATED_AT'
  | 'PLATFORM'
  | 'STATUS'
  | 'VERSION';

export type SdkBuildPage = {
  __typename?: 'SdkBuildPage';
  items: Array<SdkBuild>;
  total: Scalars['Int']['output'];
};

/** Review state of a submitted SDK build */
export type SdkBuildStatus =
  | 'APPROVED'
  | 'REJECTED'
  | 'SUBMITTED'
  | 'WITHDRAWN';

/** A complete SDK configuration document */
export type SdkConfig = {
  __typename?: 'SdkConfig';
  /** Empty: every API that is not blocked */
  allowedApiList: Array<Scalars['String']['output']>;
  /** Wins over allowedApiList */
  blockedApiList: Array<Scalars['String']['output']>;
  enableDebug: Scalars['Boolean']['output'];
  /** Free-form string settings, sorted by key */
  extra: Array<SdkConfigEntry>;
  logLevel: SdkLogLevel;
  maxCachedApplets: Scalars['Int']['output'];
  packageDownloadTimeoutMs: Scalars['Int']['output'];
  reportIntervalSec: Scalars['Int']['output'];
};

export type SdkConfigEntry = {
  __typename?: 'SdkConfigEntry';
  key: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

export type SdkConfigEntryInput = {
  key: Scalars['String']['input'];
  value: Scalars['String']['input'];
};

/** Global defaults: omitted fields take built-in defaults. Override: only the given fields override. */
export type SdkConfigInput = {
  allowedApiList?: InputMaybe<Array<Scalars['String']['input']>>;
  blockedApiList?: InputMaybe<Array<Scalars['String']['input']>>;
  enableDebug?: InputMaybe<Scalars['Boolean']['input']>;
  extra?: InputMaybe<Array<SdkConfigEntryInput>>;
  logLevel?: InputMaybe<SdkLogLevel>;
  maxCachedApplets?: InputMaybe<Scalars['Int']['input']>;
  packageDownloadTimeoutMs?: InputMaybe<Scalars['Int']['input']>;
  reportIntervalSec?: InputMaybe<Scalars['Int']['input']>;
};

/** A host app's override of the global defaults (version 0: never set) */
export type SdkConfigOverride = {
  __typename?: 'SdkConfigOverride';
  etag: Scalars['String']['output'];
  hostAppId: Scalars['ID']['output'];
  settings: SdkConfigSettings;
  updatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  updatedBy?: Maybe<Scalars['ID']['output']>;
  version: Scalars['Int']['output'];
};

/** One immutable version of the global defaults or of an override */
export type SdkConfigRevision = {
  __typename?: 'SdkConfigRevision';
  createdAt: Scalars['DateTimeISO']['output'];
  createdBy: Scalars['ID']['output'];
  /** Opaque position of this item in the list that returned it: pass it as `after` to read the next page */
  cursor?: Maybe<Scalars['String']['output']>;
  etag: Scalars['String']['output'];
  /** "global" or the host app id */
  scope: Scalars['String']['output'];
  settings: SdkConfigSettings;
  version: Scalars['Int']['output'];
};

/** Settings of an override or a history entry: null means not set */
export type SdkConfigSettings = {
  __typename?: 'SdkConfigSettings';
  allowedApiList?: Maybe<Array<Scalars['String']['output']>>;
  blockedApiList?: Maybe<Array<Scalars['String']['output']>>;
  enableDebug?: Maybe<Scalars['Boolean']['output']>;
  extra?: Maybe<Array<SdkConfigEntry>>;
  logLevel?: Maybe<SdkLogLevel>;
  maxCachedApplets?: Maybe<Scalars['Int']['output']>;
  packageDownloadTimeoutMs?: Maybe<Scalars['Int']['output']>;
  reportIntervalSec?: Maybe<Scalars['Int']['output']>;
};

/** The global SDK defaults (version 0: built-in defaults) */
export type SdkGlobalConfig = {
  __typename?: 'SdkGlobalConfig';
  config: SdkConfig;
  etag: Scalars['String']['output'];
  updatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  updatedBy?: Maybe<Scalars['ID']['output']>;
  version: Scalars['Int']['output'];
};

export type SdkLogLevel =
  | 'DEBUG'
  | 'ERROR'
  | 'INFO'
  | 'WARN';

/** Host-app operating system */
export type SdkPlatform =
  | 'ANDROID'
  | 'HARMONY'
  | 'IOS';

/** An SDK release published by the operator */
export type SdkVersion = {
  __typename?: 'SdkVersion';
  /** Hex SHA-256 of the artifact */
  artifactSha256: Scalars['String']['output'];
  artifactSize: Scalars['Int']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** Opaque position of this item in the list that returned it: pass it as `after` to read the next page (set on the items of a list, in the order it was read) */
  cursor?: Maybe<Scalars['String']['output']>;
  /** Signed download link, valid 600 s */
  downloadUrl: Scalars['String']['output'];
  enabled: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  platform: SdkPlatform;
  releaseNotes?: Maybe<Scalars['String']['output']>;
  /** Semantic version */
  version: Scalars['String']['output'];
};

export type SearchFacetCount = {
  __typename?: 'SearchFacetCount';
  count: Scalars['Int']['output'];
  /** The organization's name for an organization id; the value otherwise */
  label: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

/** Every list narrows the search; values of one list are alternatives */
export type SearchMiniProgramsFilter = {
  categories?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Organizations; members may name only their own */
  orgIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  statuses?: InputMaybe<Array<CatalogueStatus>>;
};

/** The searchable page of the mini-program that matched */
export type SearchPageMatch = {
  __typename?: 'SearchPageMatch';
  /** HTML-escaped text of the page around the matches, each match in <em>…</em> */
  fragment: Scalars['String']['output'];
  /** Page path in the package (where a device opens the hit) */
  path: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

export type SearchQueryCount = {
  __typename?: 'SearchQueryCount';
  /** Searches of it whose hit a device opened */
  clicks: Scalars['Int']['output'];
  /** Searches of it that found nothing */
  noResult: Scalars['Int']['output'];
  /** The normalized query (folded width and case, collapsed spaces) */
  query: Scalars['String']['output'];
  searches: Scalars['Int']['output'];
};

/** What was searched over a period (devices and consoles), from the search log */
export type SearchStatistics = {
  __typename?: 'SearchStatistics';
  /** Clicked searches / searches */
  clickThroughRate: Scalars['Float']['output'];
  clicks: Scalars['Int']['output'];
  /** First day (UTC), YYYY-MM-DD */
  from: Scalars['String']['output'];
  /** Queries that found nothing, most often first */
  noResultQueries: Array<SearchQueryCount>;
  noResultSearches: Scalars['Int']['output'];
  searches: Scalars['Int']['output'];
  /** Last day (UTC), YYYY-MM-DD */
  to: Scalars['String']['output'];
  /** Most searched first */
  topQueries: Array<SearchQueryCount>;
};

export type SearchSynonymGroup = {
  __typename?: 'SearchSynonymGroup';
  terms: Array<Scalars['String']['output']>;
};

/** Terms that stand for one another at query time (社保 ⇄ 社会保险): 2 to 8 terms of at most 20 characters */
export type SearchSynonymGroupInput = {
  terms: Array<Scalars['String']['input']>;
};

/** A page its owner declared searchable */
export type SearchablePage = {
  __typename?: 'SearchablePage';
  /** Page path in the package, e.g. pages/index/index (a query may follow) */
  path: Scalars['String']['output'];
  text: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

export type SearchablePageInput = {
  path: Scalars['String']['input'];
  text?: InputMaybe<Scalars['String']['input']>;
  title: Scalars['String']['input'];
};

/** REQUEST, UPLOAD, DOWNLOAD take https://, SOCKET wss:// */
export type ServiceDomainKind =
  | 'DOWNLOAD'
  | 'REQUEST'
  | 'SOCKET'
  | 'UPLOAD';

/** A signed-in device: one refresh-token family */
export type Session = {
  __typename?: 'Session';
  clientIp?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** True for the session of the access token making this request */
  current: Scalars['Boolean']['output'];
  /** Opaque position of this item in the list that returned it: pass it as `after` to read the next page (mySessions) */
  cursor?: Maybe<Scalars['String']['output']>;
  deviceId?: Maybe<Scalars['String']['output']>;
  deviceName?: Maybe<Scalars['String']['output']>;
  expiresAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  lastUsedAt: Scalars['DateTimeISO']['output'];
  userAgent?: Maybe<Scalars['String']['output']>;
};

export type SignUpInput = {
  displayName: Scalars['String']['input'];
  email?: InputMaybe<Scalars['String']['input']>;
  /** Joins the inviting organization */
  invitationToken?: InputMaybe<Scalars['String']['input']>;
  /** At least 10 characters with letters and digits */
  password: Scalars['String']['input'];
  /** E.164, or an 11-digit mainland China mobile number */
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type SignUpPayload = {
  __typename?: 'SignUpPayload';
  /** Set when an invitation token was redeemed */
  membership?: Maybe<Member>;
  user: User;
};

/** ASC: smallest, oldest, A to Z first; DESC: largest, newest, Z to A first. Equal values are ordered by id in the same direction, so pages never repeat or skip an item. */
export type SortDirection =
  | 'ASC'
  | 'DESC';

export type StartReleasePlanInput = {
  appId: Scalars['ID']['input'];
  grayVersionId: Scalars['ID']['input'];
  percentage: Scalars['Float']['input'];
  ruleId: Scalars['ID']['input'];
};

export type SubmitSdkBuildInput = {
  /** Key of an artifact uploaded earlier under sdk-builds/<orgId>/ */
  artifactKey: Scalars['String']['input'];
  notes?: InputMaybe<Scalars['String']['input']>;
  orgId: Scalars['ID']['input'];
  platform: SdkPlatform;
  version: Scalars['String']['input'];
};

/** Per-page statistics of one mini-program over a period */
export type TopPages = {
  __typename?: 'TopPages';
  appId: Scalars['ID']['output'];
  /** The rows of this page (take / skip) as CSV (RFC 4180, header row, CRLF; cells starting with = + - @ are prefixed with ' against formula injection) */
  csv: Scalars['String']['output'];
  from: Scalars['String']['output'];
  rows: Array<PageStatistics>;
  sort: TopPagesSort;
  timeZone: Scalars['String']['output'];
  to: Scalars['String']['output'];
  /** Pages with any number in the period (every page, not only this page of rows) */
  totalCount: Scalars['Int']['output'];
};

/** Order of a top-pages table: the largest first (PAGE_PATH: A to Z); ties by page path A to Z */
export type TopPagesSort =
  | 'AVERAGE_STAY'
  | 'ENTRIES'
  | 'EXITS'
  | 'PAGE_PATH'
  | 'TOTAL_STAY'
  | 'VIEWS'
  | 'VISITORS';

/** A tester of the trial version (体验成员), named by the user id the host app sends to the SDK runtime */
export type TrialMember = {
  __typename?: 'TrialMember';
  addedBy: Scalars['ID']['output'];
  appId: Scalars['ID']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  label?: Maybe<Scalars['String']['output']>;
  /** The host app's user id (the runtime's `userId` parameter / `x-user-id` header) */
  userId: Scalars['String']['output'];
};

/** A QR code that opens the trial version on a tester’s device through the SDK runtime */
export type TrialQrCode = {
  __typename?: 'TrialQrCode';
  appId: Scalars['ID']['output'];
  /** image/png or image/svg+xml */
  contentType: Scalars['String']['output'];
  /** Base64 PNG bytes, or the SVG document */
  data: Scalars['String']['output'];
  /** data: URL of the image */
  dataUrl: Scalars['String']['output'];
  /** What the code encodes: grove://applet/<appId>?trial=<token> */
  deepLink: Scalars['String']['output'];
  expiresAt: Scalars['DateTimeISO']['output'];
  format: TrialQrFormat;
  /** Signed grant for this version; the SDK passes it as the runtime `trial` parameter */
  token: Scalars['String']['output'];
  versionId: Scalars['ID']['output'];
};

/** Image format of a trial QR code */
export type TrialQrFormat =
  | 'PNG'
  | 'SVG';

export type UpdateBaseLibraryInput = {
  minSdkVersion?: InputMaybe<Scalars['String']['input']>;
  platforms?: InputMaybe<Array<SdkPlatform>>;
  /** null clears them */
  releaseNotes?: InputMaybe<Scalars['String']['input']>;
};

/** Only the given fields change; null clears the description */
export type UpdateGrayRuleInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  expectedVersion: Scalars['Int']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  rule?: InputMaybe<Scalars['JSONObject']['input']>;
};

/** Only the given fields change; a given list replaces the stored one */
export type UpdateHostAppInput = {
  androidPackageNames?: InputMaybe<Array<Scalars['String']['input']>>;
  harmonyBundleNames?: InputMaybe<Array<Scalars['String']['input']>>;
  iosBundleIds?: InputMaybe<Array<Scalars['String']['input']>>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Only the given fields change; null clears description or category */
export type UpdateMiniProgramInput = {
  category?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type User = {
  __typename?: 'User';
  createdAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Opaque position of this item in the list that returned it: pass it as `after` to read the next page (operators) */
  cursor?: Maybe<Scalars['String']['output']>;
  disabled?: Maybe<Scalars['Boolean']['output']>;
  displayName: Scalars['String']['output'];
  email?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lastLoginAt?: Maybe<Scalars['DateTimeISO']['output']>;
  operatorRoles?: Maybe<Array<OperatorRole>>;
  phone?: Maybe<Scalars['String']['output']>;
};

/** Serve `content` as `https://<domain>/<fileName>` to prove ownership of a business domain */
export type VerificationFile = {
  __typename?: 'VerificationFile';
  content: Scalars['String']['output'];
  fileName: Scalars['String']['output'];
};

/** Order of pendingReviews */
export type VersionReviewOrder = {
  direction: SortDirection;
  field: VersionReviewOrderField;
};

export type VersionReviewOrderField =
  | 'SUBMITTED_AT'
  | 'VERSION_NAME';

/** The signed-in caller */
export type Viewer = {
  __typename?: 'Viewer';
  /** All stored memberships, whatever the organization state */
  memberships: Array<Member>;
  operatorRoles: Array<OperatorRole>;
  /** From the access token: platform permissions, and `<orgId>:<permission>` per organization */
  permissions: Array<Scalars['String']['output']>;
  sessionId: Scalars['ID']['output'];
  user: User;
};

/** A business domain operators exempted from verification */
export type WhitelistDomain = {
  __typename?: 'WhitelistDomain';
  addedBy: Scalars['ID']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** Opaque position of this item in the list that returned it: pass it as `after` to read the next page */
  cursor?: Maybe<Scalars['String']['output']>;
  domain: Scalars['String']['output'];
  note?: Maybe<Scalars['String']['output']>;
};

/** Order of whitelistDomains */
export type WhitelistDomainOrder = {
  direction: SortDirection;
  field: WhitelistDomainOrderField;
};

export type WhitelistDomainOrderField =
  | 'CREATED_AT'
  | 'DOMAIN';

export type SessionTokensFragment = { __typename?: 'AuthPayload', accessToken: string, refreshToken: string, expiresAt: string, refreshExpiresAt: string, session: { __typename?: 'Session', id: string, deviceId?: string | null }, user: { __typename?: 'User', id: string, displayName: string } };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { __typename?: 'Mutation', signUp: { __typename?: 'SignUpPayload', user: { __typename?: 'User', id: string, displayName: string, email?: string | null }, membership?: { __typename?: 'Member', orgId: string, role: OrgRole } | null } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { __typename?: 'Mutation', login: { __typename?: 'AuthPayload', accessToken: string, refreshToken: string, expiresAt: string, refreshExpiresAt: string, session: { __typename?: 'Session', id: string, deviceId?: string | null }, user: { __typename?: 'User', id: string, displayName: string } } };

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: Scalars['String']['input'];
}>;


export type RefreshSessionMutation = { __typename?: 'Mutation', refreshSession: { __typename?: 'AuthPayload', accessToken: string, refreshToken: string, expiresAt: string, refreshExpiresAt: string, session: { __typename?: 'Session', id: string, deviceId?: string | null }, user: { __typename?: 'User', id: string, displayName: string } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { __typename?: 'Mutation', logout: boolean };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { __typename?: 'Mutation', changePassword: { __typename?: 'AuthPayload', accessToken: string, refreshToken: string, expiresAt: string, refreshExpiresAt: string, session: { __typename?: 'Session', id: string, deviceId?: string | null }, user: { __typename?: 'User', id: string, displayName: string } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me?: { __typename?: 'Viewer', sessionId: string, operatorRoles: Array<OperatorRole>, permissions: Array<string>, memberships: Array<{ __typename?: 'Member', orgId: string, role: OrgRole }>, user: { __typename?: 'User', id: string, displayName: string, email?: string | null } } | null };

export type MySessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySessionsQuery = { __typename?: 'Query', mySessions?: Array<{ __typename?: 'Session', id: string, deviceId?: string | null, deviceName?: string | null, current: boolean, lastUsedAt: string }> | null };

export type RevokeSessionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeSessionMutation = { __typename?: 'Mutation', revokeSession: boolean };

export type ApplyForOrganizationMutationVariables = Exact<{
  input: OrganizationApplicationInput;
}>;


export type ApplyForOrganizationMutation = { __typename?: 'Mutation', applyForOrganization: { __typename?: 'Organization', id: string, name: string, status: OrganizationStatus, creditCode?: string | null } };

export type ResubmitOrganizationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: OrganizationApplicationInput;
}>;


export type ResubmitOrganizationMutation = { __typename?: 'Mutation', resubmitOrganization: { __typename?: 'Organization', id: string, status: OrganizationStatus } };

export type PendingOrganizationsQueryVariables = Exact<{
  skip?: Scalars['Int']['input'];
  take?: Scalars['Int']['input'];
}>;


export type PendingOrganizationsQuery = { __typename?: 'Query', organizations?: { __typename?: 'OrganizationPage', total: number, items: Array<{ __typename?: 'Organization', id: string, name: string, status: OrganizationStatus, creditCode?: string | null, contactName?: string | null }> } | null };

export type OrganizationQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OrganizationQuery = { __typename?: 'Query', organization?: { __typename?: 'Organization', id: string, name: string, status: OrganizationStatus, frozen: boolean, rejectionReason?: string | null } | null };

export type MyOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyOrganizationsQuery = { __typename?: 'Query', myOrganizations?: Array<{ __typename?: 'Organization', id: string, name: string, status: OrganizationStatus, frozen: boolean }> | null };

export type ApproveOrganizationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ApproveOrganizationMutation = { __typename?: 'Mutation', approveOrganization: { __typename?: 'Organization', id: string, status: OrganizationStatus } };

export type RejectOrganizationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type RejectOrganizationMutation = { __typename?: 'Mutation', rejectOrganization: { __typename?: 'Organization', id: string, status: OrganizationStatus, rejectionReason?: string | null } };

export type FreezeOrganizationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
}>;


export type FreezeOrganizationMutation = { __typename?: 'Mutation', freezeOrganization: { __typename?: 'Organization', id: string, frozen: boolean } };

export type UnfreezeOrganizationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UnfreezeOrganizationMutation = { __typename?: 'Mutation', unfreezeOrganization: { __typename?: 'Organization', id: string, frozen: boolean } };

export type OrganizationAmendmentFieldsFragment = { __typename?: 'OrganizationAmendment', id: string, status: OrganizationAmendmentStatus, name: string, creditCode: string, licenceDocumentRef: string, submittedAt: string, rejectionReason?: string | null };

export type UpdateOrganizationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: OrganizationUpdateInput;
}>;


export type UpdateOrganizationMutation = { __typename?: 'Mutation', updateOrganization: { __typename?: 'Organization', id: string, name: string, status: OrganizationStatus, creditCode?: string | null, contactName?: string | null, contactPhone?: string | null, contactEmail?: string | null, amendment?: { __typename?: 'OrganizationAmendment', id: string, status: OrganizationAmendmentStatus, name: string, creditCode: string, licenceDocumentRef: string, submittedAt: string, rejectionReason?: string | null } | null } };

export type ApproveOrganizationAmendmentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ApproveOrganizationAmendmentMutation = { __typename?: 'Mutation', approveOrganizationAmendment: { __typename?: 'Organization', id: string, name: string, creditCode?: string | null, amendment?: { __typename?: 'OrganizationAmendment', id: string, status: OrganizationAmendmentStatus, name: string, creditCode: string, licenceDocumentRef: string, submittedAt: string, rejectionReason?: string | null } | null } };

export type RejectOrganizationAmendmentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type RejectOrganizationAmendmentMutation = { __typename?: 'Mutation', rejectOrganizationAmendment: { __typename?: 'Organization', id: string, name: string, amendment?: { __typename?: 'OrganizationAmendment', id: string, status: OrganizationAmendmentStatus, name: string, creditCode: string, licenceDocumentRef: string, submittedAt: string, rejectionReason?: string | null } | null } };

export type InviteMemberMutationVariables = Exact<{
  input: InviteMemberInput;
}>;


export type InviteMemberMutation = { __typename?: 'Mutation', inviteMember: { __typename?: 'InvitationPayload', token: string, invitation: { __typename?: 'Invitation', id: string, role: OrgRole, status: InvitationStatus } } };

export type AcceptInvitationMutationVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type AcceptInvitationMutation = { __typename?: 'Mutation', acceptInvitation: { __typename?: 'Member', orgId: string, userId: string, role: OrgRole } };

export type MembersQueryVariables = Exact<{
  orgId: Scalars['ID']['input'];
}>;


export type MembersQuery = { __typename?: 'Query', members?: Array<{ __typename?: 'Member', userId: string, role: OrgRole, user?: { __typename?: 'User', id: string, displayName: string } | null }> | null };

export type ChangeMemberRoleMutationVariables = Exact<{
  orgId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
  role: OrgRole;
}>;


export type ChangeMemberRoleMutation = { __typename?: 'Mutation', changeMemberRole: { __typename?: 'Member', userId: string, role: OrgRole } };

export type RemoveMemberMutationVariables = Exact<{
  orgId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
}>;


export type RemoveMemberMutation = { __typename?: 'Mutation', removeMember: boolean };

export type CreateOperatorMutationVariables = Exact<{
  input: CreateOperatorInput;
}>;


export type CreateOperatorMutation = { __typename?: 'Mutation', createOperator: { __typename?: 'CreateOperatorPayload', initialPassword?: string | null, user: { __typename?: 'User', id: string, email?: string | null, operatorRoles?: Array<OperatorRole> | null } } };

export type RevokeUserSessionsMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
}>;


export type RevokeUserSessionsMutation = { __typename?: 'Mutation', revokeUserSessions: number };

export type AnalyticsMetricsFieldsFragment = { __typename?: 'AnalyticsMetrics', newUsers: number, activeUsers: number, launches: number, pageViews: number, totalStayMs: number, averageStayMs: number, bounces: number, bounceRate: number, jsErrors: number, crashes: number, crashRate: number };

export type MiniProgramAnalyticsQueryVariables = Exact<{
  appId: Scalars['ID']['input'];
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
  granularity?: InputMaybe<AnalyticsGranularity>;
  withCsv?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type MiniProgramAnalyticsQuery = { __typename?: 'Query', miniProgramAnalytics?: { __typename?: 'AnalyticsSeries', csv?: string, appId: string, from: string, to: string, timeZone: string, granularity: AnalyticsGranularity, days: Array<{ __typename?: 'AnalyticsDay', day: string, until: string, hour?: number | null, metrics: { __typename?: 'AnalyticsMetrics', newUsers: number, activeUsers: number, launches: number, pageViews: number, totalStayMs: number, averageStayMs: number, bounces: number, bounceRate: number, jsErrors: number, crashes: number, crashRate: number } }>, total: { __typename?: 'AnalyticsMetrics', newUsers: number, activeUsers: number, launches: number, pageViews: number, totalStayMs: number, averageStayMs: number, bounces: number, bounceRate: number, jsErrors: number, crashes: number, crashRate: number } } | null };

export type MiniProgramAnalyticsBreakdownQueryVariables = Exact<{
  appId: Scalars['ID']['input'];
  dimension: AnalyticsDimension;
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
  withCsv?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type MiniProgramAnalyticsBreakdownQuery = { __typename?: 'Query', miniProgramAnalyticsBreakdown?: { __typename?: 'AnalyticsBreakdown', csv?: string, dimension: AnalyticsDimension, rows: Array<{ __typename?: 'AnalyticsBreakdownRow', value: string, metrics: { __typename?: 'AnalyticsMetrics', newUsers: number, activeUsers: number, launches: number, pageViews: number, totalStayMs: number, averageStayMs: number, bounces: number, bounceRate: number, jsErrors: number, crashes: number, crashRate: number } }> } | null };

export type RecomputeAnalyticsMutationVariables = Exact<{
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
}>;


export type RecomputeAnalyticsMutation = { __typename?: 'Mutation', recomputeAnalytics: number };

export type CustomEventDeclarationsQueryVariables = Exact<{
  appId: Scalars['ID']['input'];
}>;


export type CustomEventDeclarationsQuery = { __typename?: 'Query', customEventDeclarations: Array<{ __typename?: 'CustomEventDeclaration', appId: string, name: string, displayName: string, updatedAt: string, attributes: Array<{ __typename?: 'CustomEventAttribute', name: string, type: CustomAttributeType, displayName: string }> }> };

export type DeclareCustomEventMutationVariables = Exact<{
  appId: Scalars['ID']['input'];
  input: DeclareCustomEventInput;
}>;


export type DeclareCustomEventMutation = { __typename?: 'Mutation', declareCustomEvent: { __typename?: 'CustomEventDeclaration', appId: string, name: string, displayName: string, attributes: Array<{ __typename?: 'CustomEventAttribute', name: string, type: CustomAttributeType, displayName: string }> } };

export type RemoveCustomEventDeclarationMutationVariables = Exact<{
  appId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
}>;


export type RemoveCustomEventDeclarationMutation = { __typename?: 'Mutation', removeCustomEventDeclaration: boolean };

export type PlatformTotalsFieldsFragment = { __typename?: 'PlatformTotals', organizations: number, organizationsFrozen: number, miniPrograms: number, miniProgramsOnline: number, hostApps: number };

export type PlatformOverviewQueryVariables = Exact<{
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
}>;


export type PlatformOverviewQuery = { __typename?: 'Query', platformOverview: { __typename?: 'PlatformOverview', from: string, to: string, timeZone: string, organizationsApproved: number, miniProgramsCreated: number, hostAppsCreated: number, activeDevices: number, launches: number, days: Array<{ __typename?: 'PlatformDay', day: string, organizations: number, organizationsFrozen: number, miniPrograms: number, miniProgramsOnline: number, hostApps: number, organizationsApproved: number, miniProgramsCreated: number, hostAppsCreated: number, activeDevices: number, launches: number }>, totals: { __typename?: 'PlatformTotals', organizations: number, organizationsFrozen: number, miniPrograms: number, miniProgramsOnline: number, hostApps: number } } };

export type GrayCohortFieldsFragment = { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number };

export type GrayComparisonFieldsFragment = { __typename?: 'GrayComparison', errorRateDelta: number, crashRateDelta: number, averageStayMsDelta: number, gray: { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number }, released: { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number } };

export type ReleasePlanStatisticsFieldsFragment = { __typename?: 'ReleasePlanStatistics', planId: string, appId: string, grayVersionId: string, state: string, percentage: number, from: string, to: string, timeZone: string, total: { __typename?: 'GrayComparison', errorRateDelta: number, crashRateDelta: number, averageStayMsDelta: number, gray: { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number }, released: { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number } }, days: Array<{ __typename?: 'GrayComparisonDay', day: string, comparison: { __typename?: 'GrayComparison', errorRateDelta: number, crashRateDelta: number, averageStayMsDelta: number, gray: { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number }, released: { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number } } }>, marks: Array<{ __typename?: 'ReleasePlanMark', type: string, state: string, percentage: number, at: string }> };

export type ReleasePlanStatisticsQueryVariables = Exact<{
  planId: Scalars['ID']['input'];
  from?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
  withCsv?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type ReleasePlanStatisticsQuery = { __typename?: 'Query', releasePlanStatistics?: { __typename?: 'ReleasePlanStatistics', csv?: string, planId: string, appId: string, grayVersionId: string, state: string, percentage: number, from: string, to: string, timeZone: string, total: { __typename?: 'GrayComparison', errorRateDelta: number, crashRateDelta: number, averageStayMsDelta: number, gray: { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number }, released: { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number } }, days: Array<{ __typename?: 'GrayComparisonDay', day: string, comparison: { __typename?: 'GrayComparison', errorRateDelta: number, crashRateDelta: number, averageStayMsDelta: number, gray: { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number }, released: { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number } } }>, marks: Array<{ __typename?: 'ReleasePlanMark', type: string, state: string, percentage: number, at: string }> } | null };

export type ReleasePlanWithStatisticsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  from?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
}>;


export type ReleasePlanWithStatisticsQuery = { __typename?: 'Query', releasePlan?: { __typename?: 'ReleasePlan', id: string, state: ReleasePlanState, percentage: number, statistics?: { __typename?: 'ReleasePlanStatistics', planId: string, appId: string, grayVersionId: string, state: string, percentage: number, from: string, to: string, timeZone: string, total: { __typename?: 'GrayComparison', errorRateDelta: number, crashRateDelta: number, averageStayMsDelta: number, gray: { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number }, released: { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number } }, days: Array<{ __typename?: 'GrayComparisonDay', day: string, comparison: { __typename?: 'GrayComparison', errorRateDelta: number, crashRateDelta: number, averageStayMsDelta: number, gray: { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number }, released: { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number } } }>, marks: Array<{ __typename?: 'ReleasePlanMark', type: string, state: string, percentage: number, at: string }> } | null } | null };

export type ReleasePlanStatisticsBreakdownQueryVariables = Exact<{
  planId: Scalars['ID']['input'];
  dimension: GrayStatisticsDimension;
  from?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
  take?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ReleasePlanStatisticsBreakdownQuery = { __typename?: 'Query', releasePlanStatisticsBreakdown?: { __typename?: 'ReleasePlanStatisticsBreakdown', planId: string, dimension: GrayStatisticsDimension, from: string, to: string, rows: Array<{ __typename?: 'GrayComparisonRow', value: string, comparison: { __typename?: 'GrayComparison', errorRateDelta: number, crashRateDelta: number, averageStayMsDelta: number, gray: { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number }, released: { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number } } }> } | null };

export type MiniProgramRetentionQueryVariables = Exact<{
  appId: Scalars['ID']['input'];
  cohort?: InputMaybe<RetentionCohort>;
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
  withCsv?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type MiniProgramRetentionQuery = { __typename?: 'Query', miniProgramRetention?: { __typename?: 'RetentionTable', csv?: string, appId: string, cohort: RetentionCohort, from: string, to: string, timeZone: string, offsets: Array<number>, rows: Array<{ __typename?: 'RetentionRow', cohortDay: string, cohortSize: number, retained: Array<number | null>, rates: Array<number | null> }> } | null };

export type MiniProgramTopPagesQueryVariables = Exact<{
  appId: Scalars['ID']['input'];
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
  sort?: InputMaybe<TopPagesSort>;
  take?: InputMaybe<Scalars['Int']['input']>;
  skip?: InputMaybe<Scalars['Int']['input']>;
  withCsv?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type MiniProgramTopPagesQuery = { __typename?: 'Query', miniProgramTopPages?: { __typename?: 'TopPages', csv?: string, appId: string, from: string, to: string, timeZone: string, sort: TopPagesSort, totalCount: number, rows: Array<{ __typename?: 'PageStatistics', pagePath: string, views: number, visitors: number, totalStayMs: number, averageStayMs: number, entries: number, exits: number, exitRate: number }> } | null };

export type DistributionBucketFieldsFragment = { __typename?: 'DistributionBucket', bucket: string, min: number, max?: number | null, launches: number, share: number };

export type MiniProgramLaunchDistributionsQueryVariables = Exact<{
  appId: Scalars['ID']['input'];
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
  withCsv?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type MiniProgramLaunchDistributionsQuery = { __typename?: 'Query', miniProgramLaunchDistributions?: { __typename?: 'LaunchDistributions', csv?: string, appId: string, from: string, to: string, timeZone: string, launches: number, stay: Array<{ __typename?: 'DistributionBucket', bucket: string, min: number, max?: number | null, launches: number, share: number }>, depth: Array<{ __typename?: 'DistributionBucket', bucket: string, min: number, max?: number | null, launches: number, share: number }> } | null };

export type AnalyticsSummaryFieldsFragment = { __typename?: 'AnalyticsSummary', from: string, to: string, timeZone: string, miniPrograms: number, metrics: { __typename?: 'AnalyticsMetrics', newUsers: number, activeUsers: number, launches: number, pageViews: number, totalStayMs: number, averageStayMs: number, bounces: number, bounceRate: number, jsErrors: number, crashes: number, crashRate: number } };

export type MiniProgramWithStatisticsQueryVariables = Exact<{
  appId: Scalars['ID']['input'];
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
}>;


export type MiniProgramWithStatisticsQuery = { __typename?: 'Query', miniProgram?: { __typename?: 'MiniProgram', id: string, statistics?: { __typename?: 'AnalyticsSummary', from: string, to: string, timeZone: string, miniPrograms: number, metrics: { __typename?: 'AnalyticsMetrics', newUsers: number, activeUsers: number, launches: number, pageViews: number, totalStayMs: number, averageStayMs: number, bounces: number, bounceRate: number, jsErrors: number, crashes: number, crashRate: number } } | null } | null };

export type OrganizationWithStatisticsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
}>;


export type OrganizationWithStatisticsQuery = { __typename?: 'Query', organization?: { __typename?: 'Organization', id: string, statistics?: { __typename?: 'AnalyticsSummary', from: string, to: string, timeZone: string, miniPrograms: number, metrics: { __typename?: 'AnalyticsMetrics', newUsers: number, activeUsers: number, launches: number, pageViews: number, totalStayMs: number, averageStayMs: number, bounces: number, bounceRate: number, jsErrors: number, crashes: number, crashRate: number } } | null } | null };

export type InstitutionMembersQueryVariables = Exact<{
  orgId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  take: Scalars['Int']['input'];
  orderBy?: InputMaybe<MemberOrder>;
}>;


export type InstitutionMembersQuery = { __typename?: 'Query', members?: Array<{ __typename?: 'Member', orgId: string, userId: string, role: OrgRole, joinedAt: string, cursor?: string | null, user?: { __typename?: 'User', id: string, displayName: string, email?: string | null, phone?: string | null } | null }> | null };

export type InstitutionInviteMemberMutationVariables = Exact<{
  input: InviteMemberInput;
}>;


export type InstitutionInviteMemberMutation = { __typename?: 'Mutation', inviteMember: { __typename?: 'InvitationPayload', token: string, invitation: { __typename?: 'Invitation', id: string, email?: string | null, phone?: string | null, role: OrgRole, status: InvitationStatus, expiresAt: string } } };

export type InstitutionInvitationsQueryVariables = Exact<{
  orgId: Scalars['ID']['input'];
  status?: InputMaybe<InvitationStatus>;
  after?: InputMaybe<Scalars['String']['input']>;
  take: Scalars['Int']['input'];
}>;


export type InstitutionInvitationsQuery = { __typename?: 'Query', invitations: Array<{ __typename?: 'Invitation', id: string, email?: string | null, phone?: string | null, role: OrgRole, status: InvitationStatus, expiresAt: string, createdAt: string, revokedAt?: string | null, cursor?: string | null }> };

export type InstitutionRevokeInvitationMutationVariables = Exact<{
  invitationId: Scalars['ID']['input'];
}>;


export type InstitutionRevokeInvitationMutation = { __typename?: 'Mutation', revokeInvitation: { __typename?: 'Invitation', id: string, status: InvitationStatus } };

export type InstitutionChangeMemberRoleMutationVariables = Exact<{
  orgId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
  role: OrgRole;
}>;


export type InstitutionChangeMemberRoleMutation = { __typename?: 'Mutation', changeMemberRole: { __typename?: 'Member', orgId: string, userId: string, role: OrgRole } };

export type InstitutionRemoveMemberMutationVariables = Exact<{
  orgId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
}>;


export type InstitutionRemoveMemberMutation = { __typename?: 'Mutation', removeMember: boolean };

export type InstitutionAcceptInvitationMutationVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type InstitutionAcceptInvitationMutation = { __typename?: 'Mutation', acceptInvitation: { __typename?: 'Member', orgId: string, userId: string, role: OrgRole } };

export type InstitutionMiniProgramSettingsQueryVariables = Exact<{
  appId: Scalars['ID']['input'];
}>;


export type InstitutionMiniProgramSettingsQuery = { __typename?: 'Query', miniProgram?: { __typename?: 'MiniProgram', appId: string, name: string, description?: string | null, category?: string | null, tags: Array<string>, logoKey?: string | null, logoUrl?: string | null, updatedAt: string } | null };

export type InstitutionUpdateMiniProgramMutationVariables = Exact<{
  appId: Scalars['ID']['input'];
  input: UpdateMiniProgramInput;
}>;


export type InstitutionUpdateMiniProgramMutation = { __typename?: 'Mutation', updateMiniProgram: { __typename?: 'MiniProgram', appId: string, name: string, description?: string | null, category?: string | null, tags: Array<string>, updatedAt: string } };

export type InstitutionBusinessDomainFieldsFragment = { __typename?: 'BusinessDomain', id: string, domain: string, status: BusinessDomainStatus, verificationMethod?: BusinessDomainVerificationMethod | null, verifiedAt?: string | null, lastCheckedAt?: string | null, failureReason?: string | null, failureDetail?: string | null, createdAt: string, verificationFile: { __typename?: 'VerificationFile', fileName: string, content: string } };

export type InstitutionDomainsQueryVariables = Exact<{
  appId: Scalars['ID']['input'];
}>;


export type InstitutionDomainsQuery = { __typename?: 'Query', miniProgramDomains?: { __typename?: 'MiniProgramDomains', appId: string, request: Array<string>, socket: Array<string>, upload: Array<string>, download: Array<string>, version: number, updatedAt?: string | null, businessDomains: Array<{ __typename?: 'BusinessDomain', id: string, domain: string, status: BusinessDomainStatus, verificationMethod?: BusinessDomainVerificationMethod | null, verifiedAt?: string | null, lastCheckedAt?: string | null, failureReason?: string | null, failureDetail?: string | null, createdAt: string, verificationFile: { __typename?: 'VerificationFile', fileName: string, content: string } }> } | null };

export type InstitutionSetServiceDomainsMutationVariables = Exact<{
  appId: Scalars['ID']['input'];
  kind: ServiceDomainKind;
  domains: Array<Scalars['String']['input']> | Scalars['String']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
}>;


export type InstitutionSetServiceDomainsMutation = { __typename?: 'Mutation', setServiceDomains: { __typename?: 'MiniProgramDomains', appId: string, request: Array<string>, socket: Array<string>, upload: Array<string>, download: Array<string>, version: number, updatedAt?: string | null } };

export type InstitutionAddBusinessDomainMutationVariables = Exact<{
  appId: Scalars['ID']['input'];
  domain: Scalars['String']['input'];
}>;


export type InstitutionAddBusinessDomainMutation = { __typename?: 'Mutation', addBusinessDomain: { __typename?: 'BusinessDomain', id: string, domain: string, status: BusinessDomainStatus, verificationMethod?: BusinessDomainVerificationMethod | null, verifiedAt?: string | null, lastCheckedAt?: string | null, failureReason?: string | null, failureDetail?: string | null, createdAt: string, verificationFile: { __typename?: 'VerificationFile', fileName: string, content: string } } };

export type InstitutionVerifyBusinessDomainMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type InstitutionVerifyBusinessDomainMutation = { __typename?: 'Mutation', verifyBusinessDomain: { __typename?: 'BusinessDomain', id: string, domain: string, status: BusinessDomainStatus, verificationMethod?: BusinessDomainVerificationMethod | null, verifiedAt?: string | null, lastCheckedAt?: string | null, failureReason?: string | null, failureDetail?: string | null, createdAt: string, verificationFile: { __typename?: 'VerificationFile', fileName: string, content: string } } };

export type InstitutionRemoveBusinessDomainMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type InstitutionRemoveBusinessDomainMutation = { __typename?: 'Mutation', removeBusinessDomain: boolean };

export type InstitutionTrialQueryVariables = Exact<{
  appId: Scalars['ID']['input'];
}>;


export type InstitutionTrialQuery = { __typename?: 'Query', trialVersion?: { __typename?: 'MiniProgramVersion', id: string, versionName: string, status: MiniProgramVersionStatus } | null, trialMembers?: Array<{ __typename?: 'TrialMember', id: string, userId: string, label?: string | null, createdAt: string }> | null };

export type InstitutionTrialQrCodeQueryVariables = Exact<{
  appId: Scalars['ID']['input'];
  ttlHours?: InputMaybe<Scalars['Int']['input']>;
}>;


export type InstitutionTrialQrCodeQuery = { __typename?: 'Query', trialQrCode?: { __typename?: 'TrialQrCode', appId: string, versionId: string, deepLink: string, expiresAt: string, dataUrl: string } | null };

export type InstitutionSetTrialVersionMutationVariables = Exact<{
  versionId: Scalars['ID']['input'];
}>;


export type InstitutionSetTrialVersionMutation = { __typename?: 'Mutation', setTrialVersion: { __typename?: 'MiniProgramVersion', id: string, versionName: string, status: MiniProgramVersionStatus } };

export type InstitutionClearTrialVersionMutationVariables = Exact<{
  appId: Scalars['ID']['input'];
}>;


export type InstitutionClearTrialVersionMutation = { __typename?: 'Mutation', clearTrialVersion: boolean };

export type InstitutionAddTrialMemberMutationVariables = Exact<{
  appId: Scalars['ID']['input'];
  userId: Scalars['String']['input'];
  label?: InputMaybe<Scalars['String']['input']>;
}>;


export type InstitutionAddTrialMemberMutation = { __typename?: 'Mutation', addTrialMember: { __typename?: 'TrialMember', id: string, userId: string, label?: string | null, createdAt: string } };

export type InstitutionRemoveTrialMemberMutationVariables = Exact<{
  appId: Scalars['ID']['input'];
  userId: Scalars['String']['input'];
}>;


export type InstitutionRemoveTrialMemberMutation = { __typename?: 'Mutation', removeTrialMember: boolean };

export type InstitutionHostAppFieldsFragment = { __typename?: 'HostApp', id: string, orgId: string, name: string, iosBundleIds: Array<string>, androidPackageNames: Array<string>, harmonyBundleNames: Array<string>, sdkKey: string, secretHint: string, secretRotatedAt: string, enabled: boolean, createdAt: string, cursor?: string | null };

export type InstitutionLinkFieldsFragment = { __typename?: 'HostAppLink', id: string, hostAppId: string, hostOrgId: string, appId: string, appOrgId: string, status: HostAppLinkStatus, decidedAt?: string | null, rejectionReason?: string | null, createdAt: string, cursor?: string | null, miniProgram?: { __typename?: 'MiniProgram', appId: string, name: string } | null };

export type InstitutionHostAppsQueryVariables = Exact<{
  orgId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  take: Scalars['Int']['input'];
  orderBy?: InputMaybe<HostAppOrder>;
}>;


export type InstitutionHostAppsQuery = { __typename?: 'Query', hostApps?: Array<{ __typename?: 'HostApp', id: string, orgId: string, name: string, iosBundleIds: Array<string>, androidPackageNames: Array<string>, harmonyBundleNames: Array<string>, sdkKey: string, secretHint: string, secretRotatedAt: string, enabled: boolean, createdAt: string, cursor?: string | null }> | null };

export type InstitutionHostAppQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type InstitutionHostAppQuery = { __typename?: 'Query', hostApp?: { __typename?: 'HostApp', id: string, orgId: string, name: string, iosBundleIds: Array<string>, androidPackageNames: Array<string>, harmonyBundleNames: Array<string>, sdkKey: string, secretHint: string, secretRotatedAt: string, enabled: boolean, createdAt: string, cursor?: string | null, links: Array<{ __typename?: 'HostAppLink', id: string, hostAppId: string, hostOrgId: string, appId: string, appOrgId: string, status: HostAppLinkStatus, decidedAt?: string | null, rejectionReason?: string | null, createdAt: string, cursor?: string | null, miniProgram?: { __typename?: 'MiniProgram', appId: string, name: string } | null }> } | null };

export type InstitutionCreateHostAppMutationVariables = Exact<{
  input: CreateHostAppInput;
}>;


export type InstitutionCreateHostAppMutation = { __typename?: 'Mutation', createHostApp: { __typename?: 'HostAppCredentials', sdkKey: string, sdkSecret: string, hostApp: { __typename?: 'HostApp', id: string, orgId: string, name: string, iosBundleIds: Array<string>, androidPackageNames: Array<string>, harmonyBundleNames: Array<string>, sdkKey: string, secretHint: string, secretRotatedAt: string, enabled: boolean, createdAt: string, cursor?: string | null } } };

export type InstitutionUpdateHostAppMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateHostAppInput;
}>;


export type InstitutionUpdateHostAppMutation = { __typename?: 'Mutation', updateHostApp: { __typename?: 'HostApp', id: string, orgId: string, name: string, iosBundleIds: Array<string>, androidPackageNames: Array<string>, harmonyBundleNames: Array<string>, sdkKey: string, secretHint: string, secretRotatedAt: string, enabled: boolean, createdAt: string, cursor?: string | null } };

export type InstitutionRotateHostAppSecretMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type InstitutionRotateHostAppSecretMutation = { __typename?: 'Mutation', rotateHostAppSecret: { __typename?: 'HostAppCredentials', sdkKey: string, sdkSecret: string, hostApp: { __typename?: 'HostApp', id: string, orgId: string, name: string, iosBundleIds: Array<string>, androidPackageNames: Array<string>, harmonyBundleNames: Array<string>, sdkKey: string, secretHint: string, secretRotatedAt: string, enabled: boolean, createdAt: string, cursor?: string | null } } };

export type InstitutionEnableHostAppMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type InstitutionEnableHostAppMutation = { __typename?: 'Mutation', enableHostApp: { __typename?: 'HostApp', id: string, enabled: boolean } };

export type InstitutionDisableHostAppMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type InstitutionDisableHostAppMutation = { __typename?: 'Mutation', disableHostApp: { __typename?: 'HostApp', id: string, enabled: boolean } };

export type InstitutionLinkMiniProgramMutationVariables = Exact<{
  hostAppId: Scalars['ID']['input'];
  appId: Scalars['ID']['input'];
}>;


export type InstitutionLinkMiniProgramMutation = { __typename?: 'Mutation', linkMiniProgram: { __typename?: 'HostAppLink', id: string, hostAppId: string, hostOrgId: string, appId: string, appOrgId: string, status: HostAppLinkStatus, decidedAt?: string | null, rejectionReason?: string | null, createdAt: string, cursor?: string | null, miniProgram?: { __typename?: 'MiniProgram', appId: string, name: string } | null } };

export type InstitutionUnlinkMiniProgramMutationVariables = Exact<{
  hostAppId: Scalars['ID']['input'];
  appId: Scalars['ID']['input'];
}>;


export type InstitutionUnlinkMiniProgramMutation = { __typename?: 'Mutation', unlinkMiniProgram: boolean };

export type InstitutionLinkRequestsQueryVariables = Exact<{
  orgId: Scalars['ID']['input'];
  direction: HostAppLinkDirection;
  status?: InputMaybe<HostAppLinkStatus>;
  after?: InputMaybe<Scalars['String']['input']>;
  take: Scalars['Int']['input'];
}>;


export type InstitutionLinkRequestsQuery = { __typename?: 'Query', linkRequests?: Array<{ __typename?: 'HostAppLink', id: string, hostAppId: string, hostOrgId: string, appId: string, appOrgId: string, status: HostAppLinkStatus, decidedAt?: string | null, rejectionReason?: string | null, createdAt: string, cursor?: string | null, miniProgram?: { __typename?: 'MiniProgram', appId: string, name: string } | null }> | null };

export type InstitutionApproveLinkRequestMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type InstitutionApproveLinkRequestMutation = { __typename?: 'Mutation', approveLinkRequest: { __typename?: 'HostAppLink', id: string, status: HostAppLinkStatus } };

export type InstitutionRejectLinkRequestMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
}>;


export type InstitutionRejectLinkRequestMutation = { __typename?: 'Mutation', rejectLinkRequest: { __typename?: 'HostAppLink', id: string, status: HostAppLinkStatus } };

export type InstitutionSdkSettingsFieldsFragment = { __typename?: 'SdkConfigSettings', packageDownloadTimeoutMs?: number | null, maxCachedApplets?: number | null, enableDebug?: boolean | null, logLevel?: SdkLogLevel | null, reportIntervalSec?: number | null, allowedApiList?: Array<string> | null, blockedApiList?: Array<string> | null, extra?: Array<{ __typename?: 'SdkConfigEntry', key: string, value: string }> | null };

export type InstitutionSdkConfigQueryVariables = Exact<{
  hostAppId: Scalars['ID']['input'];
}>;


export type InstitutionSdkConfigQuery = { __typename?: 'Query', sdkConfigOverride?: { __typename?: 'SdkConfigOverride', hostAppId: string, version: number, updatedAt?: string | null, settings: { __typename?: 'SdkConfigSettings', packageDownloadTimeoutMs?: number | null, maxCachedApplets?: number | null, enableDebug?: boolean | null, logLevel?: SdkLogLevel | null, reportIntervalSec?: number | null, allowedApiList?: Array<string> | null, blockedApiList?: Array<string> | null, extra?: Array<{ __typename?: 'SdkConfigEntry', key: string, value: string }> | null } } | null, effectiveSdkConfig?: { __typename?: 'EffectiveSdkConfig', hostAppId: string, version: number, globalVersion: number, overrideVersion: number, etag: string, config: { __typename?: 'SdkConfig', packageDownloadTimeoutMs: number, maxCachedApplets: number, enableDebug: boolean, logLevel: SdkLogLevel, reportIntervalSec: number, allowedApiList: Array<string>, blockedApiList: Array<string>, extra: Array<{ __typename?: 'SdkConfigEntry', key: string, value: string }> } } | null };

export type InstitutionSetSdkConfigOverrideMutationVariables = Exact<{
  hostAppId: Scalars['ID']['input'];
  input: SdkConfigInput;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
}>;


export type InstitutionSetSdkConfigOverrideMutation = { __typename?: 'Mutation', setSdkConfigOverride: { __typename?: 'SdkConfigOverride', hostAppId: string, version: number } };

export type InstitutionClearSdkConfigOverrideMutationVariables = Exact<{
  hostAppId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
}>;


export type InstitutionClearSdkConfigOverrideMutation = { __typename?: 'Mutation', clearSdkConfigOverride: { __typename?: 'SdkConfigOverride', hostAppId: string, version: number } };

export type InstitutionReleasePlanStatisticsQueryVariables = Exact<{
  planId: Scalars['ID']['input'];
  dimension: GrayStatisticsDimension;
}>;


export type InstitutionReleasePlanStatisticsQuery = { __typename?: 'Query', releasePlanStatistics?: { __typename?: 'ReleasePlanStatistics', planId: string, from: string, to: string, timeZone: string, total: { __typename?: 'GrayComparison', errorRateDelta: number, crashRateDelta: number, averageStayMsDelta: number, gray: { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number }, released: { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number } } } | null, releasePlanStatisticsBreakdown?: { __typename?: 'ReleasePlanStatisticsBreakdown', planId: string, dimension: GrayStatisticsDimension, rows: Array<{ __typename?: 'GrayComparisonRow', value: string, comparison: { __typename?: 'GrayComparison', errorRateDelta: number, crashRateDelta: number, averageStayMsDelta: number, gray: { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number }, released: { __typename?: 'GrayCohortMetrics', devicesExposed?: number | null, activeUsers: number, launches: number, pageViews: number, jsErrors: number, crashes: number, totalStayMs: number, averageStayMs: number, errorRate: number, crashRate: number } } }> } | null };

export type ConsoleLicenseLimitFieldsFragment = { __typename?: 'LicenseLimit', name: LicenseLimitName, max?: number | null, used?: number | null, remaining?: number | null };

export type ConsoleLicenseFieldsFragment = { __typename?: 'License', licenseId: string, licensee: string, issuedAt: string, expiresAt?: string | null, expired: boolean, source: LicenseSource, installedAt?: string | null, limits: Array<{ __typename?: 'LicenseLimit', name: LicenseLimitName, max?: number | null, used?: number | null, remaining?: number | null }> };

export type ConsoleLicenseQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleLicenseQuery = { __typename?: 'Query', license?: { __typename?: 'License', licenseId: string, licensee: string, issuedAt: string, expiresAt?: string | null, expired: boolean, source: LicenseSource, installedAt?: string | null, limits: Array<{ __typename?: 'LicenseLimit', name: LicenseLimitName, max?: number | null, used?: number | null, remaining?: number | null }> } | null };

export type ConsoleLicenseHistoryQueryVariables = Exact<{
  skip?: InputMaybe<Scalars['Int']['input']>;
  take?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ConsoleLicenseHistoryQuery = { __typename?: 'Query', licenseHistory?: { __typename?: 'LicenseInstallationPage', total: number, items: Array<{ __typename?: 'LicenseInstallation', id: string, licenseId: string, licensee: string, installedAt: string, installedBy: string, valid: boolean, active: boolean, issuedAt?: string | null, expiresAt?: string | null }> } | null };

export type ConsoleInstallLicenseMutationVariables = Exact<{
  document: Scalars['String']['input'];
}>;


export type ConsoleInstallLicenseMutation = { __typename?: 'Mutation', installLicense: { __typename?: 'License', licenseId: string, licensee: string, issuedAt: string, expiresAt?: string | null, expired: boolean, source: LicenseSource, installedAt?: string | null, limits: Array<{ __typename?: 'LicenseLimit', name: LicenseLimitName, max?: number | null, used?: number | null, remaining?: number | null }> } };

export type OpPlatformWhitelistQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
  take: Scalars['Int']['input'];
  orderBy?: InputMaybe<WhitelistDomainOrder>;
}>;


export type OpPlatformWhitelistQuery = { __typename?: 'Query', whitelistDomains?: Array<{ __typename?: 'WhitelistDomain', domain: string, note?: string | null, addedBy: string, createdAt: string, cursor?: string | null }> | null };

export type OpPlatformAddWhitelistMutationVariables = Exact<{
  domain: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type OpPlatformAddWhitelistMutation = { __typename?: 'Mutation', addWhitelistDomain: { __typename?: 'WhitelistDomain', domain: string, note?: string | null, createdAt: string } };

export type OpPlatformRemoveWhitelistMutationVariables = Exact<{
  domain: Scalars['String']['input'];
}>;


export type OpPlatformRemoveWhitelistMutation = { __typename?: 'Mutation', removeWhitelistDomain: boolean };

export type OpPlatformBaseLibrariesQueryVariables = Exact<{
  skip: Scalars['Int']['input'];
  take: Scalars['Int']['input'];
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  platform?: InputMaybe<SdkPlatform>;
  orderBy?: InputMaybe<PlatformReleaseOrder>;
}>;


export type OpPlatformBaseLibrariesQuery = { __typename?: 'Query', baseLibrariesTotal: number, baseLibraries?: Array<{ __typename?: 'BaseLibrary', id: string, version: string, platforms: Array<SdkPlatform>, minSdkVersion: string, releaseNotes?: string | null, packageSize: number, packageFiles: number, packageSha256: string, enabled: boolean, createdAt: string }> | null };

export type OpPlatformEnableBaseLibraryMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OpPlatformEnableBaseLibraryMutation = { __typename?: 'Mutation', enableBaseLibrary: { __typename?: 'BaseLibrary', id: string, enabled: boolean } };

export type OpPlatformDisableBaseLibraryMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OpPlatformDisableBaseLibraryMutation = { __typename?: 'Mutation', disableBaseLibrary: { __typename?: 'BaseLibrary', id: string, enabled: boolean } };

export type OpPlatformSdkVersionsQueryVariables = Exact<{
  skip: Scalars['Int']['input'];
  take: Scalars['Int']['input'];
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  platform?: InputMaybe<SdkPlatform>;
  orderBy?: InputMaybe<PlatformReleaseOrder>;
}>;


export type OpPlatformSdkVersionsQuery = { __typename?: 'Query', sdkVersionsTotal: number, sdkVersions?: Array<{ __typename?: 'SdkVersion', id: string, platform: SdkPlatform, version: string, releaseNotes?: string | null, artifactSize: number, artifactSha256: string, enabled: boolean, createdAt: string }> | null };

export type OpPlatformEnableSdkVersionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OpPlatformEnableSdkVersionMutation = { __typename?: 'Mutation', enableSdkVersion: { __typename?: 'SdkVersion', id: string, enabled: boolean } };

export type OpPlatformDisableSdkVersionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OpPlatformDisableSdkVersionMutation = { __typename?: 'Mutation', disableSdkVersion: { __typename?: 'SdkVersion', id: string, enabled: boolean } };

export type OpPlatformSdkConfigFieldsFragment = { __typename?: 'SdkConfig', packageDownloadTimeoutMs: number, maxCachedApplets: number, enableDebug: boolean, logLevel: SdkLogLevel, reportIntervalSec: number, allowedApiList: Array<string>, blockedApiList: Array<string>, extra: Array<{ __typename?: 'SdkConfigEntry', key: string, value: string }> };

export type OpPlatformSdkGlobalConfigQueryVariables = Exact<{ [key: string]: never; }>;


export type OpPlatformSdkGlobalConfigQuery = { __typename?: 'Query', sdkGlobalConfig?: { __typename?: 'SdkGlobalConfig', version: number, etag: string, updatedBy?: string | null, updatedAt?: string | null, config: { __typename?: 'SdkConfig', packageDownloadTimeoutMs: number, maxCachedApplets: number, enableDebug: boolean, logLevel: SdkLogLevel, reportIntervalSec: number, allowedApiList: Array<string>, blockedApiList: Array<string>, extra: Array<{ __typename?: 'SdkConfigEntry', key: string, value: string }> } } | null };

export type OpPlatformSdkConfigHistoryQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
  take: Scalars['Int']['input'];
}>;


export type OpPlatformSdkConfigHistoryQuery = { __typename?: 'Query', sdkConfigHistory?: Array<{ __typename?: 'SdkConfigRevision', version: number, etag: string, createdBy: string, createdAt: string, cursor?: string | null, settings: { __typename?: 'SdkConfigSettings', packageDownloadTimeoutMs?: number | null, maxCachedApplets?: number | null, enableDebug?: boolean | null, logLevel?: SdkLogLevel | null, reportIntervalSec?: number | null, allowedApiList?: Array<string> | null, blockedApiList?: Array<string> | null, extra?: Array<{ __typename?: 'SdkConfigEntry', key: string, value: string }> | null } }> | null };

export type OpPlatformUpdateSdkGlobalConfigMutationVariables = Exact<{
  input: SdkConfigInput;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
}>;


export type OpPlatformUpdateSdkGlobalConfigMutation = { __typename?: 'Mutation', updateSdkGlobalConfig: { __typename?: 'SdkGlobalConfig', version: number, etag: string, updatedAt?: string | null, config: { __typename?: 'SdkConfig', packageDownloadTimeoutMs: number, maxCachedApplets: number, enableDebug: boolean, logLevel: SdkLogLevel, reportIntervalSec: number, allowedApiList: Array<string>, blockedApiList: Array<string>, extra: Array<{ __typename?: 'SdkConfigEntry', key: string, value: string }> } } };

export type OpPlatformPendingSdkBuildsQueryVariables = Exact<{
  orderBy?: InputMaybe<SdkBuildOrder>;
  skip: Scalars['Int']['input'];
  take: Scalars['Int']['input'];
}>;


export type OpPlatformPendingSdkBuildsQuery = { __typename?: 'Query', pendingSdkBuildReviews?: { __typename?: 'SdkBuildPage', total: number, items: Array<{ __typename?: 'SdkBuild', id: string, orgId: string, platform: SdkPlatform, version: string, notes?: string | null, artifactSize: number, artifactSha256: string, submittedBy: string, createdAt: string }> } | null };

export type OpPlatformSdkBuildQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OpPlatformSdkBuildQuery = { __typename?: 'Query', sdkBuild?: { __typename?: 'SdkBuild', id: string, orgId: string, platform: SdkPlatform, version: string, notes?: string | null, status: SdkBuildStatus, artifactKey: string, artifactSize: number, artifactSha256: string, submittedBy: string, createdAt: string, downloadUrl: string } | null };

export type OpPlatformSdkBuildFilesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  skip: Scalars['Int']['input'];
  take: Scalars['Int']['input'];
}>;


export type OpPlatformSdkBuildFilesQuery = { __typename?: 'Query', sdkBuild?: { __typename?: 'SdkBuild', id: string, files: { __typename?: 'SdkBuildFilePage', total: number, items: Array<{ __typename?: 'SdkBuildFile', path: string, size: number }> } } | null };

export type OpPlatformApproveSdkBuildMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OpPlatformApproveSdkBuildMutation = { __typename?: 'Mutation', approveSdkBuild: { __typename?: 'SdkBuild', id: string, status: SdkBuildStatus } };

export type OpPlatformRejectSdkBuildMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type OpPlatformRejectSdkBuildMutation = { __typename?: 'Mutation', rejectSdkBuild: { __typename?: 'SdkBuild', id: string, status: SdkBuildStatus, rejectionReason?: string | null } };

export type OpPlatformOperatorsQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
  take: Scalars['Int']['input'];
  orderBy?: InputMaybe<OperatorOrder>;
}>;


export type OpPlatformOperatorsQuery = { __typename?: 'Query', operators?: Array<{ __typename?: 'User', id: string, displayName: string, email?: string | null, operatorRoles?: Array<OperatorRole> | null, disabled?: boolean | null, lastLoginAt?: string | null, createdAt?: string | null, cursor?: string | null }> | null };

export type OpPlatformCreateOperatorMutationVariables = Exact<{
  input: CreateOperatorInput;
}>;


export type OpPlatformCreateOperatorMutation = { __typename?: 'Mutation', createOperator: { __typename?: 'CreateOperatorPayload', initialPassword?: string | null, user: { __typename?: 'User', id: string, email?: string | null, displayName: string, operatorRoles?: Array<OperatorRole> | null } } };

export type OpPlatformDisableOperatorMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
}>;


export type OpPlatformDisableOperatorMutation = { __typename?: 'Mutation', disableOperator: { __typename?: 'User', id: string, disabled?: boolean | null } };

export type OpPlatformChangeOperatorRoleMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
  role: OperatorRole;
}>;


export type OpPlatformChangeOperatorRoleMutation = { __typename?: 'Mutation', changeOperatorRole: { __typename?: 'User', id: string, operatorRoles?: Array<OperatorRole> | null } };

export type OpPlatformEnableOperatorMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
}>;


export type OpPlatformEnableOperatorMutation = { __typename?: 'Mutation', enableOperator: { __typename?: 'User', id: string, disabled?: boolean | null } };

export type ConsoleOperatorOrganizationsQueryVariables = Exact<{
  status?: InputMaybe<OrganizationStatus>;
  frozen?: InputMaybe<Scalars['Boolean']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  orderBy?: InputMaybe<OrganizationOrder>;
  skip: Scalars['Int']['input'];
  take: Scalars['Int']['input'];
}>;


export type ConsoleOperatorOrganizationsQuery = { __typename?: 'Query', organizations?: { __typename?: 'OrganizationPage', total: number, items: Array<{ __typename?: 'Organization', id: string, name: string, status: OrganizationStatus, frozen: boolean, frozenReason?: string | null, creditCode?: string | null, contactName?: string | null, submittedAt?: string | null, reviewedAt?: string | null }> } | null };

export type ConsoleFreezeOrganizationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type ConsoleFreezeOrganizationMutation = { __typename?: 'Mutation', freezeOrganization: { __typename?: 'Organization', id: string, frozen: boolean, frozenReason?: string | null } };

export type ConsoleUnfreezeOrganizationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConsoleUnfreezeOrganizationMutation = { __typename?: 'Mutation', unfreezeOrganization: { __typename?: 'Organization', id: string, frozen: boolean, frozenReason?: string | null } };

export type ConsoleOperatorMiniProgramsQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<MiniProgramStatus>;
  orderBy?: InputMaybe<MiniProgramOrder>;
  skip: Scalars['Int']['input'];
  take: Scalars['Int']['input'];
}>;


export type ConsoleOperatorMiniProgramsQuery = { __typename?: 'Query', miniPrograms?: { __typename?: 'MiniProgramPage', total: number, items: Array<{ __typename?: 'MiniProgram', appId: string, name: string, category?: string | null, status: MiniProgramStatus, frozenReason?: string | null, updatedAt: string, organization: { __typename?: 'Organization', id: string, name: string } }> } | null };

export type ConsoleFreezeMiniProgramMutationVariables = Exact<{
  appId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type ConsoleFreezeMiniProgramMutation = { __typename?: 'Mutation', freezeMiniProgram: { __typename?: 'MiniProgram', appId: string, status: MiniProgramStatus, frozenReason?: string | null } };

export type ConsoleUnfreezeMiniProgramMutationVariables = Exact<{
  appId: Scalars['ID']['input'];
}>;


export type ConsoleUnfreezeMiniProgramMutation = { __typename?: 'Mutation', unfreezeMiniProgram: { __typename?: 'MiniProgram', appId: string, status: MiniProgramStatus, frozenReason?: string | null } };

export type ConsoleStatisticsMiniProgramQueryVariables = Exact<{
  appId: Scalars['ID']['input'];
}>;


export type ConsoleStatisticsMiniProgramQuery = { __typename?: 'Query', miniProgram?: { __typename?: 'MiniProgram', appId: string, name: string } | null };

export type ConsoleMyOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleMyOrganizationsQuery = { __typename?: 'Query', myOrganizations?: Array<{ __typename?: 'Organization', id: string, name: string, status: OrganizationStatus, frozen: boolean, creditCode?: string | null, contactName?: string | null, contactPhone?: string | null, rejectionReason?: string | null, submittedAt?: string | null }> | null };

export type ConsoleOrganizationsQueryVariables = Exact<{
  status?: InputMaybe<OrganizationStatus>;
  search?: InputMaybe<Scalars['String']['input']>;
  orderBy?: InputMaybe<OrganizationOrder>;
  skip: Scalars['Int']['input'];
  take: Scalars['Int']['input'];
}>;


export type ConsoleOrganizationsQuery = { __typename?: 'Query', organizations?: { __typename?: 'OrganizationPage', total: number, items: Array<{ __typename?: 'Organization', id: string, name: string, status: OrganizationStatus, frozen: boolean, creditCode?: string | null, contactName?: string | null, contactPhone?: string | null, submittedAt?: string | null }> } | null };

export type ConsoleMiniProgramsQueryVariables = Exact<{
  orgId?: InputMaybe<Scalars['ID']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<MiniProgramStatus>;
  orderBy?: InputMaybe<MiniProgramOrder>;
  skip: Scalars['Int']['input'];
  take: Scalars['Int']['input'];
}>;


export type ConsoleMiniProgramsQuery = { __typename?: 'Query', miniPrograms?: { __typename?: 'MiniProgramPage', total: number, items: Array<{ __typename?: 'MiniProgram', appId: string, name: string, category?: string | null, status: MiniProgramStatus, updatedAt: string, publishedVersion?: { __typename?: 'MiniProgramVersion', id: string, versionName: string } | null }> } | null };

export type ConsoleVersionFieldsFragment = { __typename?: 'MiniProgramVersion', id: string, appId: string, versionName: string, status: MiniProgramVersionStatus, packageSize: number, packageFiles: number, pages: Array<string>, submittedAt?: string | null, reviewedAt?: string | null, publishedAt?: string | null, rejectionReason?: string | null, grayPercentage?: number | null, releasePlanId?: string | null, createdAt: string };

export type ConsoleMiniProgramQueryVariables = Exact<{
  appId: Scalars['ID']['input'];
  orderBy?: InputMaybe<MiniProgramVersionOrder>;
  skip: Scalars['Int']['input'];
  take: Scalars['Int']['input'];
}>;


export type ConsoleMiniProgramQuery = { __typename?: 'Query', miniProgram?: { __typename?: 'MiniProgram', appId: string, name: string, description?: string | null, category?: string | null, status: MiniProgramStatus, orgId: string, versions: Array<{ __typename?: 'MiniProgramVersion', id: string, appId: string, versionName: string, status: MiniProgramVersionStatus, packageSize: number, packageFiles: number, pages: Array<string>, submittedAt?: string | null, reviewedAt?: string | null, publishedAt?: string | null, rejectionReason?: string | null, grayPercentage?: number | null, releasePlanId?: string | null, createdAt: string }> } | null };

export type ConsoleWithdrawVersionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConsoleWithdrawVersionMutation = { __typename?: 'Mutation', withdrawVersionReview: { __typename?: 'MiniProgramVersion', id: string, status: MiniProgramVersionStatus } };

export type ConsolePendingReviewsQueryVariables = Exact<{
  orderBy?: InputMaybe<VersionReviewOrder>;
  skip: Scalars['Int']['input'];
  take: Scalars['Int']['input'];
}>;


export type ConsolePendingReviewsQuery = { __typename?: 'Query', pendingReviews?: { __typename?: 'MiniProgramVersionPage', total: number, items: Array<{ __typename?: 'MiniProgramVersion', id: string, appId: string, versionName: string, status: MiniProgramVersionStatus, packageSize: number, packageFiles: number, pages: Array<string>, submittedAt?: string | null, reviewedAt?: string | null, publishedAt?: string | null, rejectionReason?: string | null, grayPercentage?: number | null, releasePlanId?: string | null, createdAt: string, miniProgram?: { __typename?: 'MiniProgram', appId: string, name: string, organization: { __typename?: 'Organization', id: string, name: string } } | null }> } | null };

export type ConsoleVersionPackageQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConsoleVersionPackageQuery = { __typename?: 'Query', miniProgramVersion?: { __typename?: 'MiniProgramVersion', id: string, manifest?: any | null, packageFileList: { __typename?: 'PackageFilePage', total: number, items: Array<{ __typename?: 'PackageFile', path: string, size: number }> } } | null };

export type ConsoleRejectVersionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type ConsoleRejectVersionMutation = { __typename?: 'Mutation', rejectVersion: { __typename?: 'MiniProgramVersion', id: string, status: MiniProgramVersionStatus } };

export type ConsoleReleasesQueryVariables = Exact<{
  appId: Scalars['ID']['input'];
  orderBy?: InputMaybe<ReleasePlanOrder>;
  after?: InputMaybe<Scalars['String']['input']>;
  take: Scalars['Int']['input'];
}>;


export type ConsoleReleasesQuery = { __typename?: 'Query', grayRules?: Array<{ __typename?: 'GrayRule', id: string, name: string, rule: any }> | null, releasePlans?: Array<{ __typename?: 'ReleasePlan', id: string, cursor?: string | null, state: ReleasePlanState, percentage: number, grayVersionId: string, startedAt: string, completedAt?: string | null, failureReason?: string | null, rule?: { __typename?: 'GrayRule', id: string, name: string } | null }> | null };

export type ConsoleRaiseReleasePercentageMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  percentage: Scalars['Float']['input'];
}>;


export type ConsoleRaiseReleasePercentageMutation = { __typename?: 'Mutation', raiseReleasePlanPercentage: { __typename?: 'ReleasePlan', id: string, state: ReleasePlanState, percentage: number } };

export type ConsoleRevertReleasePlanMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConsoleRevertReleasePlanMutation = { __typename?: 'Mutation', revertReleasePlan: { __typename?: 'ReleasePlan', id: string, state: ReleasePlanState } };

export type CreateMiniProgramMutationVariables = Exact<{
  input: CreateMiniProgramInput;
}>;


export type CreateMiniProgramMutation = { __typename?: 'Mutation', createMiniProgram: { __typename?: 'MiniProgram', id: string, appId: string, name: string, status: MiniProgramStatus, organization: { __typename?: 'Organization', id: string, name: string } } };

export type MiniProgramVersionsQueryVariables = Exact<{
  appId: Scalars['ID']['input'];
}>;


export type MiniProgramVersionsQuery = { __typename?: 'Query', versions?: Array<{ __typename?: 'MiniProgramVersion', id: string, versionName: string, status: MiniProgramVersionStatus, grayPercentage?: number | null, releasePlanId?: string | null }> | null };

export type SubmitVersionForReviewMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SubmitVersionForReviewMutation = { __typename?: 'Mutation', submitVersionForReview: { __typename?: 'MiniProgramVersion', id: string, status: MiniProgramVersionStatus } };

export type ApproveVersionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ApproveVersionMutation = { __typename?: 'Mutation', approveVersion: { __typename?: 'MiniProgramVersion', id: string, status: MiniProgramVersionStatus } };

export type PublishVersionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PublishVersionMutation = { __typename?: 'Mutation', publishVersion: { __typename?: 'MiniProgramVersion', id: string, status: MiniProgramVersionStatus } };

export type StartGrayReleaseMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input?: InputMaybe<GrayReleaseInput>;
}>;


export type StartGrayReleaseMutation = { __typename?: 'Mutation', startGrayRelease: { __typename?: 'MiniProgramVersion', id: string, status: MiniProgramVersionStatus } };

export type DelistVersionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
}>;


export type DelistVersionMutation = { __typename?: 'Mutation', delistVersion: { __typename?: 'MiniProgramVersion', id: string, status: MiniProgramVersionStatus } };

export type DeleteVersionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteVersionMutation = { __typename?: 'Mutation', deleteVersion: boolean };

export type DeleteMiniProgramMutationVariables = Exact<{
  appId: Scalars['ID']['input'];
}>;


export type DeleteMiniProgramMutation = { __typename?: 'Mutation', deleteMiniProgram: boolean };

export type DisableHostAppMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DisableHostAppMutation = { __typename?: 'Mutation', disableHostApp: { __typename?: 'HostApp', id: string, enabled: boolean } };

export type DeleteHostAppMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteHostAppMutation = { __typename?: 'Mutation', deleteHostApp: boolean };

export type CreateHostAppMutationVariables = Exact<{
  input: CreateHostAppInput;
}>;


export type CreateHostAppMutation = { __typename?: 'Mutation', createHostApp: { __typename?: 'HostAppCredentials', sdkKey: string, sdkSecret: string, hostApp: { __typename?: 'HostApp', id: string, name: string, enabled: boolean } } };

export type LinkMiniProgramMutationVariables = Exact<{
  hostAppId: Scalars['ID']['input'];
  appId: Scalars['ID']['input'];
}>;


export type LinkMiniProgramMutation = { __typename?: 'Mutation', linkMiniProgram: { __typename?: 'HostAppLink', id: string, status: HostAppLinkStatus } };

export type CreateGrayRuleMutationVariables = Exact<{
  input: CreateGrayRuleInput;
}>;


export type CreateGrayRuleMutation = { __typename?: 'Mutation', createGrayRule: { __typename?: 'GrayRule', id: string, rule: any } };

export type StartReleasePlanMutationVariables = Exact<{
  input: StartReleasePlanInput;
}>;


export type StartReleasePlanMutation = { __typename?: 'Mutation', startReleasePlan: { __typename?: 'ReleasePlan', id: string, state: ReleasePlanState, percentage: number } };

export type CompleteReleasePlanMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CompleteReleasePlanMutation = { __typename?: 'Mutation', completeReleasePlan: { __typename?: 'ReleasePlan', id: string, state: ReleasePlanState } };

export type ReleasePlanQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ReleasePlanQuery = { __typename?: 'Query', releasePlan?: { __typename?: 'ReleasePlan', id: string, state: ReleasePlanState, percentage: number, grayVersionId: string, failureReason?: string | null } | null };

export type LicenseQueryVariables = Exact<{ [key: string]: never; }>;


export type LicenseQuery = { __typename?: 'Query', license?: { __typename?: 'License', licenseId: string, licensee: string, expiresAt?: string | null, limits: Array<{ __typename?: 'LicenseLimit', name: LicenseLimitName, max?: number | null, used?: number | null }> } | null };

export type InstallLicenseMutationVariables = Exact<{
  document: Scalars['String']['input'];
}>;


export type InstallLicenseMutation = { __typename?: 'Mutation', installLicense: { __typename?: 'License', licenseId: string, licensee: string, expiresAt?: string | null } };

export type MeAndLicenseQueryVariables = Exact<{ [key: string]: never; }>;


export type MeAndLicenseQuery = { __typename?: 'Query', me?: { __typename?: 'Viewer', sessionId: string } | null, license?: { __typename?: 'License', licenseId: string } | null };

export type OperationLogQueryVariables = Exact<{
  filter?: InputMaybe<OperationLogFilterInput>;
  take?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type OperationLogQuery = { __typename?: 'Query', operationLog: { __typename?: 'OperationLogPage', nextCursor?: string | null, items: Array<{ __typename?: 'OperationLogEntry', id: string, at: string, action: string, subgraph: string, actorKind: string, actorId?: string | null, organizationId?: string | null, targetType?: string | null, targetId?: string | null, summary: string, changes: Array<string>, requestId: string, clientIp?: string | null, atomic: boolean, cursor: string }> } };

export type OperationLogCsvQueryVariables = Exact<{
  filter?: InputMaybe<OperationLogFilterInput>;
  rows?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type OperationLogCsvQuery = { __typename?: 'Query', operationLogCsv: { __typename?: 'OperationLogCsv', csv: string, rows: number, nextCursor?: string | null } };

export type SetServiceDomainsMutationVariables = Exact<{
  appId: Scalars['ID']['input'];
  kind: ServiceDomainKind;
  domains: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type SetServiceDomainsMutation = { __typename?: 'Mutation', setServiceDomains: { __typename?: 'MiniProgramDomains', appId: string, request: Array<string>, version: number } };

export type SetSdkConfigOverrideMutationVariables = Exact<{
  hostAppId: Scalars['ID']['input'];
  input: SdkConfigInput;
}>;


export type SetSdkConfigOverrideMutation = { __typename?: 'Mutation', setSdkConfigOverride: { __typename?: 'SdkConfigOverride', hostAppId: string, version: number } };

export type SearchMiniProgramsQueryVariables = Exact<{
  text: Scalars['String']['input'];
  filter?: InputMaybe<SearchMiniProgramsFilter>;
  take?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
}>;


export type SearchMiniProgramsQuery = { __typename?: 'Query', searchMiniPrograms: { __typename?: 'MiniProgramSearchResult', total: number, items: Array<{ __typename?: 'MiniProgramSearchHit', appId: string, name: string, status: CatalogueStatus, organizationName: string, highlights: { __typename?: 'MiniProgramSearchHighlights', name?: string | null, keywords?: string | null, description?: string | null }, miniProgram: { __typename?: 'MiniProgram', id: string, name: string } }>, facets: { __typename?: 'MiniProgramSearchFacets', category: Array<{ __typename?: 'SearchFacetCount', value: string, label: string, count: number }>, organization: Array<{ __typename?: 'SearchFacetCount', value: string, label: string, count: number }>, status: Array<{ __typename?: 'SearchFacetCount', value: string, count: number }> } } };

export type UpdateMiniProgramSearchSettingsMutationVariables = Exact<{
  appId: Scalars['ID']['input'];
  input: MiniProgramSearchSettingsInput;
}>;


export type UpdateMiniProgramSearchSettingsMutation = { __typename?: 'Mutation', updateMiniProgramSearchSettings: { __typename?: 'MiniProgram', id: string, searchAliases: Array<string>, searchable: boolean, searchablePages: Array<{ __typename?: 'SearchablePage', path: string, title: string, text: string }> } };

export type SearchHotWordsQueryVariables = Exact<{ [key: string]: never; }>;


export type SearchHotWordsQuery = { __typename?: 'Query', searchHotWords: Array<string> };

export type SetSearchHotWordsMutationVariables = Exact<{
  words: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type SetSearchHotWordsMutation = { __typename?: 'Mutation', setSearchHotWords: Array<string> };

export type RebuildSearchIndexMutationVariables = Exact<{ [key: string]: never; }>;


export type RebuildSearchIndexMutation = { __typename?: 'Mutation', rebuildSearchIndex: boolean };

export type SetSearchSynonymsMutationVariables = Exact<{
  groups: Array<SearchSynonymGroupInput> | SearchSynonymGroupInput;
}>;


export type SetSearchSynonymsMutation = { __typename?: 'Mutation', setSearchSynonyms: Array<{ __typename?: 'SearchSynonymGroup', terms: Array<string> }> };

export type SearchStatisticsQueryVariables = Exact<{
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
  take?: InputMaybe<Scalars['Int']['input']>;
}>;


export type SearchStatisticsQuery = { __typename?: 'Query', searchStatistics: { __typename?: 'SearchStatistics', from: string, to: string, searches: number, noResultSearches: number, clicks: number, clickThroughRate: number, topQueries: Array<{ __typename?: 'SearchQueryCount', query: string, searches: number, noResult: number, clicks: number }>, noResultQueries: Array<{ __typename?: 'SearchQueryCount', query: string, searches: number }> } };

export type SearchSynonymsQueryVariables = Exact<{ [key: string]: never; }>;


export type SearchSynonymsQuery = { __typename?: 'Query', searchSynonyms: Array<{ __typename?: 'SearchSynonymGroup', terms: Array<string> }> };

export const SessionTokensFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionTokens"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deviceId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<SessionTokensFragment, unknown>;
export const OrganizationAmendmentFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrganizationAmendmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationAmendment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"licenceDocumentRef"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}}]}}]} as unknown as DocumentNode<OrganizationAmendmentFieldsFragment, unknown>;
export const PlatformTotalsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlatformTotalsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlatformTotals"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"}},{"kind":"Field","name":{"kind":"Name","value":"organizationsFrozen"}},{"kind":"Field","name":{"kind":"Name","value":"miniPrograms"}},{"kind":"Field","name":{"kind":"Name","value":"miniProgramsOnline"}},{"kind":"Field","name":{"kind":"Name","value":"hostApps"}}]}}]} as unknown as DocumentNode<PlatformTotalsFieldsFragment, unknown>;
export const GrayCohortFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrayCohortFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GrayCohortMetrics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"devicesExposed"}},{"kind":"Field","name":{"kind":"Name","value":"activeUsers"}},{"kind":"Field","name":{"kind":"Name","value":"launches"}},{"kind":"Field","name":{"kind":"Name","value":"pageViews"}},{"kind":"Field","name":{"kind":"Name","value":"jsErrors"}},{"kind":"Field","name":{"kind":"Name","value":"crashes"}},{"kind":"Field","name":{"kind":"Name","value":"totalStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"averageStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"errorRate"}},{"kind":"Field","name":{"kind":"Name","value":"crashRate"}}]}}]} as unknown as DocumentNode<GrayCohortFieldsFragment, unknown>;
export const GrayComparisonFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrayComparisonFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GrayComparison"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gray"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayCohortFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"released"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayCohortFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errorRateDelta"}},{"kind":"Field","name":{"kind":"Name","value":"crashRateDelta"}},{"kind":"Field","name":{"kind":"Name","value":"averageStayMsDelta"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrayCohortFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GrayCohortMetrics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"devicesExposed"}},{"kind":"Field","name":{"kind":"Name","value":"activeUsers"}},{"kind":"Field","name":{"kind":"Name","value":"launches"}},{"kind":"Field","name":{"kind":"Name","value":"pageViews"}},{"kind":"Field","name":{"kind":"Name","value":"jsErrors"}},{"kind":"Field","name":{"kind":"Name","value":"crashes"}},{"kind":"Field","name":{"kind":"Name","value":"totalStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"averageStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"errorRate"}},{"kind":"Field","name":{"kind":"Name","value":"crashRate"}}]}}]} as unknown as DocumentNode<GrayComparisonFieldsFragment, unknown>;
export const ReleasePlanStatisticsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReleasePlanStatisticsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReleasePlanStatistics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planId"}},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"grayVersionId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayComparisonFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"comparison"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayComparisonFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"marks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrayCohortFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GrayCohortMetrics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"devicesExposed"}},{"kind":"Field","name":{"kind":"Name","value":"activeUsers"}},{"kind":"Field","name":{"kind":"Name","value":"launches"}},{"kind":"Field","name":{"kind":"Name","value":"pageViews"}},{"kind":"Field","name":{"kind":"Name","value":"jsErrors"}},{"kind":"Field","name":{"kind":"Name","value":"crashes"}},{"kind":"Field","name":{"kind":"Name","value":"totalStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"averageStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"errorRate"}},{"kind":"Field","name":{"kind":"Name","value":"crashRate"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrayComparisonFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GrayComparison"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gray"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayCohortFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"released"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayCohortFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errorRateDelta"}},{"kind":"Field","name":{"kind":"Name","value":"crashRateDelta"}},{"kind":"Field","name":{"kind":"Name","value":"averageStayMsDelta"}}]}}]} as unknown as DocumentNode<ReleasePlanStatisticsFieldsFragment, unknown>;
export const DistributionBucketFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DistributionBucketFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DistributionBucket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"launches"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}}]} as unknown as DocumentNode<DistributionBucketFieldsFragment, unknown>;
export const AnalyticsMetricsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsMetricsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsMetrics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"newUsers"}},{"kind":"Field","name":{"kind":"Name","value":"activeUsers"}},{"kind":"Field","name":{"kind":"Name","value":"launches"}},{"kind":"Field","name":{"kind":"Name","value":"pageViews"}},{"kind":"Field","name":{"kind":"Name","value":"totalStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"averageStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"bounces"}},{"kind":"Field","name":{"kind":"Name","value":"bounceRate"}},{"kind":"Field","name":{"kind":"Name","value":"jsErrors"}},{"kind":"Field","name":{"kind":"Name","value":"crashes"}},{"kind":"Field","name":{"kind":"Name","value":"crashRate"}}]}}]} as unknown as DocumentNode<AnalyticsMetricsFieldsFragment, unknown>;
export const AnalyticsSummaryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsSummaryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsSummary"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"miniPrograms"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnalyticsMetricsFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsMetricsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsMetrics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"newUsers"}},{"kind":"Field","name":{"kind":"Name","value":"activeUsers"}},{"kind":"Field","name":{"kind":"Name","value":"launches"}},{"kind":"Field","name":{"kind":"Name","value":"pageViews"}},{"kind":"Field","name":{"kind":"Name","value":"totalStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"averageStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"bounces"}},{"kind":"Field","name":{"kind":"Name","value":"bounceRate"}},{"kind":"Field","name":{"kind":"Name","value":"jsErrors"}},{"kind":"Field","name":{"kind":"Name","value":"crashes"}},{"kind":"Field","name":{"kind":"Name","value":"crashRate"}}]}}]} as unknown as DocumentNode<AnalyticsSummaryFieldsFragment, unknown>;
export const InstitutionBusinessDomainFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstitutionBusinessDomainFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BusinessDomain"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"verificationMethod"}},{"kind":"Field","name":{"kind":"Name","value":"verifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"failureDetail"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"verificationFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}}]}}]} as unknown as DocumentNode<InstitutionBusinessDomainFieldsFragment, unknown>;
export const InstitutionHostAppFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstitutionHostAppFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostApp"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orgId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"iosBundleIds"}},{"kind":"Field","name":{"kind":"Name","value":"androidPackageNames"}},{"kind":"Field","name":{"kind":"Name","value":"harmonyBundleNames"}},{"kind":"Field","name":{"kind":"Name","value":"sdkKey"}},{"kind":"Field","name":{"kind":"Name","value":"secretHint"}},{"kind":"Field","name":{"kind":"Name","value":"secretRotatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}}]} as unknown as DocumentNode<InstitutionHostAppFieldsFragment, unknown>;
export const InstitutionLinkFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstitutionLinkFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostAppLink"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostAppId"}},{"kind":"Field","name":{"kind":"Name","value":"hostOrgId"}},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"appOrgId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"miniProgram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<InstitutionLinkFieldsFragment, unknown>;
export const InstitutionSdkSettingsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstitutionSdkSettingsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SdkConfigSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packageDownloadTimeoutMs"}},{"kind":"Field","name":{"kind":"Name","value":"maxCachedApplets"}},{"kind":"Field","name":{"kind":"Name","value":"enableDebug"}},{"kind":"Field","name":{"kind":"Name","value":"logLevel"}},{"kind":"Field","name":{"kind":"Name","value":"reportIntervalSec"}},{"kind":"Field","name":{"kind":"Name","value":"allowedApiList"}},{"kind":"Field","name":{"kind":"Name","value":"blockedApiList"}},{"kind":"Field","name":{"kind":"Name","value":"extra"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<InstitutionSdkSettingsFieldsFragment, unknown>;
export const ConsoleLicenseLimitFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleLicenseLimitFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LicenseLimit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}}]} as unknown as DocumentNode<ConsoleLicenseLimitFieldsFragment, unknown>;
export const ConsoleLicenseFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleLicenseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"License"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"licenseId"}},{"kind":"Field","name":{"kind":"Name","value":"licensee"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"installedAt"}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleLicenseLimitFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleLicenseLimitFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LicenseLimit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}}]} as unknown as DocumentNode<ConsoleLicenseFieldsFragment, unknown>;
export const OpPlatformSdkConfigFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OpPlatformSdkConfigFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SdkConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packageDownloadTimeoutMs"}},{"kind":"Field","name":{"kind":"Name","value":"maxCachedApplets"}},{"kind":"Field","name":{"kind":"Name","value":"enableDebug"}},{"kind":"Field","name":{"kind":"Name","value":"logLevel"}},{"kind":"Field","name":{"kind":"Name","value":"reportIntervalSec"}},{"kind":"Field","name":{"kind":"Name","value":"allowedApiList"}},{"kind":"Field","name":{"kind":"Name","value":"blockedApiList"}},{"kind":"Field","name":{"kind":"Name","value":"extra"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<OpPlatformSdkConfigFieldsFragment, unknown>;
export const ConsoleVersionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleVersionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MiniProgramVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"versionName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"packageSize"}},{"kind":"Field","name":{"kind":"Name","value":"packageFiles"}},{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"grayPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"releasePlanId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<ConsoleVersionFieldsFragment, unknown>;
export const SignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"membership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<SignUpMutation, SignUpMutationVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionTokens"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionTokens"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deviceId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const RefreshSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionTokens"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionTokens"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deviceId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const ChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangePasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionTokens"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionTokens"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deviceId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"operatorRoles"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const MySessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MySessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mySessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deviceId"}},{"kind":"Field","name":{"kind":"Name","value":"deviceName"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]}}]} as unknown as DocumentNode<MySessionsQuery, MySessionsQueryVariables>;
export const RevokeSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const ApplyForOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApplyForOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applyForOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}}]}}]}}]} as unknown as DocumentNode<ApplyForOrganizationMutation, ApplyForOrganizationMutationVariables>;
export const ResubmitOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResubmitOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resubmitOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ResubmitOrganizationMutation, ResubmitOrganizationMutationVariables>;
export const PendingOrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PendingOrganizations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"skip"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"0"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"PENDING"}},{"kind":"Argument","name":{"kind":"Name","value":"skip"},"value":{"kind":"Variable","name":{"kind":"Name","value":"skip"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"contactName"}}]}}]}}]}}]} as unknown as DocumentNode<PendingOrganizationsQuery, PendingOrganizationsQueryVariables>;
export const OrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Organization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"frozen"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}}]}}]}}]} as unknown as DocumentNode<OrganizationQuery, OrganizationQueryVariables>;
export const MyOrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyOrganizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myOrganizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"frozen"}}]}}]}}]} as unknown as DocumentNode<MyOrganizationsQuery, MyOrganizationsQueryVariables>;
export const ApproveOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ApproveOrganizationMutation, ApproveOrganizationMutationVariables>;
export const RejectOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}}]}}]}}]} as unknown as DocumentNode<RejectOrganizationMutation, RejectOrganizationMutationVariables>;
export const FreezeOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FreezeOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"freezeOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"frozen"}}]}}]}}]} as unknown as DocumentNode<FreezeOrganizationMutation, FreezeOrganizationMutationVariables>;
export const UnfreezeOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnfreezeOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unfreezeOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"frozen"}}]}}]}}]} as unknown as DocumentNode<UnfreezeOrganizationMutation, UnfreezeOrganizationMutationVariables>;
export const UpdateOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"contactName"}},{"kind":"Field","name":{"kind":"Name","value":"contactPhone"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"amendment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrganizationAmendmentFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrganizationAmendmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationAmendment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"licenceDocumentRef"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}}]}}]} as unknown as DocumentNode<UpdateOrganizationMutation, UpdateOrganizationMutationVariables>;
export const ApproveOrganizationAmendmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveOrganizationAmendment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveOrganizationAmendment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"amendment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrganizationAmendmentFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrganizationAmendmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationAmendment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"licenceDocumentRef"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}}]}}]} as unknown as DocumentNode<ApproveOrganizationAmendmentMutation, ApproveOrganizationAmendmentMutationVariables>;
export const RejectOrganizationAmendmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectOrganizationAmendment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectOrganizationAmendment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"amendment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrganizationAmendmentFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrganizationAmendmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationAmendment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"licenceDocumentRef"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}}]}}]} as unknown as DocumentNode<RejectOrganizationAmendmentMutation, RejectOrganizationAmendmentMutationVariables>;
export const InviteMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InviteMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<InviteMemberMutation, InviteMemberMutationVariables>;
export const AcceptInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const MembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Members"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<MembersQuery, MembersQueryVariables>;
export const ChangeMemberRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeMemberRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrgRole"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeMemberRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<ChangeMemberRoleMutation, ChangeMemberRoleMutationVariables>;
export const RemoveMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}]}}]} as unknown as DocumentNode<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const CreateOperatorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateOperator"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOperatorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOperator"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"initialPassword"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"operatorRoles"}}]}}]}}]}}]} as unknown as DocumentNode<CreateOperatorMutation, CreateOperatorMutationVariables>;
export const RevokeUserSessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeUserSessions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeUserSessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}]}}]} as unknown as DocumentNode<RevokeUserSessionsMutation, RevokeUserSessionsMutationVariables>;
export const MiniProgramAnalyticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MiniProgramAnalytics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsGranularity"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withCsv"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgramAnalytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"granularity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"csv"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withCsv"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"granularity"}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"hour"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnalyticsMetricsFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnalyticsMetricsFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsMetricsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsMetrics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"newUsers"}},{"kind":"Field","name":{"kind":"Name","value":"activeUsers"}},{"kind":"Field","name":{"kind":"Name","value":"launches"}},{"kind":"Field","name":{"kind":"Name","value":"pageViews"}},{"kind":"Field","name":{"kind":"Name","value":"totalStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"averageStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"bounces"}},{"kind":"Field","name":{"kind":"Name","value":"bounceRate"}},{"kind":"Field","name":{"kind":"Name","value":"jsErrors"}},{"kind":"Field","name":{"kind":"Name","value":"crashes"}},{"kind":"Field","name":{"kind":"Name","value":"crashRate"}}]}}]} as unknown as DocumentNode<MiniProgramAnalyticsQuery, MiniProgramAnalyticsQueryVariables>;
export const MiniProgramAnalyticsBreakdownDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MiniProgramAnalyticsBreakdown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dimension"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsDimension"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withCsv"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgramAnalyticsBreakdown"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}},{"kind":"Argument","name":{"kind":"Name","value":"dimension"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dimension"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"csv"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withCsv"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnalyticsMetricsFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsMetricsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsMetrics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"newUsers"}},{"kind":"Field","name":{"kind":"Name","value":"activeUsers"}},{"kind":"Field","name":{"kind":"Name","value":"launches"}},{"kind":"Field","name":{"kind":"Name","value":"pageViews"}},{"kind":"Field","name":{"kind":"Name","value":"totalStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"averageStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"bounces"}},{"kind":"Field","name":{"kind":"Name","value":"bounceRate"}},{"kind":"Field","name":{"kind":"Name","value":"jsErrors"}},{"kind":"Field","name":{"kind":"Name","value":"crashes"}},{"kind":"Field","name":{"kind":"Name","value":"crashRate"}}]}}]} as unknown as DocumentNode<MiniProgramAnalyticsBreakdownQuery, MiniProgramAnalyticsBreakdownQueryVariables>;
export const RecomputeAnalyticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecomputeAnalytics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recomputeAnalytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}]}]}}]} as unknown as DocumentNode<RecomputeAnalyticsMutation, RecomputeAnalyticsMutationVariables>;
export const CustomEventDeclarationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomEventDeclarations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customEventDeclarations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<CustomEventDeclarationsQuery, CustomEventDeclarationsQueryVariables>;
export const DeclareCustomEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclareCustomEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeclareCustomEventInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declareCustomEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<DeclareCustomEventMutation, DeclareCustomEventMutationVariables>;
export const RemoveCustomEventDeclarationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveCustomEventDeclaration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeCustomEventDeclaration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}]}]}}]} as unknown as DocumentNode<RemoveCustomEventDeclarationMutation, RemoveCustomEventDeclarationMutationVariables>;
export const PlatformOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlatformOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platformOverview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"organizations"}},{"kind":"Field","name":{"kind":"Name","value":"organizationsFrozen"}},{"kind":"Field","name":{"kind":"Name","value":"miniPrograms"}},{"kind":"Field","name":{"kind":"Name","value":"miniProgramsOnline"}},{"kind":"Field","name":{"kind":"Name","value":"hostApps"}},{"kind":"Field","name":{"kind":"Name","value":"organizationsApproved"}},{"kind":"Field","name":{"kind":"Name","value":"miniProgramsCreated"}},{"kind":"Field","name":{"kind":"Name","value":"hostAppsCreated"}},{"kind":"Field","name":{"kind":"Name","value":"activeDevices"}},{"kind":"Field","name":{"kind":"Name","value":"launches"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlatformTotalsFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organizationsApproved"}},{"kind":"Field","name":{"kind":"Name","value":"miniProgramsCreated"}},{"kind":"Field","name":{"kind":"Name","value":"hostAppsCreated"}},{"kind":"Field","name":{"kind":"Name","value":"activeDevices"}},{"kind":"Field","name":{"kind":"Name","value":"launches"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlatformTotalsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlatformTotals"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"}},{"kind":"Field","name":{"kind":"Name","value":"organizationsFrozen"}},{"kind":"Field","name":{"kind":"Name","value":"miniPrograms"}},{"kind":"Field","name":{"kind":"Name","value":"miniProgramsOnline"}},{"kind":"Field","name":{"kind":"Name","value":"hostApps"}}]}}]} as unknown as DocumentNode<PlatformOverviewQuery, PlatformOverviewQueryVariables>;
export const ReleasePlanStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReleasePlanStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"planId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withCsv"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releasePlanStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"planId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"planId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"csv"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withCsv"}}}]}]},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReleasePlanStatisticsFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrayCohortFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GrayCohortMetrics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"devicesExposed"}},{"kind":"Field","name":{"kind":"Name","value":"activeUsers"}},{"kind":"Field","name":{"kind":"Name","value":"launches"}},{"kind":"Field","name":{"kind":"Name","value":"pageViews"}},{"kind":"Field","name":{"kind":"Name","value":"jsErrors"}},{"kind":"Field","name":{"kind":"Name","value":"crashes"}},{"kind":"Field","name":{"kind":"Name","value":"totalStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"averageStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"errorRate"}},{"kind":"Field","name":{"kind":"Name","value":"crashRate"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrayComparisonFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GrayComparison"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gray"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayCohortFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"released"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayCohortFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errorRateDelta"}},{"kind":"Field","name":{"kind":"Name","value":"crashRateDelta"}},{"kind":"Field","name":{"kind":"Name","value":"averageStayMsDelta"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReleasePlanStatisticsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReleasePlanStatistics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planId"}},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"grayVersionId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayComparisonFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"comparison"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayComparisonFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"marks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<ReleasePlanStatisticsQuery, ReleasePlanStatisticsQueryVariables>;
export const ReleasePlanWithStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReleasePlanWithStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releasePlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"statistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReleasePlanStatisticsFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrayCohortFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GrayCohortMetrics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"devicesExposed"}},{"kind":"Field","name":{"kind":"Name","value":"activeUsers"}},{"kind":"Field","name":{"kind":"Name","value":"launches"}},{"kind":"Field","name":{"kind":"Name","value":"pageViews"}},{"kind":"Field","name":{"kind":"Name","value":"jsErrors"}},{"kind":"Field","name":{"kind":"Name","value":"crashes"}},{"kind":"Field","name":{"kind":"Name","value":"totalStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"averageStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"errorRate"}},{"kind":"Field","name":{"kind":"Name","value":"crashRate"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrayComparisonFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GrayComparison"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gray"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayCohortFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"released"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayCohortFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errorRateDelta"}},{"kind":"Field","name":{"kind":"Name","value":"crashRateDelta"}},{"kind":"Field","name":{"kind":"Name","value":"averageStayMsDelta"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReleasePlanStatisticsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReleasePlanStatistics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planId"}},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"grayVersionId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayComparisonFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"comparison"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayComparisonFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"marks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<ReleasePlanWithStatisticsQuery, ReleasePlanWithStatisticsQueryVariables>;
export const ReleasePlanStatisticsBreakdownDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReleasePlanStatisticsBreakdown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"planId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dimension"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrayStatisticsDimension"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releasePlanStatisticsBreakdown"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"planId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"planId"}}},{"kind":"Argument","name":{"kind":"Name","value":"dimension"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dimension"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planId"}},{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"comparison"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayComparisonFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrayCohortFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GrayCohortMetrics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"devicesExposed"}},{"kind":"Field","name":{"kind":"Name","value":"activeUsers"}},{"kind":"Field","name":{"kind":"Name","value":"launches"}},{"kind":"Field","name":{"kind":"Name","value":"pageViews"}},{"kind":"Field","name":{"kind":"Name","value":"jsErrors"}},{"kind":"Field","name":{"kind":"Name","value":"crashes"}},{"kind":"Field","name":{"kind":"Name","value":"totalStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"averageStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"errorRate"}},{"kind":"Field","name":{"kind":"Name","value":"crashRate"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrayComparisonFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GrayComparison"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gray"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayCohortFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"released"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayCohortFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errorRateDelta"}},{"kind":"Field","name":{"kind":"Name","value":"crashRateDelta"}},{"kind":"Field","name":{"kind":"Name","value":"averageStayMsDelta"}}]}}]} as unknown as DocumentNode<ReleasePlanStatisticsBreakdownQuery, ReleasePlanStatisticsBreakdownQueryVariables>;
export const MiniProgramRetentionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MiniProgramRetention"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cohort"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RetentionCohort"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withCsv"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgramRetention"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}},{"kind":"Argument","name":{"kind":"Name","value":"cohort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cohort"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"csv"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withCsv"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"cohort"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"offsets"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cohortDay"}},{"kind":"Field","name":{"kind":"Name","value":"cohortSize"}},{"kind":"Field","name":{"kind":"Name","value":"retained"}},{"kind":"Field","name":{"kind":"Name","value":"rates"}}]}}]}}]}}]} as unknown as DocumentNode<MiniProgramRetentionQuery, MiniProgramRetentionQueryVariables>;
export const MiniProgramTopPagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MiniProgramTopPages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TopPagesSort"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"skip"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withCsv"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgramTopPages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}},{"kind":"Argument","name":{"kind":"Name","value":"skip"},"value":{"kind":"Variable","name":{"kind":"Name","value":"skip"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"csv"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withCsv"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"sort"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pagePath"}},{"kind":"Field","name":{"kind":"Name","value":"views"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"totalStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"averageStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"entries"}},{"kind":"Field","name":{"kind":"Name","value":"exits"}},{"kind":"Field","name":{"kind":"Name","value":"exitRate"}}]}}]}}]}}]} as unknown as DocumentNode<MiniProgramTopPagesQuery, MiniProgramTopPagesQueryVariables>;
export const MiniProgramLaunchDistributionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MiniProgramLaunchDistributions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withCsv"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgramLaunchDistributions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"csv"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withCsv"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"launches"}},{"kind":"Field","name":{"kind":"Name","value":"stay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DistributionBucketFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"depth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DistributionBucketFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DistributionBucketFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DistributionBucket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"launches"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}}]} as unknown as DocumentNode<MiniProgramLaunchDistributionsQuery, MiniProgramLaunchDistributionsQueryVariables>;
export const MiniProgramWithStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MiniProgramWithStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgram"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnalyticsSummaryFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsMetricsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsMetrics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"newUsers"}},{"kind":"Field","name":{"kind":"Name","value":"activeUsers"}},{"kind":"Field","name":{"kind":"Name","value":"launches"}},{"kind":"Field","name":{"kind":"Name","value":"pageViews"}},{"kind":"Field","name":{"kind":"Name","value":"totalStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"averageStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"bounces"}},{"kind":"Field","name":{"kind":"Name","value":"bounceRate"}},{"kind":"Field","name":{"kind":"Name","value":"jsErrors"}},{"kind":"Field","name":{"kind":"Name","value":"crashes"}},{"kind":"Field","name":{"kind":"Name","value":"crashRate"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsSummaryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsSummary"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"miniPrograms"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnalyticsMetricsFields"}}]}}]}}]} as unknown as DocumentNode<MiniProgramWithStatisticsQuery, MiniProgramWithStatisticsQueryVariables>;
export const OrganizationWithStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationWithStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnalyticsSummaryFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsMetricsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsMetrics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"newUsers"}},{"kind":"Field","name":{"kind":"Name","value":"activeUsers"}},{"kind":"Field","name":{"kind":"Name","value":"launches"}},{"kind":"Field","name":{"kind":"Name","value":"pageViews"}},{"kind":"Field","name":{"kind":"Name","value":"totalStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"averageStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"bounces"}},{"kind":"Field","name":{"kind":"Name","value":"bounceRate"}},{"kind":"Field","name":{"kind":"Name","value":"jsErrors"}},{"kind":"Field","name":{"kind":"Name","value":"crashes"}},{"kind":"Field","name":{"kind":"Name","value":"crashRate"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnalyticsSummaryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsSummary"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"miniPrograms"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnalyticsMetricsFields"}}]}}]}}]} as unknown as DocumentNode<OrganizationWithStatisticsQuery, OrganizationWithStatisticsQueryVariables>;
export const InstitutionMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstitutionMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}}]}}]} as unknown as DocumentNode<InstitutionMembersQuery, InstitutionMembersQueryVariables>;
export const InstitutionInviteMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionInviteMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<InstitutionInviteMemberMutation, InstitutionInviteMemberMutationVariables>;
export const InstitutionInvitationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstitutionInvitations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InvitationStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}}]}}]} as unknown as DocumentNode<InstitutionInvitationsQuery, InstitutionInvitationsQueryVariables>;
export const InstitutionRevokeInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionRevokeInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"invitationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invitationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"invitationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<InstitutionRevokeInvitationMutation, InstitutionRevokeInvitationMutationVariables>;
export const InstitutionChangeMemberRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionChangeMemberRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrgRole"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeMemberRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<InstitutionChangeMemberRoleMutation, InstitutionChangeMemberRoleMutationVariables>;
export const InstitutionRemoveMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionRemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}]}}]} as unknown as DocumentNode<InstitutionRemoveMemberMutation, InstitutionRemoveMemberMutationVariables>;
export const InstitutionAcceptInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionAcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<InstitutionAcceptInvitationMutation, InstitutionAcceptInvitationMutationVariables>;
export const InstitutionMiniProgramSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstitutionMiniProgramSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgram"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"logoKey"}},{"kind":"Field","name":{"kind":"Name","value":"logoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<InstitutionMiniProgramSettingsQuery, InstitutionMiniProgramSettingsQueryVariables>;
export const InstitutionUpdateMiniProgramDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionUpdateMiniProgram"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMiniProgramInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMiniProgram"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<InstitutionUpdateMiniProgramMutation, InstitutionUpdateMiniProgramMutationVariables>;
export const InstitutionDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstitutionDomains"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgramDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"request"}},{"kind":"Field","name":{"kind":"Name","value":"socket"}},{"kind":"Field","name":{"kind":"Name","value":"upload"}},{"kind":"Field","name":{"kind":"Name","value":"download"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"businessDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstitutionBusinessDomainFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstitutionBusinessDomainFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BusinessDomain"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"verificationMethod"}},{"kind":"Field","name":{"kind":"Name","value":"verifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"failureDetail"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"verificationFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}}]}}]} as unknown as DocumentNode<InstitutionDomainsQuery, InstitutionDomainsQueryVariables>;
export const InstitutionSetServiceDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionSetServiceDomains"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceDomainKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"domains"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setServiceDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"domains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"domains"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"request"}},{"kind":"Field","name":{"kind":"Name","value":"socket"}},{"kind":"Field","name":{"kind":"Name","value":"upload"}},{"kind":"Field","name":{"kind":"Name","value":"download"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<InstitutionSetServiceDomainsMutation, InstitutionSetServiceDomainsMutationVariables>;
export const InstitutionAddBusinessDomainDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionAddBusinessDomain"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"domain"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addBusinessDomain"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}},{"kind":"Argument","name":{"kind":"Name","value":"domain"},"value":{"kind":"Variable","name":{"kind":"Name","value":"domain"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstitutionBusinessDomainFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstitutionBusinessDomainFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BusinessDomain"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"verificationMethod"}},{"kind":"Field","name":{"kind":"Name","value":"verifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"failureDetail"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"verificationFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}}]}}]} as unknown as DocumentNode<InstitutionAddBusinessDomainMutation, InstitutionAddBusinessDomainMutationVariables>;
export const InstitutionVerifyBusinessDomainDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionVerifyBusinessDomain"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyBusinessDomain"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstitutionBusinessDomainFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstitutionBusinessDomainFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BusinessDomain"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"verificationMethod"}},{"kind":"Field","name":{"kind":"Name","value":"verifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"failureDetail"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"verificationFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}}]}}]} as unknown as DocumentNode<InstitutionVerifyBusinessDomainMutation, InstitutionVerifyBusinessDomainMutationVariables>;
export const InstitutionRemoveBusinessDomainDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionRemoveBusinessDomain"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeBusinessDomain"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<InstitutionRemoveBusinessDomainMutation, InstitutionRemoveBusinessDomainMutationVariables>;
export const InstitutionTrialDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstitutionTrial"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trialVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trialMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<InstitutionTrialQuery, InstitutionTrialQueryVariables>;
export const InstitutionTrialQrCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstitutionTrialQrCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ttlHours"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trialQrCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}},{"kind":"Argument","name":{"kind":"Name","value":"ttlHours"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ttlHours"}}},{"kind":"Argument","name":{"kind":"Name","value":"format"},"value":{"kind":"EnumValue","value":"SVG"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"versionId"}},{"kind":"Field","name":{"kind":"Name","value":"deepLink"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"dataUrl"}}]}}]}}]} as unknown as DocumentNode<InstitutionTrialQrCodeQuery, InstitutionTrialQrCodeQueryVariables>;
export const InstitutionSetTrialVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionSetTrialVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"versionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setTrialVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"versionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"versionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<InstitutionSetTrialVersionMutation, InstitutionSetTrialVersionMutationVariables>;
export const InstitutionClearTrialVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionClearTrialVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearTrialVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}}]}]}}]} as unknown as DocumentNode<InstitutionClearTrialVersionMutation, InstitutionClearTrialVersionMutationVariables>;
export const InstitutionAddTrialMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionAddTrialMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"label"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addTrialMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"label"},"value":{"kind":"Variable","name":{"kind":"Name","value":"label"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<InstitutionAddTrialMemberMutation, InstitutionAddTrialMemberMutationVariables>;
export const InstitutionRemoveTrialMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionRemoveTrialMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeTrialMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}]}}]} as unknown as DocumentNode<InstitutionRemoveTrialMemberMutation, InstitutionRemoveTrialMemberMutationVariables>;
export const InstitutionHostAppsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstitutionHostApps"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"HostAppOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostApps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstitutionHostAppFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstitutionHostAppFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostApp"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orgId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"iosBundleIds"}},{"kind":"Field","name":{"kind":"Name","value":"androidPackageNames"}},{"kind":"Field","name":{"kind":"Name","value":"harmonyBundleNames"}},{"kind":"Field","name":{"kind":"Name","value":"sdkKey"}},{"kind":"Field","name":{"kind":"Name","value":"secretHint"}},{"kind":"Field","name":{"kind":"Name","value":"secretRotatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}}]} as unknown as DocumentNode<InstitutionHostAppsQuery, InstitutionHostAppsQueryVariables>;
export const InstitutionHostAppDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstitutionHostApp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostApp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstitutionHostAppFields"}},{"kind":"Field","name":{"kind":"Name","value":"links"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstitutionLinkFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstitutionHostAppFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostApp"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orgId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"iosBundleIds"}},{"kind":"Field","name":{"kind":"Name","value":"androidPackageNames"}},{"kind":"Field","name":{"kind":"Name","value":"harmonyBundleNames"}},{"kind":"Field","name":{"kind":"Name","value":"sdkKey"}},{"kind":"Field","name":{"kind":"Name","value":"secretHint"}},{"kind":"Field","name":{"kind":"Name","value":"secretRotatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstitutionLinkFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostAppLink"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostAppId"}},{"kind":"Field","name":{"kind":"Name","value":"hostOrgId"}},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"appOrgId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"miniProgram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<InstitutionHostAppQuery, InstitutionHostAppQueryVariables>;
export const InstitutionCreateHostAppDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionCreateHostApp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateHostAppInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createHostApp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sdkKey"}},{"kind":"Field","name":{"kind":"Name","value":"sdkSecret"}},{"kind":"Field","name":{"kind":"Name","value":"hostApp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstitutionHostAppFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstitutionHostAppFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostApp"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orgId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"iosBundleIds"}},{"kind":"Field","name":{"kind":"Name","value":"androidPackageNames"}},{"kind":"Field","name":{"kind":"Name","value":"harmonyBundleNames"}},{"kind":"Field","name":{"kind":"Name","value":"sdkKey"}},{"kind":"Field","name":{"kind":"Name","value":"secretHint"}},{"kind":"Field","name":{"kind":"Name","value":"secretRotatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}}]} as unknown as DocumentNode<InstitutionCreateHostAppMutation, InstitutionCreateHostAppMutationVariables>;
export const InstitutionUpdateHostAppDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionUpdateHostApp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateHostAppInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateHostApp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstitutionHostAppFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstitutionHostAppFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostApp"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orgId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"iosBundleIds"}},{"kind":"Field","name":{"kind":"Name","value":"androidPackageNames"}},{"kind":"Field","name":{"kind":"Name","value":"harmonyBundleNames"}},{"kind":"Field","name":{"kind":"Name","value":"sdkKey"}},{"kind":"Field","name":{"kind":"Name","value":"secretHint"}},{"kind":"Field","name":{"kind":"Name","value":"secretRotatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}}]} as unknown as DocumentNode<InstitutionUpdateHostAppMutation, InstitutionUpdateHostAppMutationVariables>;
export const InstitutionRotateHostAppSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionRotateHostAppSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateHostAppSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sdkKey"}},{"kind":"Field","name":{"kind":"Name","value":"sdkSecret"}},{"kind":"Field","name":{"kind":"Name","value":"hostApp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstitutionHostAppFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstitutionHostAppFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostApp"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orgId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"iosBundleIds"}},{"kind":"Field","name":{"kind":"Name","value":"androidPackageNames"}},{"kind":"Field","name":{"kind":"Name","value":"harmonyBundleNames"}},{"kind":"Field","name":{"kind":"Name","value":"sdkKey"}},{"kind":"Field","name":{"kind":"Name","value":"secretHint"}},{"kind":"Field","name":{"kind":"Name","value":"secretRotatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}}]} as unknown as DocumentNode<InstitutionRotateHostAppSecretMutation, InstitutionRotateHostAppSecretMutationVariables>;
export const InstitutionEnableHostAppDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionEnableHostApp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enableHostApp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]} as unknown as DocumentNode<InstitutionEnableHostAppMutation, InstitutionEnableHostAppMutationVariables>;
export const InstitutionDisableHostAppDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionDisableHostApp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableHostApp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]} as unknown as DocumentNode<InstitutionDisableHostAppMutation, InstitutionDisableHostAppMutationVariables>;
export const InstitutionLinkMiniProgramDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionLinkMiniProgram"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostAppId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linkMiniProgram"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostAppId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostAppId"}}},{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstitutionLinkFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstitutionLinkFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostAppLink"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostAppId"}},{"kind":"Field","name":{"kind":"Name","value":"hostOrgId"}},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"appOrgId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"miniProgram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<InstitutionLinkMiniProgramMutation, InstitutionLinkMiniProgramMutationVariables>;
export const InstitutionUnlinkMiniProgramDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionUnlinkMiniProgram"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostAppId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unlinkMiniProgram"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostAppId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostAppId"}}},{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}}]}]}}]} as unknown as DocumentNode<InstitutionUnlinkMiniProgramMutation, InstitutionUnlinkMiniProgramMutationVariables>;
export const InstitutionLinkRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstitutionLinkRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"direction"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HostAppLinkDirection"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"HostAppLinkStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linkRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}}},{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"Variable","name":{"kind":"Name","value":"direction"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstitutionLinkFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstitutionLinkFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostAppLink"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostAppId"}},{"kind":"Field","name":{"kind":"Name","value":"hostOrgId"}},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"appOrgId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"miniProgram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<InstitutionLinkRequestsQuery, InstitutionLinkRequestsQueryVariables>;
export const InstitutionApproveLinkRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionApproveLinkRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveLinkRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<InstitutionApproveLinkRequestMutation, InstitutionApproveLinkRequestMutationVariables>;
export const InstitutionRejectLinkRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionRejectLinkRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectLinkRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<InstitutionRejectLinkRequestMutation, InstitutionRejectLinkRequestMutationVariables>;
export const InstitutionSdkConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstitutionSdkConfig"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostAppId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sdkConfigOverride"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostAppId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostAppId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostAppId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstitutionSdkSettingsFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"effectiveSdkConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostAppId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostAppId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostAppId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"globalVersion"}},{"kind":"Field","name":{"kind":"Name","value":"overrideVersion"}},{"kind":"Field","name":{"kind":"Name","value":"etag"}},{"kind":"Field","name":{"kind":"Name","value":"config"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packageDownloadTimeoutMs"}},{"kind":"Field","name":{"kind":"Name","value":"maxCachedApplets"}},{"kind":"Field","name":{"kind":"Name","value":"enableDebug"}},{"kind":"Field","name":{"kind":"Name","value":"logLevel"}},{"kind":"Field","name":{"kind":"Name","value":"reportIntervalSec"}},{"kind":"Field","name":{"kind":"Name","value":"allowedApiList"}},{"kind":"Field","name":{"kind":"Name","value":"blockedApiList"}},{"kind":"Field","name":{"kind":"Name","value":"extra"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstitutionSdkSettingsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SdkConfigSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packageDownloadTimeoutMs"}},{"kind":"Field","name":{"kind":"Name","value":"maxCachedApplets"}},{"kind":"Field","name":{"kind":"Name","value":"enableDebug"}},{"kind":"Field","name":{"kind":"Name","value":"logLevel"}},{"kind":"Field","name":{"kind":"Name","value":"reportIntervalSec"}},{"kind":"Field","name":{"kind":"Name","value":"allowedApiList"}},{"kind":"Field","name":{"kind":"Name","value":"blockedApiList"}},{"kind":"Field","name":{"kind":"Name","value":"extra"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<InstitutionSdkConfigQuery, InstitutionSdkConfigQueryVariables>;
export const InstitutionSetSdkConfigOverrideDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionSetSdkConfigOverride"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostAppId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SdkConfigInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setSdkConfigOverride"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostAppId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostAppId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostAppId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<InstitutionSetSdkConfigOverrideMutation, InstitutionSetSdkConfigOverrideMutationVariables>;
export const InstitutionClearSdkConfigOverrideDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstitutionClearSdkConfigOverride"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostAppId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearSdkConfigOverride"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostAppId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostAppId"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostAppId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<InstitutionClearSdkConfigOverrideMutation, InstitutionClearSdkConfigOverrideMutationVariables>;
export const InstitutionReleasePlanStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstitutionReleasePlanStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"planId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dimension"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrayStatisticsDimension"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releasePlanStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"planId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"planId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planId"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayComparisonFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"releasePlanStatisticsBreakdown"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"planId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"planId"}}},{"kind":"Argument","name":{"kind":"Name","value":"dimension"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dimension"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planId"}},{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"comparison"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayComparisonFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrayCohortFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GrayCohortMetrics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"devicesExposed"}},{"kind":"Field","name":{"kind":"Name","value":"activeUsers"}},{"kind":"Field","name":{"kind":"Name","value":"launches"}},{"kind":"Field","name":{"kind":"Name","value":"pageViews"}},{"kind":"Field","name":{"kind":"Name","value":"jsErrors"}},{"kind":"Field","name":{"kind":"Name","value":"crashes"}},{"kind":"Field","name":{"kind":"Name","value":"totalStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"averageStayMs"}},{"kind":"Field","name":{"kind":"Name","value":"errorRate"}},{"kind":"Field","name":{"kind":"Name","value":"crashRate"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrayComparisonFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GrayComparison"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gray"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayCohortFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"released"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrayCohortFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errorRateDelta"}},{"kind":"Field","name":{"kind":"Name","value":"crashRateDelta"}},{"kind":"Field","name":{"kind":"Name","value":"averageStayMsDelta"}}]}}]} as unknown as DocumentNode<InstitutionReleasePlanStatisticsQuery, InstitutionReleasePlanStatisticsQueryVariables>;
export const ConsoleLicenseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleLicense"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"license"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleLicenseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleLicenseLimitFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LicenseLimit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleLicenseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"License"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"licenseId"}},{"kind":"Field","name":{"kind":"Name","value":"licensee"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"installedAt"}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleLicenseLimitFields"}}]}}]}}]} as unknown as DocumentNode<ConsoleLicenseQuery, ConsoleLicenseQueryVariables>;
export const ConsoleLicenseHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleLicenseHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"skip"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"licenseHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"skip"},"value":{"kind":"Variable","name":{"kind":"Name","value":"skip"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"licenseId"}},{"kind":"Field","name":{"kind":"Name","value":"licensee"}},{"kind":"Field","name":{"kind":"Name","value":"installedAt"}},{"kind":"Field","name":{"kind":"Name","value":"installedBy"}},{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleLicenseHistoryQuery, ConsoleLicenseHistoryQueryVariables>;
export const ConsoleInstallLicenseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleInstallLicense"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"document"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installLicense"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"document"},"value":{"kind":"Variable","name":{"kind":"Name","value":"document"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleLicenseFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleLicenseLimitFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LicenseLimit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleLicenseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"License"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"licenseId"}},{"kind":"Field","name":{"kind":"Name","value":"licensee"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"installedAt"}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleLicenseLimitFields"}}]}}]}}]} as unknown as DocumentNode<ConsoleInstallLicenseMutation, ConsoleInstallLicenseMutationVariables>;
export const OpPlatformWhitelistDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpPlatformWhitelist"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WhitelistDomainOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"whitelistDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"addedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}}]}}]} as unknown as DocumentNode<OpPlatformWhitelistQuery, OpPlatformWhitelistQueryVariables>;
export const OpPlatformAddWhitelistDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpPlatformAddWhitelist"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"domain"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addWhitelistDomain"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"domain"},"value":{"kind":"Variable","name":{"kind":"Name","value":"domain"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<OpPlatformAddWhitelistMutation, OpPlatformAddWhitelistMutationVariables>;
export const OpPlatformRemoveWhitelistDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpPlatformRemoveWhitelist"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"domain"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeWhitelistDomain"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"domain"},"value":{"kind":"Variable","name":{"kind":"Name","value":"domain"}}}]}]}}]} as unknown as DocumentNode<OpPlatformRemoveWhitelistMutation, OpPlatformRemoveWhitelistMutationVariables>;
export const OpPlatformBaseLibrariesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpPlatformBaseLibraries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"skip"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platform"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SdkPlatform"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PlatformReleaseOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"baseLibrariesTotal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"enabled"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}}},{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platform"}}}]},{"kind":"Field","name":{"kind":"Name","value":"baseLibraries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"skip"},"value":{"kind":"Variable","name":{"kind":"Name","value":"skip"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}},{"kind":"Argument","name":{"kind":"Name","value":"enabled"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}}},{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platform"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"platforms"}},{"kind":"Field","name":{"kind":"Name","value":"minSdkVersion"}},{"kind":"Field","name":{"kind":"Name","value":"releaseNotes"}},{"kind":"Field","name":{"kind":"Name","value":"packageSize"}},{"kind":"Field","name":{"kind":"Name","value":"packageFiles"}},{"kind":"Field","name":{"kind":"Name","value":"packageSha256"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<OpPlatformBaseLibrariesQuery, OpPlatformBaseLibrariesQueryVariables>;
export const OpPlatformEnableBaseLibraryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpPlatformEnableBaseLibrary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enableBaseLibrary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]} as unknown as DocumentNode<OpPlatformEnableBaseLibraryMutation, OpPlatformEnableBaseLibraryMutationVariables>;
export const OpPlatformDisableBaseLibraryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpPlatformDisableBaseLibrary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableBaseLibrary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]} as unknown as DocumentNode<OpPlatformDisableBaseLibraryMutation, OpPlatformDisableBaseLibraryMutationVariables>;
export const OpPlatformSdkVersionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpPlatformSdkVersions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"skip"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"platform"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SdkPlatform"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PlatformReleaseOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sdkVersionsTotal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"enabled"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}}},{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platform"}}}]},{"kind":"Field","name":{"kind":"Name","value":"sdkVersions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"skip"},"value":{"kind":"Variable","name":{"kind":"Name","value":"skip"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}},{"kind":"Argument","name":{"kind":"Name","value":"enabled"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}}},{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"Variable","name":{"kind":"Name","value":"platform"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"releaseNotes"}},{"kind":"Field","name":{"kind":"Name","value":"artifactSize"}},{"kind":"Field","name":{"kind":"Name","value":"artifactSha256"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<OpPlatformSdkVersionsQuery, OpPlatformSdkVersionsQueryVariables>;
export const OpPlatformEnableSdkVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpPlatformEnableSdkVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enableSdkVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]} as unknown as DocumentNode<OpPlatformEnableSdkVersionMutation, OpPlatformEnableSdkVersionMutationVariables>;
export const OpPlatformDisableSdkVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpPlatformDisableSdkVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableSdkVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]} as unknown as DocumentNode<OpPlatformDisableSdkVersionMutation, OpPlatformDisableSdkVersionMutationVariables>;
export const OpPlatformSdkGlobalConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpPlatformSdkGlobalConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sdkGlobalConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"etag"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"config"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OpPlatformSdkConfigFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OpPlatformSdkConfigFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SdkConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packageDownloadTimeoutMs"}},{"kind":"Field","name":{"kind":"Name","value":"maxCachedApplets"}},{"kind":"Field","name":{"kind":"Name","value":"enableDebug"}},{"kind":"Field","name":{"kind":"Name","value":"logLevel"}},{"kind":"Field","name":{"kind":"Name","value":"reportIntervalSec"}},{"kind":"Field","name":{"kind":"Name","value":"allowedApiList"}},{"kind":"Field","name":{"kind":"Name","value":"blockedApiList"}},{"kind":"Field","name":{"kind":"Name","value":"extra"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<OpPlatformSdkGlobalConfigQuery, OpPlatformSdkGlobalConfigQueryVariables>;
export const OpPlatformSdkConfigHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpPlatformSdkConfigHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sdkConfigHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"etag"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packageDownloadTimeoutMs"}},{"kind":"Field","name":{"kind":"Name","value":"maxCachedApplets"}},{"kind":"Field","name":{"kind":"Name","value":"enableDebug"}},{"kind":"Field","name":{"kind":"Name","value":"logLevel"}},{"kind":"Field","name":{"kind":"Name","value":"reportIntervalSec"}},{"kind":"Field","name":{"kind":"Name","value":"allowedApiList"}},{"kind":"Field","name":{"kind":"Name","value":"blockedApiList"}},{"kind":"Field","name":{"kind":"Name","value":"extra"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OpPlatformSdkConfigHistoryQuery, OpPlatformSdkConfigHistoryQueryVariables>;
export const OpPlatformUpdateSdkGlobalConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpPlatformUpdateSdkGlobalConfig"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SdkConfigInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSdkGlobalConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"etag"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"config"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OpPlatformSdkConfigFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OpPlatformSdkConfigFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SdkConfig"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packageDownloadTimeoutMs"}},{"kind":"Field","name":{"kind":"Name","value":"maxCachedApplets"}},{"kind":"Field","name":{"kind":"Name","value":"enableDebug"}},{"kind":"Field","name":{"kind":"Name","value":"logLevel"}},{"kind":"Field","name":{"kind":"Name","value":"reportIntervalSec"}},{"kind":"Field","name":{"kind":"Name","value":"allowedApiList"}},{"kind":"Field","name":{"kind":"Name","value":"blockedApiList"}},{"kind":"Field","name":{"kind":"Name","value":"extra"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<OpPlatformUpdateSdkGlobalConfigMutation, OpPlatformUpdateSdkGlobalConfigMutationVariables>;
export const OpPlatformPendingSdkBuildsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpPlatformPendingSdkBuilds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SdkBuildOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"skip"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pendingSdkBuildReviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"skip"},"value":{"kind":"Variable","name":{"kind":"Name","value":"skip"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orgId"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"artifactSize"}},{"kind":"Field","name":{"kind":"Name","value":"artifactSha256"}},{"kind":"Field","name":{"kind":"Name","value":"submittedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<OpPlatformPendingSdkBuildsQuery, OpPlatformPendingSdkBuildsQueryVariables>;
export const OpPlatformSdkBuildDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpPlatformSdkBuild"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sdkBuild"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orgId"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"artifactKey"}},{"kind":"Field","name":{"kind":"Name","value":"artifactSize"}},{"kind":"Field","name":{"kind":"Name","value":"artifactSha256"}},{"kind":"Field","name":{"kind":"Name","value":"submittedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]}}]} as unknown as DocumentNode<OpPlatformSdkBuildQuery, OpPlatformSdkBuildQueryVariables>;
export const OpPlatformSdkBuildFilesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpPlatformSdkBuildFiles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"skip"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sdkBuild"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"files"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"skip"},"value":{"kind":"Variable","name":{"kind":"Name","value":"skip"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OpPlatformSdkBuildFilesQuery, OpPlatformSdkBuildFilesQueryVariables>;
export const OpPlatformApproveSdkBuildDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpPlatformApproveSdkBuild"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveSdkBuild"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<OpPlatformApproveSdkBuildMutation, OpPlatformApproveSdkBuildMutationVariables>;
export const OpPlatformRejectSdkBuildDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpPlatformRejectSdkBuild"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectSdkBuild"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}}]}}]}}]} as unknown as DocumentNode<OpPlatformRejectSdkBuildMutation, OpPlatformRejectSdkBuildMutationVariables>;
export const OpPlatformOperatorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpPlatformOperators"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OperatorOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"operatorRoles"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"lastLoginAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}}]}}]} as unknown as DocumentNode<OpPlatformOperatorsQuery, OpPlatformOperatorsQueryVariables>;
export const OpPlatformCreateOperatorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpPlatformCreateOperator"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOperatorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOperator"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"initialPassword"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"operatorRoles"}}]}}]}}]}}]} as unknown as DocumentNode<OpPlatformCreateOperatorMutation, OpPlatformCreateOperatorMutationVariables>;
export const OpPlatformDisableOperatorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpPlatformDisableOperator"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableOperator"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}}]}}]}}]} as unknown as DocumentNode<OpPlatformDisableOperatorMutation, OpPlatformDisableOperatorMutationVariables>;
export const OpPlatformChangeOperatorRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpPlatformChangeOperatorRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OperatorRole"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeOperatorRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"operatorRoles"}}]}}]}}]} as unknown as DocumentNode<OpPlatformChangeOperatorRoleMutation, OpPlatformChangeOperatorRoleMutationVariables>;
export const OpPlatformEnableOperatorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpPlatformEnableOperator"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enableOperator"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}}]}}]}}]} as unknown as DocumentNode<OpPlatformEnableOperatorMutation, OpPlatformEnableOperatorMutationVariables>;
export const ConsoleOperatorOrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOperatorOrganizations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"frozen"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"skip"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"frozen"},"value":{"kind":"Variable","name":{"kind":"Name","value":"frozen"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"skip"},"value":{"kind":"Variable","name":{"kind":"Name","value":"skip"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"frozen"}},{"kind":"Field","name":{"kind":"Name","value":"frozenReason"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"contactName"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleOperatorOrganizationsQuery, ConsoleOperatorOrganizationsQueryVariables>;
export const ConsoleFreezeOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleFreezeOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"freezeOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"frozen"}},{"kind":"Field","name":{"kind":"Name","value":"frozenReason"}}]}}]}}]} as unknown as DocumentNode<ConsoleFreezeOrganizationMutation, ConsoleFreezeOrganizationMutationVariables>;
export const ConsoleUnfreezeOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleUnfreezeOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unfreezeOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"frozen"}},{"kind":"Field","name":{"kind":"Name","value":"frozenReason"}}]}}]}}]} as unknown as DocumentNode<ConsoleUnfreezeOrganizationMutation, ConsoleUnfreezeOrganizationMutationVariables>;
export const ConsoleOperatorMiniProgramsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOperatorMiniPrograms"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MiniProgramStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MiniProgramOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"skip"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniPrograms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"skip"},"value":{"kind":"Variable","name":{"kind":"Name","value":"skip"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"frozenReason"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleOperatorMiniProgramsQuery, ConsoleOperatorMiniProgramsQueryVariables>;
export const ConsoleFreezeMiniProgramDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleFreezeMiniProgram"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"freezeMiniProgram"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"frozenReason"}}]}}]}}]} as unknown as DocumentNode<ConsoleFreezeMiniProgramMutation, ConsoleFreezeMiniProgramMutationVariables>;
export const ConsoleUnfreezeMiniProgramDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleUnfreezeMiniProgram"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unfreezeMiniProgram"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"frozenReason"}}]}}]}}]} as unknown as DocumentNode<ConsoleUnfreezeMiniProgramMutation, ConsoleUnfreezeMiniProgramMutationVariables>;
export const ConsoleStatisticsMiniProgramDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleStatisticsMiniProgram"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgram"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsoleStatisticsMiniProgramQuery, ConsoleStatisticsMiniProgramQueryVariables>;
export const ConsoleMyOrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleMyOrganizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myOrganizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"frozen"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"contactName"}},{"kind":"Field","name":{"kind":"Name","value":"contactPhone"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleMyOrganizationsQuery, ConsoleMyOrganizationsQueryVariables>;
export const ConsoleOrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOrganizations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"skip"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"skip"},"value":{"kind":"Variable","name":{"kind":"Name","value":"skip"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"frozen"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"contactName"}},{"kind":"Field","name":{"kind":"Name","value":"contactPhone"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleOrganizationsQuery, ConsoleOrganizationsQueryVariables>;
export const ConsoleMiniProgramsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleMiniPrograms"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MiniProgramStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MiniProgramOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"skip"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniPrograms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgId"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"skip"},"value":{"kind":"Variable","name":{"kind":"Name","value":"skip"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleMiniProgramsQuery, ConsoleMiniProgramsQueryVariables>;
export const ConsoleMiniProgramDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleMiniProgram"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MiniProgramVersionOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"skip"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgram"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"orgId"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"skip"},"value":{"kind":"Variable","name":{"kind":"Name","value":"skip"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleVersionFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleVersionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MiniProgramVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"versionName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"packageSize"}},{"kind":"Field","name":{"kind":"Name","value":"packageFiles"}},{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"grayPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"releasePlanId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<ConsoleMiniProgramQuery, ConsoleMiniProgramQueryVariables>;
export const ConsoleWithdrawVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleWithdrawVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawVersionReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ConsoleWithdrawVersionMutation, ConsoleWithdrawVersionMutationVariables>;
export const ConsolePendingReviewsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsolePendingReviews"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VersionReviewOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"skip"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pendingReviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"skip"},"value":{"kind":"Variable","name":{"kind":"Name","value":"skip"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleVersionFields"}},{"kind":"Field","name":{"kind":"Name","value":"miniProgram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleVersionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MiniProgramVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"versionName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"packageSize"}},{"kind":"Field","name":{"kind":"Name","value":"packageFiles"}},{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionReason"}},{"kind":"Field","name":{"kind":"Name","value":"grayPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"releasePlanId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<ConsolePendingReviewsQuery, ConsolePendingReviewsQueryVariables>;
export const ConsoleVersionPackageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleVersionPackage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"miniProgramVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"manifest"}},{"kind":"Field","name":{"kind":"Name","value":"packageFileList"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleVersionPackageQuery, ConsoleVersionPackageQueryVariables>;
export const ConsoleRejectVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRejectVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ConsoleRejectVersionMutation, ConsoleRejectVersionMutationVariables>;
export const ConsoleReleasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleReleases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReleasePlanOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grayRules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}}]}},{"kind":"Field","name":{"kind":"Name","value":"releasePlans"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"grayVersionId"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleReleasesQuery, ConsoleReleasesQueryVariables>;
export const ConsoleRaiseReleasePercentageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRaiseReleasePercentage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"percentage"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"raiseReleasePlanPercentage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"percentage"},"value":{"kind":"Variable","name":{"kind":"Name","value":"percentage"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}}]}}]}}]} as unknown as DocumentNode<ConsoleRaiseReleasePercentageMutation, ConsoleRaiseReleasePercentageMutationVariables>;
export const ConsoleRevertReleasePlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRevertReleasePlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revertReleasePlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<ConsoleRevertReleasePlanMutation, ConsoleRevertReleasePlanMutationVariables>;
export const CreateMiniProgramDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateMiniProgram"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateMiniProgramInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createMiniProgram"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CreateMiniProgramMutation, CreateMiniProgramMutationVariables>;
export const MiniProgramVersionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MiniProgramVersions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"versions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"versionName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"grayPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"releasePlanId"}}]}}]}}]} as unknown as DocumentNode<MiniProgramVersionsQuery, MiniProgramVersionsQueryVariables>;
export const SubmitVersionForReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitVersionForReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitVersionForReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SubmitVersionForReviewMutation, SubmitVersionForReviewMutationVariables>;
export const ApproveVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ApproveVersionMutation, ApproveVersionMutationVariables>;
export const PublishVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<PublishVersionMutation, PublishVersionMutationVariables>;
export const StartGrayReleaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartGrayRelease"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"GrayReleaseInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startGrayRelease"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<StartGrayReleaseMutation, StartGrayReleaseMutationVariables>;
export const DelistVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DelistVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delistVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DelistVersionMutation, DelistVersionMutationVariables>;
export const DeleteVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteVersionMutation, DeleteVersionMutationVariables>;
export const DeleteMiniProgramDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteMiniProgram"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteMiniProgram"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}}]}]}}]} as unknown as DocumentNode<DeleteMiniProgramMutation, DeleteMiniProgramMutationVariables>;
export const DisableHostAppDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisableHostApp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableHostApp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]} as unknown as DocumentNode<DisableHostAppMutation, DisableHostAppMutationVariables>;
export const DeleteHostAppDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteHostApp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteHostApp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteHostAppMutation, DeleteHostAppMutationVariables>;
export const CreateHostAppDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateHostApp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateHostAppInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createHostApp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sdkKey"}},{"kind":"Field","name":{"kind":"Name","value":"sdkSecret"}},{"kind":"Field","name":{"kind":"Name","value":"hostApp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]}}]} as unknown as DocumentNode<CreateHostAppMutation, CreateHostAppMutationVariables>;
export const LinkMiniProgramDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LinkMiniProgram"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostAppId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linkMiniProgram"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostAppId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostAppId"}}},{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<LinkMiniProgramMutation, LinkMiniProgramMutationVariables>;
export const CreateGrayRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateGrayRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGrayRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGrayRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}}]}}]}}]} as unknown as DocumentNode<CreateGrayRuleMutation, CreateGrayRuleMutationVariables>;
export const StartReleasePlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartReleasePlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartReleasePlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startReleasePlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}}]}}]}}]} as unknown as DocumentNode<StartReleasePlanMutation, StartReleasePlanMutationVariables>;
export const CompleteReleasePlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteReleasePlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeReleasePlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<CompleteReleasePlanMutation, CompleteReleasePlanMutationVariables>;
export const ReleasePlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReleasePlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releasePlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"grayVersionId"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}}]}}]}}]} as unknown as DocumentNode<ReleasePlanQuery, ReleasePlanQueryVariables>;
export const LicenseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"License"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"license"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"licenseId"}},{"kind":"Field","name":{"kind":"Name","value":"licensee"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"used"}}]}}]}}]}}]} as unknown as DocumentNode<LicenseQuery, LicenseQueryVariables>;
export const InstallLicenseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InstallLicense"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"document"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installLicense"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"document"},"value":{"kind":"Variable","name":{"kind":"Name","value":"document"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"licenseId"}},{"kind":"Field","name":{"kind":"Name","value":"licensee"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<InstallLicenseMutation, InstallLicenseMutationVariables>;
export const MeAndLicenseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MeAndLicense"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"license"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"licenseId"}}]}}]}}]} as unknown as DocumentNode<MeAndLicenseQuery, MeAndLicenseQueryVariables>;
export const OperationLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OperationLogFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operationLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"subgraph"}},{"kind":"Field","name":{"kind":"Name","value":"actorKind"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"targetType"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"changes"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"clientIp"}},{"kind":"Field","name":{"kind":"Name","value":"atomic"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<OperationLogQuery, OperationLogQueryVariables>;
export const OperationLogCsvDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationLogCsv"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OperationLogFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rows"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operationLogCsv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"rows"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rows"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"csv"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<OperationLogCsvQuery, OperationLogCsvQueryVariables>;
export const SetServiceDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetServiceDomains"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceDomainKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"domains"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setServiceDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"domains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"domains"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"request"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<SetServiceDomainsMutation, SetServiceDomainsMutationVariables>;
export const SetSdkConfigOverrideDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetSdkConfigOverride"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostAppId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SdkConfigInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setSdkConfigOverride"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hostAppId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostAppId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostAppId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<SetSdkConfigOverrideMutation, SetSdkConfigOverrideMutationVariables>;
export const SearchMiniProgramsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchMiniPrograms"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SearchMiniProgramsFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchMiniPrograms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"highlights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"keywords"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"miniProgram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"facets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchMiniProgramsQuery, SearchMiniProgramsQueryVariables>;
export const UpdateMiniProgramSearchSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateMiniProgramSearchSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MiniProgramSearchSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMiniProgramSearchSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"appId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"searchAliases"}},{"kind":"Field","name":{"kind":"Name","value":"searchable"}},{"kind":"Field","name":{"kind":"Name","value":"searchablePages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateMiniProgramSearchSettingsMutation, UpdateMiniProgramSearchSettingsMutationVariables>;
export const SearchHotWordsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchHotWords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchHotWords"}}]}}]} as unknown as DocumentNode<SearchHotWordsQuery, SearchHotWordsQueryVariables>;
export const SetSearchHotWordsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetSearchHotWords"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"words"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setSearchHotWords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"words"},"value":{"kind":"Variable","name":{"kind":"Name","value":"words"}}}]}]}}]} as unknown as DocumentNode<SetSearchHotWordsMutation, SetSearchHotWordsMutationVariables>;
export const RebuildSearchIndexDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RebuildSearchIndex"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rebuildSearchIndex"}}]}}]} as unknown as DocumentNode<RebuildSearchIndexMutation, RebuildSearchIndexMutationVariables>;
export const SetSearchSynonymsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetSearchSynonyms"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groups"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SearchSynonymGroupInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setSearchSynonyms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groups"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groups"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"terms"}}]}}]}}]} as unknown as DocumentNode<SetSearchSynonymsMutation, SetSearchSynonymsMutationVariables>;
export const SearchStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"take"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"take"},"value":{"kind":"Variable","name":{"kind":"Name","value":"take"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"searches"}},{"kind":"Field","name":{"kind":"Name","value":"noResultSearches"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"clickThroughRate"}},{"kind":"Field","name":{"kind":"Name","value":"topQueries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"query"}},{"kind":"Field","name":{"kind":"Name","value":"searches"}},{"kind":"Field","name":{"kind":"Name","value":"noResult"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}}]}},{"kind":"Field","name":{"kind":"Name","value":"noResultQueries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"query"}},{"kind":"Field","name":{"kind":"Name","value":"searches"}}]}}]}}]}}]} as unknown as DocumentNode<SearchStatisticsQuery, SearchStatisticsQueryVariables>;
export const SearchSynonymsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchSynonyms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchSynonyms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"terms"}}]}}]}}]} as unknown as DocumentNode<SearchSynonymsQuery, SearchSynonymsQueryVariables>;