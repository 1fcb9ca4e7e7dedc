import { BadUserInputError, type Principal } from '@grove/platform';
import type { MiniProgramService } from '../service/mini-program.service';
import type { VersionService } from '../service/version.service';
import type { MiniProgramView, VersionView } from '../store/views';

/** What the HTTP layer passes along with the raw body (query string and headers, already read). */
export interface UploadMeta {
  contentType?: string;
  versionName?: string | null;
  releaseNotes?: string | null;
}

export interface UploadResponse<T> {
  statusCode: 201 | 200;
  body: T;
}

/** One raw-body upload endpoint; the router (and the standalone server) mount these as they are. */
export interface UploadRoute {
  method: 'POST';
  /** Fastify/find-my-way style path with an `:appId` parameter. */
  path: string;
  /** Accepted request content types (without parameters). */
  contentTypes: readonly string[];
  /** Largest accepted body; mount with at least this body limit. */
  bodyLimit: number;
  handle(
    principal: Principal,
    appId: string,
    body: Buffer,
    meta: UploadMeta,
  ): Promise<UploadResponse<unknown>>;
}

// The paths and content types are a contract with the router, which forwards these routes in distributed mode.
import {
  LOGO_CONTENT_TYPES,
  LOGO_UPLOAD_PATH,
  PACKAGE_CONTENT_TYPES,
  PACKAGE_UPLOAD_PATH,
} from '@grove/contracts';
export { LOGO_CONTENT_TYPES, LOGO_UPLOAD_PATH, PACKAGE_CONTENT_TYPES, PACKAGE_UPLOAD_PATH };

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

function requireContentType(meta: UploadMeta, accepted: readonly string[]): void {
  const type = mediaType(meta.contentType);
  if (!accepted.includes(type)) {
    throw new BadUserInputError(`Send the raw bytes with Content-Type ${accepted.join(', ')}`, {
      reason: 'UNSUPPORTED_MEDIA_TYPE',
      contentType: type || null,
    });
  }
}

export interface UploadHandlers {
  handlePackageUpload(
    principal: Principal,
    appId: string,
    body: Buffer,
    meta: UploadMeta,
  ): Promise<UploadResponse<VersionView>>;
  handleLogoUpload(
    principal: Principal,
    appId: string,
    body: Buffer,
    meta: UploadMeta,
  ): Promise<UploadResponse<MiniProgramView>>;
  routes: UploadRoute[];
}

/**
 * HTTP-agnostic upload endpoints: the package upload (`POST /uploads/mini-programs/:appId/versions`, raw
 * application/zip body, versionName/releaseNotes from the query string) and the logo upload. Errors are
 * PlatformErrors; the mounting server maps them to status codes.
 */
export function createUploadHandlers(
  versions: VersionService,
  apps: MiniProgramService,
  limits: { maxPackageBytes: number; maxLogoBytes: number },
): UploadHandlers {
  const handlePackageUpload = async (
    principal: Principal,
    appId: string,
    body: Buffer,
    meta: UploadMeta,
  ): Promise<UploadResponse<VersionView>> => {
    requireContentType(meta, PACKAGE_CONTENT_TYPES);
    const version = await versions.upload(principal, {
      appId,
      versionName: meta.versionName,
      releaseNotes: meta.releaseNotes,
      zip: body,
    });
    return { statusCode: 201, body: version };
  };
  const handleLogoUpload = async (
    principal: Principal,
    appId: string,
    body: Buffer,
    meta: UploadMeta,
  ): Promise<UploadResponse<MiniProgramView>> => {
    requireContentType(meta, LOGO_CONTENT_TYPES);
    return { statusCode: 200, body: await apps.uploadLogo(principal, appId, body) };
  };
  return {
    handlePackageUpload,
    handleLogoUpload,
    routes: [
      {
        method: 'POST',
        path: PACKAGE_UPLOAD_PATH,
        contentTypes: PACKAGE_CONTENT_TYPES,
        bodyLimit: limits.maxPackageBytes,
        handle: handlePackageUpload,
      },
      {
        method: 'POST',
        path: LOGO_UPLOAD_PATH,
        contentTypes: LOGO_CONTENT_TYPES,
        bodyLimit: limits.maxLogoBytes,
        handle: handleLogoUpload,
      },
    ],
  };
}
