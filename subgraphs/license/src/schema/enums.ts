import { registerEnumType } from 'type-graphql';

/** GraphQL names for the license limits; the values are the names used in license documents. */
export const LicenseLimitNameEnum = {
  MINI_PROGRAMS: 'miniPrograms',
  HOST_APPS: 'hostApps',
  CONCURRENT_GRAY_RELEASES: 'concurrentGrayReleases',
  ORGANIZATIONS: 'organizations',
} as const;

registerEnumType(LicenseLimitNameEnum, { name: 'LicenseLimitName', description: 'What a license limits' });

export const LicenseSourceEnum = { INSTALLED: 'INSTALLED', EVALUATION: 'EVALUATION' } as const;

registerEnumType(LicenseSourceEnum, {
  name: 'LicenseSource',
  description:
    'INSTALLED: uploaded by an operator admin; EVALUATION: the built-in evaluation license (nothing installed)',
});
