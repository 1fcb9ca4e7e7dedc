import {
  checkObjectStoreConfig,
  checkPlatformConfig,
  objectStoreEnvShape,
  platformEnvShape,
} from '@grove/platform';
import { z } from 'zod';
import { MIN_SECRET_KEY_LENGTH } from './service/secret-cipher';
import {
  DEFAULT_MAX_LOGO_BYTES,
  DEFAULT_MAX_PACKAGE_BYTES,
  trialTokenSecretField,
  uploadLimitsEnvShape,
} from '@grove/contracts';

export { DEFAULT_MAX_LOGO_BYTES, DEFAULT_MAX_PACKAGE_BYTES };

/** Environment of the standalone app-manage service (distributed mode); the router reads the same names. */
export const appManageEnvShape = {
  ...platformEnvShape,
  ...objectStoreEnvShape,
  APP_MANAGE_PORT: z.coerce.number().int().min(1).max(65535).default(4103),
  APP_MANAGE_HOST: z.string().default('127.0.0.1'),
  /** Standalone service only: raw-body upload routes (the router serves them itself in embedded mode). */
  /**
   * Key material (at least 32 characters) for encrypting SDK secrets at rest. Outside production a key is
   * generated once under DATA_DIR; production must set it (and keep it: losing it invalidates every secret).
   */
  APP_SECRET_ENCRYPTION_KEY: z
    .string()
    .min(MIN_SECRET_KEY_LENGTH, `must be at least ${MIN_SECRET_KEY_LENGTH} characters`)
    .optional(),
  /**
   * HMAC key (at least 32 characters) of trial QR grants; app-manage signs them and the SDK runtime (router) checks
   * them, so both read it. Unset: derived from APP_SECRET_ENCRYPTION_KEY (or its generated local key).
   */
  TRIAL_TOKEN_SECRET: trialTokenSecretField,
  MINI_PROGRAM_PACKAGE_MAX_BYTES: uploadLimitsEnvShape.MINI_PROGRAM_PACKAGE_MAX_BYTES,
  MINI_PROGRAM_LOGO_MAX_BYTES: uploadLimitsEnvShape.MINI_PROGRAM_LOGO_MAX_BYTES,
};

export const appManageEnvSchema = z.object(appManageEnvShape).superRefine((config, ctx) => {
  checkPlatformConfig(config, ctx);
  checkObjectStoreConfig(config, ctx);
  if (config.NODE_ENV === 'production' && !config.APP_SECRET_ENCRYPTION_KEY) {
    ctx.addIssue({ code: 'custom', path: ['APP_SECRET_ENCRYPTION_KEY'], message: 'required in production' });
  }
});
export type AppManageConfig = z.infer<typeof appManageEnvSchema>;

/** What createAppManageSubgraph needs beyond the runtime and the object store. */
export interface AppManageSettings {
  maxPackageBytes: number;
  maxLogoBytes: number;
  /** Unset: a key generated once under the runtime's DATA_DIR (embedded mode). */
  secretEncryptionKey?: string;
  /** Unset: derived from the SDK-secret key (deriveTrialTokenSecret), as the SDK runtime does. */
  trialTokenSecret?: string;
}

export const defaultAppManageSettings: AppManageSettings = {
  maxPackageBytes: DEFAULT_MAX_PACKAGE_BYTES,
  maxLogoBytes: DEFAULT_MAX_LOGO_BYTES,
};

export function appManageSettingsFromConfig(config: AppManageConfig): AppManageSettings {
  return {
    maxPackageBytes: config.MINI_PROGRAM_PACKAGE_MAX_BYTES,
    maxLogoBytes: config.MINI_PROGRAM_LOGO_MAX_BYTES,
    secretEncryptionKey: config.APP_SECRET_ENCRYPTION_KEY,
    trialTokenSecret: config.TRIAL_TOKEN_SECRET,
  };
}
