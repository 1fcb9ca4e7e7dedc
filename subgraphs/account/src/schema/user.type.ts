import { CURSOR_FIELD_DESCRIPTION } from '@grove/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { OperatorRole } from './enums';

/**
 * A user account. Entity resolvable by any subgraph; only `id` and `displayName` are public. The other
 * fields (email, phone, operatorRoles, disabled, dates) are field resolvers that answer FORBIDDEN unless the
 * caller is the user, an operator, or a member of a shared organization who may read its members.
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class User {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field(() => String, { nullable: true, description: `${CURSOR_FIELD_DESCRIPTION} (operators)` })
  cursor?: string;
}

@ObjectType({ description: 'Result of createOperator' })
export class CreateOperatorPayload {
  @Field(() => User)
  user!: User;

  @Field(() => String, {
    nullable: true,
    description: 'Generated password, shown once; null when the admin set one',
  })
  initialPassword!: string | null;
}

export { OperatorRole };
