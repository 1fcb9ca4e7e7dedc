import { Field, ID, InputType, Int } from 'type-graphql';
import { SdkLogLevel, SdkPlatform } from './enums';

@InputType()
export class SdkConfigEntryInput {
  @Field()
  key!: string;

  @Field()
  value!: string;
}

@InputType({
  description:
    'Global defaults: omitted fields take built-in defaults. Override: only the given fields override.',
})
export class SdkConfigInput {
  @Field(() => Int, { nullable: true })
  packageDownloadTimeoutMs?: number;

  @Field(() => Int, { nullable: true })
  maxCachedApplets?: number;

  @Field(() => Boolean, { nullable: true })
  enableDebug?: boolean;

  @Field(() => SdkLogLevel, { nullable: true })
  logLevel?: SdkLogLevel;

  @Field(() => Int, { nullable: true })
  reportIntervalSec?: number;

  @Field(() => [String], { nullable: true })
  allowedApiList?: string[];

  @Field(() => [String], { nullable: true })
  blockedApiList?: string[];

  @Field(() => [SdkConfigEntryInput], { nullable: true })
  extra?: SdkConfigEntryInput[];
}

@InputType()
export class UpdateBaseLibraryInput {
  @Field(() => String, { nullable: true })
  minSdkVersion?: string;

  @Field(() => [SdkPlatform], { nullable: true })
  platforms?: SdkPlatform[];

  @Field(() => String, { nullable: true, description: 'null clears them' })
  releaseNotes?: string | null;
}

@InputType()
export class PublishSdkVersionInput {
  @Field(() => SdkPlatform)
  platform!: SdkPlatform;

  @Field()
  version!: string;

  @Field(() => String, { nullable: true })
  releaseNotes?: string;

  @Field({ description: 'Key of the artifact in the object store' })
  artifactKey!: string;
}

@InputType()
export class SubmitSdkBuildInput {
  @Field(() => ID)
  orgId!: string;

  @Field(() => SdkPlatform)
  platform!: SdkPlatform;

  @Field()
  version!: string;

  @Field(() => String, { nullable: true })
  notes?: string;

  @Field({ description: 'Key of an artifact uploaded earlier under sdk-builds/<orgId>/' })
  artifactKey!: string;
}
