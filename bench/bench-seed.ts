import { generateLicenseKeyPair, signLicense, type LicenseKeyPair } from '@grove/contracts';
import { randomToken } from '@grove/platform';
import {
  ApplyForOrganizationDocument,
  ApproveOrganizationDocument,
  CreateMiniProgramDocument,
  InstallLicenseDocument,
  LoginDocument,
  SignUpDocument,
} from '../schema/generated/graphql';
import { dataOf, execute } from '../tests/e2e/src/graphql-client';
import { validCreditCode } from '../tests/e2e/src/platform-harness';

/** Seeding shared by the benchmarks that load a running platform over HTTP (bench:distributed, bench:router -- --distributed). */
export interface BenchAdmin {
  email: string;
  password: string;
}

/**
 * A vendor key pair made for the run: every service gets the public key as LICENSE_PUBLIC_KEY, and `seedOrganization`
 * installs a license signed with the private one when the evaluation license's 20 mini-programs are too few.
 */
export function benchLicenseVendor(): LicenseKeyPair {
  return generateLicenseKeyPair();
}

/**
 * Through the router at `url`: a signed-up owner of an approved organization with `miniPrograms` mini-programs, and
 * the owner's token (signed in again after the approval, so it carries the membership).
 */
export async function seedOrganization(
  url: string,
  options: { admin: BenchAdmin; miniPrograms: number; vendor?: LicenseKeyPair },
): Promise<{ token: string; orgId: string; email: string; password: string }> {
  const admin = dataOf(
    await execute(url, LoginDocument, {
      input: { identifier: options.admin.email, password: options.admin.password },
    }),
  ).login.accessToken;
  if (options.vendor) {
    const now = new Date();
    const document = signLicense(
      {
        licenseId: `bench-${randomToken(4)}`,
        licensee: 'Grove bench',
        issuedAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
        limits: { miniPrograms: null, hostApps: null, concurrentGrayReleases: null, organizations: null },
      },
      options.vendor.privateKeyPem,
    );
    dataOf(
      await execute(url, InstallLicenseDocument, { document: JSON.stringify(document) }, { token: admin }),
    );
  }
  const email = `owner-${randomToken(4)}@bench.grove.test`;
  const password = 'Bench-owner-pass-2026';
  dataOf(await execute(url, SignUpDocument, { input: { email, password, displayName: 'Bench owner' } }));
  let token = dataOf(await execute(url, LoginDocument, { input: { identifier: email, password } })).login
    .accessToken;
  const org = dataOf(
    await execute(
      url,
      ApplyForOrganizationDocument,
      {
        input: {
          name: `Bench ${randomToken(4)}`,
          creditCode: validCreditCode(),
          contactName: 'Bench',
          contactPhone: '+8613800138000',
          licenceDocumentRef: 'bench/licence.pdf',
        },
      },
      { token },
    ),
  ).applyForOrganization;
  dataOf(await execute(url, ApproveOrganizationDocument, { id: org.id }, { token: admin }));
  // The approval changes the owner's permissions: sign in again for a token that carries them.
  token = dataOf(await execute(url, LoginDocument, { input: { identifier: email, password } })).login
    .accessToken;
  for (let i = 0; i < options.miniPrograms; i++) {
    dataOf(
      await execute(
        url,
        CreateMiniProgramDocument,
        { input: { orgId: org.id, name: `Bench app ${i}`, category: 'tools', tags: [] } },
        { token },
      ),
    );
  }
  return { token, orgId: org.id, email, password };
}
