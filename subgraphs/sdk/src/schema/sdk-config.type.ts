import { CURSOR_FIELD_DESCRIPTION } from '@grove/platform';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SdkLogLevel } from './enums';

@ObjectType()
export class SdkConfigEntry {
  @Field()
  key!: string;

  @Field()
  value!: string;
}

@ObjectType({ description: 'A complete SDK configuration document' })
export class SdkConfig {
  @Field(() => Int)
  packageDownloadTimeoutMs!: number;

  @Field(() => Int)
  maxCachedApplets!: number;

  @Field()
  enableDebug!: boolean;

  @Field(() => SdkLogLevel)
  logLevel!: SdkLogLevel;

  @Field(() => Int)
  reportIntervalSec!: number;

  @Field(() => [String], { description: 'Empty: every API that is not blocked' })
  allowedApiList!: string[];

  @Field(() => [String], { description: 'Wins over allowedApiList' })
  blockedApiList!: string[];

  @Field(() => [SdkConfigEntry], { description: 'Free-form string settings, sorted by key' })
  extra!: SdkConfigEntry[];
}

@ObjectType({ description: 'Settings of an override or a history entry: null means not set' })
export class SdkConfigSettings {
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

  @Field(() => [SdkConfigEntry], { nullable: true })
  extra?: SdkConfigEntry[];
}

@ObjectType({ description: 'The global SDK defaults (version 0: built-in defaults)' })
export class SdkGlobalConfig {
  @Field(() => Int)
  version!: number;

  @Field()
  etag!: string;

  @Field(() => SdkConfig)
  config!: SdkConfig;

  @Field(() => ID, { nullable: true })
  updatedBy?: string;

  @Field(() => Date, { nullable: true })
  updatedAt?: Date;
}

@ObjectType({ description: "A host app's override of the global defaults (version 0: never set)" })
export class SdkConfigOverride {
  @Field(() => ID)
  hostAppId!: string;

  @Field(() => Int)
  version!: number;

  @Field()
  etag!: string;

  @Field(() => SdkConfigSettings)
  settings!: SdkConfigSettings;

  @Field(() => ID, { nullable: true })
  updatedBy?: string;

  @Field(() => Date, { nullable: true })
  updatedAt?: Date;
}

@ObjectType({ description: 'What the SDK of a host app receives: the defaults merged with its override' })
export class EffectiveSdkConfig {
  @Field(() => ID)
  hostAppId!: string;

  @Field(() => Int, {
    description: 'globalVersion + overrideVersion; grows with every change affecting this host app',
  })
  version!: number;

  @Field(() => Int)
  globalVersion!: number;

  @Field(() => Int)
  overrideVersion!: number;

  @Field({ description: 'Hex SHA-256 of the canonical JSON of config' })
  etag!: string;

  @Field(() => SdkConfig)
  config!: SdkConfig;
}

@ObjectType({ description: 'One immutable version of the global defaults or of an override' })
export class SdkConfigRevision {
  @Field({ description: '"global" or the host app id' })
  scope!: string;

  @Field(() => Int)
  version!: number;

  @Field()
  etag!: string;

  @Field(() => SdkConfigSettings)
  settings!: SdkConfigSettings;

  @Field(() => ID)
  createdBy!: string;

  @Field()
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: CURSOR_FIELD_DESCRIPTION })
  cursor?: string;
}
