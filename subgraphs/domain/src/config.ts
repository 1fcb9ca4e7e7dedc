import { isIP } from 'node:net';
import { checkPlatformConfig, platformEnvShape } from '@grove/platform';
import { z } from 'zod';

export const DEFAULT_VERIFY_TIMEOUT_MS = 5_000;
export const DEFAULT_VERIFY_MAX_BYTES = 4_096;

/** Environment of the standalone domain service (distributed mode); the router reads the same names. */
export const domainEnvShape = {
  ...platformEnvShape,
  DOMAIN_PORT: z.coerce.number().int().min(1).max(65535).default(4104),
  DOMAIN_HOST: z.string().default('127.0.0.1'),
  /** Scheme of the business-domain verification fetch; http only for local testing and plain-http deployments. */
  DOMAIN_VERIFY_SCHEME: z.enum(['https', 'http']).default('https'),
  /** Port of the verification fetch; unset: the scheme's default port. */
  DOMAIN_VERIFY_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  DOMAIN_VERIFY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(DEFAULT_VERIFY_TIMEOUT_MS),
  DOMAIN_VERIFY_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(64)
    .max(1024 * 1024)
    .default(DEFAULT_VERIFY_MAX_BYTES),
  /**
   * Connect every verification fetch to this IP instead of resolving the domain (like curl --resolve): for tests
   * and split-horizon networks. Unset: DNS, and addresses in private, loopback or link-local ranges are refused.
   */
  DOMAIN_VERIFY_RESOLVE_ADDRESS: z
    .string()
    .refine((v) => isIP(v) !== 0, 'must be an IPv4 or IPv6 address')
    .optional(),
};

export const domainEnvSchema = z.object(domainEnvShape).superRefine((config, ctx) => {
  checkPlatformConfig(config, ctx);
  if (config.NODE_ENV === 'production' && config.DOMAIN_VERIFY_RESOLVE_ADDRESS) {
    ctx.addIssue({
      code: 'custom',
      path: ['DOMAIN_VERIFY_RESOLVE_ADDRESS'],
      message: 'must not be set in production',
    });
  }
});
export type DomainConfig = z.infer<typeof domainEnvSchema>;

/** What createDomainSubgraph needs beyond the runtime. */
export interface DomainSettings {
  verifyScheme: 'https' | 'http';
  verifyPort?: number;
  verifyTimeoutMs: number;
  verifyMaxBytes: number;
  verifyResolveAddress?: string;
}

export const defaultDomainSettings: DomainSettings = {
  verifyScheme: 'https',
  verifyTimeoutMs: DEFAULT_VERIFY_TIMEOUT_MS,
  verifyMaxBytes: DEFAULT_VERIFY_MAX_BYTES,
};

export function domainSettingsFromConfig(config: DomainConfig): DomainSettings {
  return {
    verifyScheme: config.DOMAIN_VERIFY_SCHEME,
    verifyPort: config.DOMAIN_VERIFY_PORT,
    verifyTimeoutMs: config.DOMAIN_VERIFY_TIMEOUT_MS,
    verifyMaxBytes: config.DOMAIN_VERIFY_MAX_BYTES,
    verifyResolveAddress: config.DOMAIN_VERIFY_RESOLVE_ADDRESS,
  };
}
