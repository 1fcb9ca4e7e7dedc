import { CURSOR_FIELD_DESCRIPTION } from '@grove/platform';
import { Field, ID, ObjectType } from 'type-graphql';
import { User } from './user.type';

@ObjectType({ description: 'A signed-in device: one refresh-token family' })
export class Session {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  deviceId?: string;

  @Field(() => String, { nullable: true })
  deviceName?: string;

  @Field(() => String, { nullable: true })
  userAgent?: string;

  @Field(() => String, { nullable: true })
  clientIp?: string;

  @Field()
  createdAt!: Date;

  @Field()
  lastUsedAt!: Date;

  @Field()
  expiresAt!: Date;

  @Field({ description: 'True for the session of the access token making this request' })
  current!: boolean;

  @Field(() => String, { nullable: true, description: `${CURSOR_FIELD_DESCRIPTION} (mySessions)` })
  cursor?: string;
}

@ObjectType()
export class AuthPayload {
  @Field()
  accessToken!: string;

  @Field({ description: 'Rotating; present it to refreshSession once' })
  refreshToken!: string;

  @Field({ description: 'Access token expiry' })
  expiresAt!: Date;

  @Field()
  refreshExpiresAt!: Date;

  @Field(() => Session)
  session!: Session;

  @Field(() => User)
  user!: User;
}
