import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Stub of the account subgraph's Organization entity: this subgraph only refers to it by id. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Organization {
  @Field(() => ID)
  id!: string;
}
