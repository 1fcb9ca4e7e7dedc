import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { LicenseLimitName } from '../license';
import { LicenseLimitNameEnum, LicenseSourceEnum } from './enums';

@ObjectType({ description: 'One limit of a license and how much of it is used' })
export class LicenseLimit {
  @Field(() => LicenseLimitNameEnum)
  name!: LicenseLimitName;

  @Field(() => Int, { nullable: true, description: 'null: unlimited' })
  max!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Current count; null when not tracked (or in license history)',
  })
  used!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'max - used, never below 0; null when unlimited or unknown',
  })
  remaining!: number | null;
}

@ObjectType({ description: 'The license in force' })
export class License {
  @Field()
  licenseId!: string;

  @Field()
  licensee!: string;

  @Field(() => Date)
  issuedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'null: does not expire' })
  expiresAt!: Date | null;

  @Field({
    description: 'Once expired, changes are refused until a new license is installed; reads keep working',
  })
  expired!: boolean;

  @Field(() => LicenseSourceEnum)
  source!: string;

  @Field(() => Date, { nullable: true, description: 'null for the built-in evaluation license' })
  installedAt!: Date | null;

  @Field(() => [LicenseLimit])
  limits!: LicenseLimit[];
}

@ObjectType({ description: 'An uploaded license, as kept in the installation history' })
export class LicenseInstallation {
  @Field(() => ID)
  id!: string;

  @Field()
  licenseId!: string;

  @Field()
  licensee!: string;

  @Field(() => Date)
  installedAt!: Date;

  @Field(() => ID, { description: 'User id of the operator admin who installed it' })
  installedBy!: string;

  @Field({
    description:
      'False when the stored document no longer verifies with the configured public key (it is ignored)',
  })
  valid!: boolean;

  @Field({ description: 'True for the installation in force' })
  active!: boolean;

  @Field(() => Date, { nullable: true })
  issuedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => [LicenseLimit], { nullable: true, description: 'null when the document does not verify' })
  limits!: LicenseLimit[] | null;
}

@ObjectType()
export class LicenseInstallationPage {
  @Field(() => [LicenseInstallation])
  items!: LicenseInstallation[];

  @Field(() => Int)
  total!: number;
}
