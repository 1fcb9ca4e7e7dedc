import { CURSOR_FIELD_DESCRIPTION } from '@grove/platform';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { VersionStatus } from './enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'One uploaded package of a mini-program and its review/release state' })
export class MiniProgramVersion {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: `${CURSOR_FIELD_DESCRIPTION} (set on the items of a list, in the order it was read)`,
  })
  cursor?: string;

  @Field()
  appId!: string;

  @Field()
  versionName!: string;

  @Field(() => Int, { nullable: true })
  versionCode?: number;

  @Field(() => String, { nullable: true })
  releaseNotes?: string;

  @Field(() => VersionStatus)
  status!: VersionStatus;

  @Field({ description: 'Hex SHA-256 of the ZIP, as served to the SDK' })
  packageSha256!: string;

  @Field(() => Int)
  packageSize!: number;

  @Field({ description: "'w3c' or 'wechat'" })
  packageFormat!: string;

  @Field(() => Int)
  packageFiles!: number;

  @Field(() => Int)
  packageUncompressedBytes!: number;

  @Field(() => [String])
  pages!: string[];

  @Field(() => Int, { nullable: true })
  minPlatformCode?: number;

  @Field(() => ID)
  uploadedBy!: string;

  @Field(() => ID, { nullable: true })
  submittedBy?: string;

  @Field(() => Date, { nullable: true })
  submittedAt?: Date;

  @Field(() => Date, { nullable: true })
  reviewedAt?: Date;

  @Field(() => String, { nullable: true })
  rejectionReason?: string;

  @Field(() => Date, { nullable: true })
  publishedAt?: Date;

  @Field(() => ID, { nullable: true, description: 'What a rollback from this version returns to' })
  previousPublishedVersionId?: string;

  @Field(() => Float, {
    nullable: true,
    description: 'GRAY versions: share of matching devices the release plan serves this version to',
  })
  grayPercentage?: number;

  @Field(() => ID, {
    nullable: true,
    description: 'The release plan (rule-engine) that gray-releases, or published, this version',
  })
  releasePlanId?: string;

  @Field(() => String, { nullable: true })
  grayRuleId?: string;

  @Field(() => Date, { nullable: true })
  grayStartedAt?: Date;

  @Field(() => Date, { nullable: true })
  delistedAt?: Date;

  @Field(() => String, { nullable: true })
  delistReason?: string;

  @Field(() => Boolean, { nullable: true, description: 'True when an operator delisted it' })
  forcedDelist?: boolean;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: 'One file of a package, as the validator read it' })
export class PackageFile {
  @Field({ description: 'Path inside the ZIP' })
  path!: string;

  @Field(() => Int, { description: 'Inflated size in bytes' })
  size!: number;
}

@ObjectType()
export class PackageFilePage {
  @Field(() => [PackageFile])
  items!: PackageFile[];

  @Field(() => Int)
  total!: number;
}

@ObjectType()
export class MiniProgramVersionPage {
  @Field(() => [MiniProgramVersion])
  items!: MiniProgramVersion[];

  @Field(() => Int)
  total!: number;
}
