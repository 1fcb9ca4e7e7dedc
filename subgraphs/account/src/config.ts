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
  /** Failed logins of one account from one IP within LOGIN_FAILURE_WINDOW_SEC before that IP is locked out of it. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_FAILURE_WINDOW_SEC: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60),
  LOGIN_LOCK_SEC: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60),
  /** Cap of the account-wide delay after consecutive failures (sources that signed in before skip it). */
  LOGIN_MAX_DELAY_SEC: z.coerce.number().int().min(1).default(60),
  /** Password checks per client IP per LOGIN_IP_WINDOW_SEC, whatever the identifier. */
  LOGIN_IP_POINTS: z.coerce.number().int().min(1).default(60),
  LOGIN_IP_WINDOW_SEC: z.coerce.number().int().min(1).default(300),
  /** Password hashes computed at once (default: the CPU count); more wait in a queue of PASSWORD_HASH_QUEUE. */
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).default(32),
  INVITATION_TTL_SEC: z.coerce
    .number()
    .int()
    .min(60)
    .default(7 * 24 * 3600),
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
  loginMaxDelaySec: number;
  loginIpPoints: number;
  loginIpWindowSec: number;
  invitationTtlSec: number;
  passwordHashCost: number;
  /** Default: the CPU count. */
  passwordHashConcurrency?: number;
  passwordHashQueue: number;
}

export const DEFAULT_BOOTSTRAP_ADMIN_EMAIL = 'admin@grove.local';

export const defaultAccountSettings: AccountSettings = {
  bootstrapAdminEmail: DEFAULT_BOOTSTRAP_ADMIN_EMAIL,
  loginMaxFailures: 5,
  loginFailureWindowSec: 15 * 60,
  loginLockSec: 15 * 60,
  loginMaxDelaySec: 60,
  loginIpPoints: 60,
  loginIpWindowSec: 300,
  invitationTtlSec: 7 * 24 * 3600,
  passwordHashCost: 15,
  passwordHashQueue: 32,
};

export function accountSettingsFromConfig(config: AccountConfig): AccountSettings {
  return {
    bootstrapAdminEmail: config.BOOTSTRAP_ADMIN_EMAIL ?? DEFAULT_BOOTSTRAP_ADMIN_EMAIL,
    bootstrapAdminPassword: config.BOOTSTRAP_ADMIN_PASSWORD,
    loginMaxFailures: config.LOGIN_MAX_FAILURES,
    loginFailureWindowSec: config.LOGIN_FAILURE_WINDOW_SEC,
    loginLockSec: config.LOGIN_LOCK_SEC,
    loginMaxDelaySec: config.LOGIN_MAX_DELAY_SEC,
    loginIpPoints: config.LOGIN_IP_POINTS,
    loginIpWindowSec: config.LOGIN_IP_WINDOW_SEC,
    invitationTtlSec: config.INVITATION_TTL_SEC,
    passwordHashCost: config.PASSWORD_HASH_COST,
    passwordHashConcurrency: config.PASSWORD_HASH_CONCURRENCY,
    passwordHashQueue: config.PASSWORD_HASH_QUEUE,
  };
}
