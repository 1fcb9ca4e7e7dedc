import { CURSOR_FIELD_DESCRIPTION } from '@grove/platform';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SdkBuildStatus, SdkPlatform } from './enums';

@ObjectType({ description: 'An SDK build an organization submitted for review' })
export class SdkBuild {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: `${CURSOR_FIELD_DESCRIPTION} (set on the items of a list, in the order it was read)`,
  })
  cursor?: string;

  @Field(() => ID)
  orgId!: string;

  @Field(() => SdkPlatform)
  platform!: SdkPlatform;

  @Field()
  version!: string;

  @Field({ description: 'Object key; a rejected build can be resubmitted with it' })
  artifactKey!: string;

  @Field()
  artifactSha256!: string;

  @Field(() => Int)
  artifactSize!: number;

  @Field(() => String, { nullable: true })
  notes?: string;

  @Field(() => SdkBuildStatus)
  status!: SdkBuildStatus;

  @Field(() => ID)
  submittedBy!: string;

  @Field(() => Date, { nullable: true })
  reviewedAt?: Date;

  @Field(() => String, { nullable: true })
  rejectionReason?: string;

  @Field()
  createdAt!: Date;
}

@ObjectType()
export class SdkBuildPage {
  @Field(() => [SdkBuild])
  items!: SdkBuild[];

  @Field(() => Int)
  total!: number;
}

@ObjectType({ description: 'One file of an SDK build artifact, from its central directory' })
export class SdkBuildFile {
  @Field({ description: 'Path inside the ZIP' })
  path!: string;

  @Field(() => Int, { description: 'Inflated size in bytes' })
  size!: number;
}

@ObjectType()
export class SdkBuildFilePage {
  @Field(() => [SdkBuildFile])
  items!: SdkBuildFile[];

  @Field(() => Int)
  total!: number;
}
