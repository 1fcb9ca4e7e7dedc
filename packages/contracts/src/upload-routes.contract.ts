import { z } from 'zod';

/**
 * The raw-body upload routes of app-manage and sdk, and their size limits: the owning service serves them, the router
 * forwards them in distributed mode (checking the same limits first), so both read them from here and the router loads
 * neither subgraph.
 */
export const PACKAGE_UPLOAD_PATH = '/uploads/mini-programs/:appId/versions';
export const LOGO_UPLOAD_PATH = '/uploads/mini-programs/:appId/logo';
export const PACKAGE_CONTENT_TYPES = [
  'application/zip',
  'application/x-zip-compressed',
  'application/octet-stream',
] as const;
export const LOGO_CONTENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'application/octet-stream',
] as const;

export const BASE_LIBRARY_UPLOAD_PATH = '/uploads/base-libraries';
export const SDK_VERSION_UPLOAD_PATH = '/uploads/sdk-versions';
export const SDK_BUILD_UPLOAD_PATH = '/uploads/sdk-builds';
export const ZIP_CONTENT_TYPES = [
  'application/zip',
  'application/x-zip-compressed',
  'application/octet-stream',
] as const;

export const DEFAULT_MAX_PACKAGE_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_LOGO_BYTES = 1024 * 1024;
export const DEFAULT_MAX_BASE_LIBRARY_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_SDK_ARTIFACT_BYTES = 200 * 1024 * 1024;

/** Size limits of the upload routes: same names in app-manage, sdk and the router, so one env file sets both ends. */
export const uploadLimitsEnvShape = {
  MINI_PROGRAM_PACKAGE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(DEFAULT_MAX_PACKAGE_BYTES),
  MINI_PROGRAM_LOGO_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(20 * 1024 * 1024)
    .default(DEFAULT_MAX_LOGO_BYTES),
  BASE_LIBRARY_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(DEFAULT_MAX_BASE_LIBRARY_BYTES),
  /** SDK release artifacts and SDK builds submitted for review. */
  SDK_ARTIFACT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(2 * 1024 * 1024 * 1024)
    .default(DEFAULT_MAX_SDK_ARTIFACT_BYTES),
};
