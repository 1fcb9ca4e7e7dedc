import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * app-manage's MiniProgram entity (same key: `id`, the app id); this subgraph contributes `domains` to it.
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class MiniProgram {
  @Field(() => ID)
  id!: string;
}
