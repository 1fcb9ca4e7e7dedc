import type { BaseLibraryModel } from './base-library.model';
import type { SdkBuildReviewModel, SdkBuildStatus } from './sdk-build-review.model';
import type { SdkPlatform } from './sdk-platform';
import type { SdkVersionModel } from './sdk-version.model';

/** What stores hand to services and resolvers: ids as `id`. */
export interface BaseLibraryView {
  id: string;
  /** Set on list items: the position in the order the list was read in. */
  cursor?: string;
  version: string;
  platforms: SdkPlatform[];
  minSdkVersion: string;
  releaseNotes?: string;
  packageKey: string;
  packageSha256: string;
  packageSize: number;
  packageFiles: number;
  enabled: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface SdkVersionView {
  id: string;
  /** Set on list items: the position in the order the list was read in. */
  cursor?: string;
  platform: SdkPlatform;
  version: string;
  releaseNotes?: string;
  artifactKey: string;
  artifactSha256: string;
  artifactSize: number;
  enabled: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface SdkBuildView {
  id: string;
  /** Set on list items: the position in the order the list was read in. */
  cursor?: string;
  orgId: string;
  platform: SdkPlatform;
  version: string;
  artifactKey: string;
  artifactSha256: string;
  artifactSize: number;
  notes?: string;
  status: SdkBuildStatus;
  submittedBy: string;
  reviewedBy?: string;
  reviewedAt?: Date;
  rejectionReason?: string;
  createdAt: Date;
  updatedAt: Date;
}

export function toBaseLibraryView(doc: BaseLibraryModel): BaseLibraryView {
  return {
    id: doc._id,
    version: doc.version,
    platforms: [...(doc.platforms ?? [])] as SdkPlatform[],
    minSdkVersion: doc.minSdkVersion,
    releaseNotes: doc.releaseNotes,
    packageKey: doc.packageKey,
    packageSha256: doc.packageSha256,
    packageSize: doc.packageSize,
    packageFiles: doc.packageFiles,
    enabled: doc.enabled,
    createdBy: doc.createdBy,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function toSdkVersionView(doc: SdkVersionModel): SdkVersionView {
  return {
    id: doc._id,
    platform: doc.platform as SdkPlatform,
    version: doc.version,
    releaseNotes: doc.releaseNotes,
    artifactKey: doc.artifactKey,
    artifactSha256: doc.artifactSha256,
    artifactSize: doc.artifactSize,
    enabled: doc.enabled,
    createdBy: doc.createdBy,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function toSdkBuildView(doc: SdkBuildReviewModel): SdkBuildView {
  return {
    id: doc._id,
    orgId: doc.orgId,
    platform: doc.platform as SdkPlatform,
    version: doc.version,
    artifactKey: doc.artifactKey,
    artifactSha256: doc.artifactSha256,
    artifactSize: doc.artifactSize,
    notes: doc.notes,
    status: doc.status,
    submittedBy: doc.submittedBy,
    reviewedBy: doc.reviewedBy,
    reviewedAt: doc.reviewedAt,
    rejectionReason: doc.rejectionReason,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}
