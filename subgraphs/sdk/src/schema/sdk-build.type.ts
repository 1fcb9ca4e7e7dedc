import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SdkBuildStatus, SdkPlatform } from './enums';

@ObjectType({ description: 'An SDK build an organization submitted for review' })
export class SdkBuild {
  @Field(() => ID)
  id!: string;

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
