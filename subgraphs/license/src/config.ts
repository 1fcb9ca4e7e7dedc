import { checkPlatformConfig, platformEnvShape } from '@grove/platform';
import { z } from 'zod';
import { assertLicensePublicKey, EVALUATION_PUBLIC_KEY_PEM } from './license';

/** Environment of the standalone license service (distributed mode). */
export const licenseEnvShape = {
  ...platformEnvShape,
  LICENSE_PORT: z.coerce.number().int().min(1).max(65535).default(4102),
  LICENSE_HOST: z.string().default('127.0.0.1'),
  /**
   * The vendor's Ed25519 public key (PEM) that installed licenses must be signed with. `\n` escapes are
   * accepted for one-line environments. Default: the evaluation key, which nobody can sign new licenses for.
   */
  LICENSE_PUBLIC_KEY: z
    .string()
    .transform((pem) => pem.replace(/\\n/g, '\n'))
    .refine(isEd25519PublicKeyPem, { error: 'must be an Ed25519 public key in PEM form' })
    .optional(),
};

export const licenseEnvSchema = z.object(licenseEnvShape).superRefine(checkPlatformConfig);
export type LicenseConfig = z.infer<typeof licenseEnvSchema>;

export function licensePublicKeyFromConfig(config: Pick<LicenseConfig, 'LICENSE_PUBLIC_KEY'>): string {
  return config.LICENSE_PUBLIC_KEY ?? EVALUATION_PUBLIC_KEY_PEM;
}

function isEd25519PublicKeyPem(pem: string): boolean {
  try {
    assertLicensePublicKey(pem);
    return true;
  } catch {
    return false;
  }
}
