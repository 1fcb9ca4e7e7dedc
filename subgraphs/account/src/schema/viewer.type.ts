import { Field, ID, ObjectType } from 'type-graphql';
import { OperatorRole } from './enums';
import { Member } from './member.type';
import { User } from './user.type';

@ObjectType({ description: 'The signed-in caller' })
export class Viewer {
  @Field(() => User)
  user!: User;

  @Field(() => [OperatorRole])
  operatorRoles!: OperatorRole[];

  @Field(() => [String], {
    description: 'From the access token: platform permissions, and `<orgId>:<permission>` per organization',
  })
  permissions!: string[];

  @Field(() => ID)
  sessionId!: string;
}

@ObjectType()
export class SignUpPayload {
  @Field(() => User)
  user!: User;

  @Field(() => Member, { nullable: true, description: 'Set when an invitation token was redeemed' })
  membership!: Member | null;
}
