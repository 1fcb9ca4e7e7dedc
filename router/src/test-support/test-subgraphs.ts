import 'reflect-metadata';
import {
  Arg,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { buildSubgraph, ForbiddenError, type SubgraphContext, type SubgraphModule } from '@grove/platform';

/*
 * Two small subgraphs used to prove the router end to end until the real domains land:
 * `people` owns the User entity, `notes` extends it with a `notes` field (resolved through
 * `_entities`), so a `me { name notes { text } }` query needs both.
 */

@Directive('@key(fields: "id")')
@ObjectType('User')
class PersonUser {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType()
class Caller {
  @Field() kind!: string;
  @Field({ nullable: true }) userId?: string;
  @Field() requestId!: string;
  @Field({ nullable: true }) clientIp?: string;
  @Field({ nullable: true }) deviceId?: string;
  @Field({ nullable: true }) userAgent?: string;
  /** Trace id the resolver's logger carries (embedded mode). */
  @Field({ nullable: true }) traceId?: string;
  /** `traceparent` header the subgraph received (distributed mode). */
  @Field({ nullable: true }) receivedTraceparent?: string;
}

@InputType()
class TestLoginInput {
  @Field() identifier!: string;
  @Field() password!: string;
}

export interface PeopleSubgraphOptions {
  /** Distributed fixture: reports the traceparent header of the current HTTP request. */
  receivedTraceparent?: () => string | undefined;
}

const nameOf = (id: string) => `User ${id}`;

@Resolver(() => PersonUser)
class PeopleResolver {
  constructor(private readonly options: PeopleSubgraphOptions) {}

  @Query(() => PersonUser, { nullable: true, description: 'The signed-in user, null when anonymous' })
  me(@Ctx() ctx: SubgraphContext): PersonUser | null {
    return ctx.principal.kind === 'user'
      ? { id: ctx.principal.userId, name: nameOf(ctx.principal.userId) }
      : null;
  }

  @Query(() => Caller)
  whoami(@Ctx() ctx: SubgraphContext): Caller {
    return {
      kind: ctx.principal.kind,
      userId: ctx.principal.kind === 'user' ? ctx.principal.userId : undefined,
      requestId: ctx.requestId,
      clientIp: ctx.clientIp,
      deviceId: ctx.deviceId,
      userAgent: ctx.userAgent,
      traceId: ctx.logger.bindings().traceId as string | undefined,
      receivedTraceparent: this.options.receivedTraceparent?.(),
    };
  }

  @Query(() => String)
  hello(): string {
    return 'world';
  }

  @Query(() => String, { description: 'Fails with an unexpected error (masking test)' })
  boom(): string {
    throw new Error('connection string mongodb://admin:hunter2@db leaked');
  }

  @Query(() => String, { description: 'Fails with a platform error (passes through)' })
  forbidden(): string {
    throw new ForbiddenError('Not for you');
  }

  @Mutation(() => String)
  login(@Arg('input') input: TestLoginInput): string {
    return `welcome ${input.identifier}`;
  }

  @FieldResolver(() => [PersonUser])
  friends(
    @Root() user: PersonUser,
    @Arg('first', () => Int, { defaultValue: 2 }) first: number,
  ): PersonUser[] {
    return Array.from({ length: Math.min(first, 100) }, (_, i) => i + 1).map((n) => ({
      id: `${user.id}.${n}`,
      name: nameOf(`${user.id}.${n}`),
    }));
  }
}

export function createPeopleSubgraph(options: PeopleSubgraphOptions = {}): Promise<SubgraphModule> {
  return buildSubgraph({
    name: 'people',
    resolvers: [PeopleResolver],
    instances: [new PeopleResolver(options)],
    referenceResolvers: { User: (ref) => ({ id: String(ref.id), name: nameOf(String(ref.id)) }) },
  });
}

@Directive('@key(fields: "id")')
@ObjectType('User')
class NotesUser {
  @Field(() => ID) id!: string;
}

@ObjectType()
class Note {
  @Field() text!: string;
  @Field() author!: string;
}

@Resolver(() => NotesUser)
class NotesResolver {
  @Query(() => Int, { description: 'Notes per user in this fixture' })
  notesPerUser(): number {
    return 2;
  }

  @FieldResolver(() => [Note])
  notes(@Root() user: NotesUser, @Ctx() ctx: SubgraphContext): Note[] {
    // Shows the principal reaches the second subgraph of the plan too.
    const author = ctx.principal.kind === 'user' ? ctx.principal.userId : 'anonymous';
    return [`first note of ${user.id}`, `second note of ${user.id}`].map((text) => ({ text, author }));
  }
}

export function createNotesSubgraph(): Promise<SubgraphModule> {
  return buildSubgraph({
    name: 'notes',
    resolvers: [NotesResolver],
    // Only reachable through _entities, so type-graphql must be told about it.
    orphanedTypes: [NotesUser],
    instances: [new NotesResolver()],
    referenceResolvers: { User: (ref) => ({ id: String(ref.id) }) },
  });
}
