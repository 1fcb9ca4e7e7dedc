import { BadUserInputError, type Principal } from '@grove/platform';
import type { BaseLibraryService } from '../service/base-library.service';
import type { SdkBuildService } from '../service/sdk-build.service';
import type { SdkVersionService } from '../service/sdk-version.service';
import type { BaseLibraryView, SdkBuildView, SdkVersionView } from '../store/views';

/** What the HTTP layer passes along with the raw body: the content type and the query string, already read. */
export interface SdkUploadRequest {
  contentType?: string;
  /** Query parameters; a parameter given several times arrives comma-joined. */
  query: Record<string, string | undefined>;
}

export interface SdkUploadResponse<T> {
  statusCode: 201;
  body: T;
}

/** One raw-body upload endpoint; the router (and the standalone server) mount these as they are. */
export interface SdkUploadRoute {
  method: 'POST';
  /** Fixed path (no parameters): everything else is in the query string. */
  path: string;
  /** Accepted request content types (without parameters). */
  contentTypes: readonly string[];
  /** Largest accepted body; mount with at least this body limit. */
  bodyLimit: number;
  handle(principal: Principal, body: Buffer, request: SdkUploadRequest): Promise<SdkUploadResponse<unknown>>;
}

// The paths and content types are a contract with the router, which forwards these routes in distributed mode.
import {
  BASE_LIBRARY_UPLOAD_PATH,
  SDK_BUILD_UPLOAD_PATH,
  SDK_VERSION_UPLOAD_PATH,
  ZIP_CONTENT_TYPES,
} from '@grove/contracts';
export { BASE_LIBRARY_UPLOAD_PATH, SDK_BUILD_UPLOAD_PATH, SDK_VERSION_UPLOAD_PATH, ZIP_CONTENT_TYPES };

function requireZipContentType(request: SdkUploadRequest): void {
  const type = (request.contentType ?? '').split(';')[0].trim().toLowerCase();
  if (!(ZIP_CONTENT_TYPES as readonly string[]).includes(type)) {
    throw new BadUserInputError(`Send the raw bytes with Content-Type ${ZIP_CONTENT_TYPES.join(', ')}`, {
      reason: 'UNSUPPORTED_MEDIA_TYPE',
      contentType: type || null,
    });
  }
}

export interface SdkUploadHandlers {
  /** `POST /uploads/base-libraries?version=&minSdkVersion=&platform=IOS,ANDROID&releaseNotes=` (platform:configure). */
  handleBaseLibraryUpload(
    principal: Principal,
    body: Buffer,
    request: SdkUploadRequest,
  ): Promise<SdkUploadResponse<BaseLibraryView>>;
  /** `POST /uploads/sdk-versions?platform=&version=&releaseNotes=` (platform:configure). */
  handleSdkVersionUpload(
    principal: Principal,
    body: Buffer,
    request: SdkUploadRequest,
  ): Promise<SdkUploadResponse<SdkVersionView>>;
  /** `POST /uploads/sdk-builds?orgId=&platform=&version=&notes=` (hostapp:manage in orgId): stores and submits for review. */
  handleSdkBuildUpload(
    principal: Principal,
    body: Buffer,
    request: SdkUploadRequest,
  ): Promise<SdkUploadResponse<SdkBuildView>>;
  routes: SdkUploadRoute[];
}

/** HTTP-agnostic upload endpoints; errors are PlatformErrors that the mounting server maps to status codes. */
export function createSdkUploadHandlers(
  services: { baseLibraries: BaseLibraryService; sdkVersions: SdkVersionService; sdkBuilds: SdkBuildService },
  limits: { maxBaseLibraryBytes: number; maxSdkArtifactBytes: number },
): SdkUploadHandlers {
  const handleBaseLibraryUpload = async (principal: Principal, body: Buffer, request: SdkUploadRequest) => {
    requireZipContentType(request);
    const { version, minSdkVersion, platform, releaseNotes } = request.query;
    const library = await services.baseLibraries.upload(principal, {
      version,
      minSdkVersion,
      platforms: platform,
      releaseNotes,
      zip: body,
    });
    return { statusCode: 201 as const, body: library };
  };
  const handleSdkVersionUpload = async (principal: Principal, body: Buffer, request: SdkUploadRequest) => {
    requireZipContentType(request);
    const { platform, version, releaseNotes } = request.query;
    return {
      statusCode: 201 as const,
      body: await services.sdkVersions.upload(principal, { platform, version, releaseNotes, zip: body }),
    };
  };
  const handleSdkBuildUpload = async (principal: Principal, body: Buffer, request: SdkUploadRequest) => {
    requireZipContentType(request);
    const { orgId, platform, version, notes } = request.query;
    return {
      statusCode: 201 as const,
      body: await services.sdkBuilds.upload(principal, { orgId, platform, version, notes, zip: body }),
    };
  };
  return {
    handleBaseLibraryUpload,
    handleSdkVersionUpload,
    handleSdkBuildUpload,
    routes: [
      {
        method: 'POST',
        path: BASE_LIBRARY_UPLOAD_PATH,
        contentTypes: ZIP_CONTENT_TYPES,
        bodyLimit: limits.maxBaseLibraryBytes,
        handle: handleBaseLibraryUpload,
      },
      {
        method: 'POST',
        path: SDK_VERSION_UPLOAD_PATH,
        contentTypes: ZIP_CONTENT_TYPES,
        bodyLimit: limits.maxSdkArtifactBytes,
        handle: handleSdkVersionUpload,
      },
      {
        method: 'POST',
        path: SDK_BUILD_UPLOAD_PATH,
        contentTypes: ZIP_CONTENT_TYPES,
        bodyLimit: limits.maxSdkArtifactBytes,
        handle: handleSdkBuildUpload,
      },
    ],
  };
}
