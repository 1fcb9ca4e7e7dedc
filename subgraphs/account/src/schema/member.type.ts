import { CURSOR_FIELD_DESCRIPTION } from '@grove/platform';
import { Field, ID, ObjectType } from 'type-graphql';
import { InvitationStatus, OrgRole } from './enums';

@ObjectType({
  description: 'A membership of a user in an organization; `user` and `organization` resolve the entities',
})
export class Member {
  @Field(() => ID)
  orgId!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => OrgRole)
  role!: OrgRole;

  @Field()
  joinedAt!: Date;

  @Field(() => String, { nullable: true, description: CURSOR_FIELD_DESCRIPTION })
  cursor?: string;
}

@ObjectType({
  description:
    'An invitation into an organization; EXPIRED is a pending one past expiresAt, REVOKED one a manager withdrew',
})
export class Invitation {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  orgId!: string;

  @Field(() => String, { nullable: true })
  email?: string;

  @Field(() => String, { nullable: true })
  phone?: string;

  @Field(() => OrgRole)
  role!: OrgRole;

  @Field(() => InvitationStatus)
  status!: InvitationStatus;

  @Field(() => ID)
  invitedBy!: string;

  @Field()
  expiresAt!: Date;

  @Field()
  createdAt!: Date;

  @Field(() => ID, { nullable: true })
  revokedBy?: string;

  @Field(() => Date, { nullable: true })
  revokedAt?: Date;

  @Field(() => String, { nullable: true, description: CURSOR_FIELD_DESCRIPTION })
  cursor?: string;
}

@ObjectType()
export class InvitationPayload {
  @Field(() => Invitation)
  invitation!: Invitation;

  @Field({ description: 'One-time token for acceptInvitation / signUp; returned only here' })
  token!: string;
}
