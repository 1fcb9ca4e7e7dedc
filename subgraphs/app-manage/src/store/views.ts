import type { HostAppModel } from './host-app.model';
import type { LinkModel, LinkStatus } from './link.model';
import type { MiniProgramModel, MiniProgramStatus } from './mini-program.model';
import type { PackageFormat, VersionModel, VersionStatus } from './version.model';

/** What stores hand to services and resolvers: ids as `id`, never slots or secret ciphertext. */
export interface MiniProgramView {
  id: string;
  /** Set on list items: the position in the order the list was read in. */
  cursor?: string;
  appId: string;
  orgId: string;
  name: string;
  description?: string;
  category?: string;
  tags: string[];
  searchAliases: string[];
  searchablePages: SearchablePageView[];
  /** "Can be found by search" (on unless the owner switched it off). */
  searchable: boolean;
  logoKey?: string;
  status: MiniProgramStatus;
  frozenReason?: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface SearchablePageView {
  path: string;
  title: string;
  text: string;
}

export interface VersionView {
  id: string;
  /** Set on list items: the position in the order the list was read in. */
  cursor?: string;
  appId: string;
  orgId: string;
  versionName: string;
  versionCode?: number;
  releaseNotes?: string;
  status: VersionStatus;
  packageKey: string;
  packageSha256: string;
  packageSize: number;
  packageFormat: PackageFormat;
  packageFiles: number;
  packageUncompressedBytes: number;
  pages: string[];
  minPlatformCode?: number;
  uploadedBy: string;
  submittedBy?: string;
  submittedAt?: Date;
  reviewedBy?: string;
  reviewedAt?: Date;
  rejectionReason?: string;
  publishedAt?: Date;
  publishedBy?: string;
  previousPublishedVersionId?: string;
  grayPercentage?: number;
  releasePlanId?: string;
  grayRuleId?: string;
  grayStartedAt?: Date;
  delistedAt?: Date;
  delistReason?: string;
  forcedDelist?: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface HostAppView {
  id: string;
  orgId: string;
  name: string;
  iosBundleIds: string[];
  androidPackageNames: string[];
  harmonyBundleNames: string[];
  sdkKey: string;
  secretHint: string;
  secretRotatedAt: Date;
  enabled: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** Set by paginated lists. */
  cursor?: string;
}

export interface LinkView {
  id: string;
  hostAppId: string;
  hostOrgId: string;
  appId: string;
  appOrgId: string;
  status: LinkStatus;
  requestedBy: string;
  decidedBy?: string;
  decidedAt?: Date;
  rejectionReason?: string;
  createdAt: Date;
  /** Set by paginated lists. */
  cursor?: string;
}

export function toMiniProgramView(doc: MiniProgramModel): MiniProgramView {
  return {
    id: doc._id,
    appId: doc._id,
    orgId: doc.orgId,
    name: doc.name,
    description: doc.description,
    category: doc.category,
    tags: [...(doc.tags ?? [])],
    searchAliases: [...(doc.searchAliases ?? [])],
    searchablePages: (doc.searchablePages ?? []).map((page) => ({
      path: page.path,
      title: page.title,
      text: page.text ?? '',
    })),
    searchable: doc.searchable !== false,
    logoKey: doc.logoKey,
    status: doc.status,
    frozenReason: doc.frozenReason,
    createdBy: doc.createdBy,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function toVersionView(doc: VersionModel): VersionView {
  return {
    id: doc._id,
    appId: doc.appId,
    orgId: doc.orgId,
    versionName: doc.versionName,
    versionCode: doc.versionCode,
    releaseNotes: doc.releaseNotes,
    status: doc.status,
    packageKey: doc.packageKey,
    packageSha256: doc.packageSha256,
    packageSize: doc.packageSize,
    packageFormat: doc.packageFormat,
    packageFiles: doc.packageFiles,
    packageUncompressedBytes: doc.packageUncompressedBytes,
    pages: [...(doc.pages ?? [])],
    minPlatformCode: doc.minPlatformCode,
    uploadedBy: doc.uploadedBy,
    submittedBy: doc.submittedBy,
    submittedAt: doc.submittedAt,
    reviewedBy: doc.reviewedBy,
    reviewedAt: doc.reviewedAt,
    rejectionReason: doc.rejectionReason,
    publishedAt: doc.publishedAt,
    publishedBy: doc.publishedBy,
    previousPublishedVersionId: doc.previousPublishedVersionId,
    grayPercentage: doc.grayPercentage,
    releasePlanId: doc.releasePlanId,
    grayRuleId: doc.grayRuleId,
    grayStartedAt: doc.grayStartedAt,
    delistedAt: doc.delistedAt,
    delistReason: doc.delistReason,
    forcedDelist: doc.forcedDelist,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function toHostAppView(doc: HostAppModel): HostAppView {
  return {
    id: doc._id,
    orgId: doc.orgId,
    name: doc.name,
    iosBundleIds: [...(doc.iosBundleIds ?? [])],
    androidPackageNames: [...(doc.androidPackageNames ?? [])],
    harmonyBundleNames: [...(doc.harmonyBundleNames ?? [])],
    sdkKey: doc.sdkKey,
    secretHint: doc.secretHint,
    secretRotatedAt: doc.secretRotatedAt,
    enabled: doc.enabled,
    createdBy: doc.createdBy,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function toLinkView(doc: LinkModel): LinkView {
  return {
    id: doc._id,
    hostAppId: doc.hostAppId,
    hostOrgId: doc.hostOrgId,
    appId: doc.appId,
    appOrgId: doc.appOrgId,
    status: doc.status,
    requestedBy: doc.requestedBy,
    decidedBy: doc.decidedBy,
    decidedAt: doc.decidedAt,
    rejectionReason: doc.rejectionReason,
    createdAt: doc.createdAt,
  };
}
