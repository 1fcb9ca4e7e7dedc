import { CURSOR_FIELD_DESCRIPTION } from '@grove/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { LinkStatus } from './enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A host app (应用) embedding the SDK; its SDK secret is never readable here' })
export class HostApp {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  orgId!: string;

  @Field()
  name!: string;

  @Field(() => [String])
  iosBundleIds!: string[];

  @Field(() => [String])
  androidPackageNames!: string[];

  @Field(() => [String])
  harmonyBundleNames!: string[];

  @Field({ description: 'Public SDK key the host app sends with every runtime request' })
  sdkKey!: string;

  @Field({ description: 'Last 4 characters of the current SDK secret' })
  secretHint!: string;

  @Field()
  secretRotatedAt!: Date;

  @Field()
  enabled!: boolean;

  @Field()
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: CURSOR_FIELD_DESCRIPTION })
  cursor?: string;
}

@ObjectType({
  description:
    'Returned only by createHostApp and rotateHostAppSecret: store the secret now, it is not shown again',
})
export class HostAppCredentials {
  @Field(() => HostApp)
  hostApp!: HostApp;

  @Field()
  sdkKey!: string;

  @Field()
  sdkSecret!: string;
}

@ObjectType({ description: 'A mini-program linked (or requested to be linked) to a host app' })
export class HostAppLink {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  hostAppId!: string;

  @Field(() => ID)
  hostOrgId!: string;

  @Field()
  appId!: string;

  @Field(() => ID)
  appOrgId!: string;

  @Field(() => LinkStatus)
  status!: LinkStatus;

  @Field(() => ID)
  requestedBy!: string;

  @Field(() => Date, { nullable: true })
  decidedAt?: Date;

  @Field(() => String, { nullable: true })
  rejectionReason?: string;

  @Field()
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: CURSOR_FIELD_DESCRIPTION })
  cursor?: string;
}
