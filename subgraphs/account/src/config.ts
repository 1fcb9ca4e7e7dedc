import { checkPlatformConfig, platformEnvShape } from '@grove/platform';
import { z } from 'zod';

/** Environment of the standalone account service (distributed mode). */
export const accountEnvShape = {
  ...platformEnvShape,
  ACCOUNT_PORT: z.coerce.number().int().min(1).max(65535).default(4101),
  ACCOUNT_HOST: z.string().default('127.0.0.1'),
  /** First operator admin; when the password is unset one is generated once and written to DATA_DIR. */
  BOOTSTRAP_ADMIN_EMAIL: z.email().optional(),
  BOOTSTRAP_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  /** Failed logins per identifier within LOGIN_FAILURE_WINDOW_SEC before the identifier is locked. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_FAILURE_WINDOW_SEC: z.coerce.number().int().min(1).default(15 * 60),
  LOGIN_LOCK_SEC: z.coerce.number().int().min(1).default(15 * 60),
  INVITATION_TTL_SEC: z.coerce.number().int().min(60).default(7 * 24 * 3600),
  /** log2 of scrypt's N for new password hashes. */
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(15),
};

export const accountEnvSchema = z.object(accountEnvShape).superRefine(checkPlatformConfig);
export type AccountConfig = z.infer<typeof accountEnvSchema>;

/** What createAccountSubgraph needs beyond the platform runtime. */
export interface AccountSettings {
  bootstrapAdminEmail: string;
  bootstrapAdminPassword?: string;
  loginMaxFailures: number;
  loginFailureWindowSec: number;
  loginLockSec: number;
  invitationTtlSec: number;
  passwordHashCost: number;
}

export const DEFAULT_BOOTSTRAP_ADMIN_EMAIL = 'admin@grove.local';

export const defaultAccountSettings: AccountSettings = {
  bootstrapAdminEmail: DEFAULT_BOOTSTRAP_ADMIN_EMAIL,
  loginMaxFailures: 5,
  loginFailureWindowSec: 15 * 60,
  loginLockSec: 15 * 60,
  invitationTtlSec: 7 * 24 * 3600,
  passwordHashCost: 15,
};

export function accountSettingsFromConfig(config: AccountConfig): AccountSettings {
  return {
    bootstrapAdminEmail: config.BOOTSTRAP_ADMIN_EMAIL ?? DEFAULT_BOOTSTRAP_ADMIN_EMAIL,
    bootstrapAdminPassword: config.BOOTSTRAP_ADMIN_PASSWORD,
    loginMaxFailures: config.LOGIN_MAX_FAILURES,
    loginFailureWindowSec: config.LOGIN_FAILURE_WINDOW_SEC,
    loginLockSec: config.LOGIN_LOCK_SEC,
    invitationTtlSec: config.INVITATION_TTL_SEC,
    passwordHashCost: config.PASSWORD_HASH_COST,
  };
}
