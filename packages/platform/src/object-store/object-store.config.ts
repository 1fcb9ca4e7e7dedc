import { join } from 'node:path';
import { z } from 'zod';
import { loadOrCreateLocalSecret } from '../auth/local-secrets';
import { envBoolean } from '../config/config-loader';
import type { ObjectStoreOptions } from './create-object-store';
import { MIN_OBJECT_URL_SECRET_LENGTH } from './object-url-signing';

/** Where fs download links point when OBJECT_STORE_PUBLIC_URL is unset and no router set it from its PORT. */
export const DEFAULT_OBJECT_STORE_PUBLIC_URL = 'http://localhost:4000';

/** Environment variables for the object store; deployables that store objects add these to their schema. */
export const objectStoreEnvShape = {
  OBJECT_STORE_DRIVER: z.enum(['fs', 's3']).default('fs'),
  /** fs driver root; defaults to `<DATA_DIR>/objects`. */
  OBJECT_STORE_DIR: z.string().optional(),
  /**
   * Base of fs download links: the public address of the HTTP server that serves `/objects/...`. Unset: the router
   * (`npm start`) uses `http://localhost:<PORT>`, anything else DEFAULT_OBJECT_STORE_PUBLIC_URL.
   */
  OBJECT_STORE_PUBLIC_URL: z.string().url().optional(),
  /** HMAC secret of fs download links; generated under DATA_DIR when unset outside production. */
  OBJECT_URL_SECRET: z
    .string()
    .min(MIN_OBJECT_URL_SECRET_LENGTH, `must be at least ${MIN_OBJECT_URL_SECRET_LENGTH} characters`)
    .optional(),
  /** Host name, or a URL such as `https://minio.internal:9000` (sets port and TLS too). */
  S3_ENDPOINT: z.string().optional(),
  S3_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  S3_USE_SSL: envBoolean.optional(),
  S3_ACCESS_KEY: z.string().optional(),
  S3_SECRET_KEY: z.string().optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid bucket name')
    .default('grove-objects'),
  S3_REGION: z.string().default('us-east-1'),
};

export type ObjectStoreConfig = z.infer<z.ZodObject<typeof objectStoreEnvShape>>;

/** Cross-field rules (use with `.superRefine`, next to checkPlatformConfig). */
export function checkObjectStoreConfig(
  config: ObjectStoreConfig & { NODE_ENV?: string },
  ctx: z.RefinementCtx,
): void {
  const need = (cond: boolean, path: string, message: string) => {
    if (!cond) ctx.addIssue({ code: 'custom', path: [path], message });
  };
  if (config.OBJECT_STORE_DRIVER === 's3') {
    need(!!config.S3_ENDPOINT, 'S3_ENDPOINT', 'required when OBJECT_STORE_DRIVER=s3');
    need(!!config.S3_ACCESS_KEY, 'S3_ACCESS_KEY', 'required when OBJECT_STORE_DRIVER=s3');
    need(!!config.S3_SECRET_KEY, 'S3_SECRET_KEY', 'required when OBJECT_STORE_DRIVER=s3');
    if (config.S3_ENDPOINT?.includes('://')) {
      need(URL.canParse(config.S3_ENDPOINT), 'S3_ENDPOINT', 'must be a host name or a valid URL');
    }
  } else if (config.NODE_ENV === 'production') {
    need(
      !!config.OBJECT_URL_SECRET,
      'OBJECT_URL_SECRET',
      'required in production with OBJECT_STORE_DRIVER=fs',
    );
  }
}

/** Maps validated configuration to factory options (fs: default root and a persisted local secret). */
export function objectStoreOptionsFromConfig(
  config: ObjectStoreConfig & { DATA_DIR: string },
): ObjectStoreOptions {
  if (config.OBJECT_STORE_DRIVER === 'fs') {
    return {
      driver: 'fs',
      rootDir: config.OBJECT_STORE_DIR ?? join(config.DATA_DIR, 'objects'),
      publicBaseUrl: config.OBJECT_STORE_PUBLIC_URL ?? DEFAULT_OBJECT_STORE_PUBLIC_URL,
      urlSigningSecret:
        config.OBJECT_URL_SECRET ?? loadOrCreateLocalSecret(config.DATA_DIR, 'objectUrlSecret'),
    };
  }
  if (!config.S3_ENDPOINT || !config.S3_ACCESS_KEY || !config.S3_SECRET_KEY) {
    throw new Error('S3_ENDPOINT, S3_ACCESS_KEY and S3_SECRET_KEY are required when OBJECT_STORE_DRIVER=s3');
  }
  let endPoint = config.S3_ENDPOINT;
  let port = config.S3_PORT;
  let useSSL = config.S3_USE_SSL;
  if (endPoint.includes('://')) {
    const url = new URL(endPoint);
    endPoint = url.hostname;
    useSSL ??= url.protocol === 'https:';
    port ??= url.port ? Number(url.port) : undefined;
  }
  return {
    driver: 's3',
    endPoint,
    port,
    useSSL: useSSL ?? true,
    accessKey: config.S3_ACCESS_KEY,
    secretKey: config.S3_SECRET_KEY,
    bucket: config.S3_BUCKET,
    region: config.S3_REGION,
  };
}
