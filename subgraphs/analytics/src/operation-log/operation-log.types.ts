import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType({ description: 'Every field narrows the log (ANDed); omit a field to leave it open' })
export class OperationLogFilterInput {
  @Field(() => String, {
    nullable: true,
    description: 'Who: `user:<id>`, `apiClient:<id>`, `hostApp:<id>`, or a bare id of any kind',
  })
  actor?: string | null;

  @Field(() => String, { nullable: true, description: 'The mutation, e.g. freezeMiniProgram' })
  action?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The id of the thing changed (a mini-program app id, a version id …)',
  })
  target?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The kind of thing changed, e.g. mini-program, version, organization',
  })
  targetType?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'One organization (organization admins: one of theirs; operators: any)',
  })
  organizationId?: string | null;

  @Field(() => Date, { nullable: true, description: 'From this time on (inclusive)' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this time (exclusive)' })
  to?: Date | null;
}

@ObjectType({
  description:
    'One mutation by a person or a third party, written in the unit of work of the change (ADR 0013)',
})
export class OperationLogEntry {
  @Field(() => ID, { description: 'The id of the log line (its event id)' })
  id!: string;

  @Field({ description: 'When the change committed' })
  at!: Date;

  @Field({ description: 'The mutation (GraphQL field name)' })
  action!: string;

  @Field({ description: 'The subgraph that ran it' })
  subgraph!: string;

  @Field({ description: 'user, operator, apiClient, hostApp or anonymous' })
  actorKind!: string;

  @Field(() => String, {
    nullable: true,
    description: '`user:<id>`, `apiClient:<id>`, `hostApp:<id>`; null for an unidentified caller',
  })
  actorId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The organization the change belongs to; null for platform-wide changes',
  })
  organizationId!: string | null;

  @Field(() => String, { nullable: true })
  targetType!: string | null;

  @Field(() => String, { nullable: true })
  targetId!: string | null;

  @Field({ description: 'What changed (secrets are never included)' })
  summary!: string;

  @Field(() => [String], { description: 'The events the change published, in order' })
  changes!: string[];

  @Field()
  requestId!: string;

  @Field(() => String, { nullable: true })
  clientIp!: string | null;

  @Field({
    description: 'false: the mutation committed no unit of work, so its line was written after it returned',
  })
  atomic!: boolean;

  @Field({
    description:
      'Opaque position of this item in the list that returned it: pass it as `after` to read the next page',
  })
  cursor!: string;
}

@ObjectType()
export class OperationLogPage {
  @Field(() => [OperationLogEntry], { description: 'Newest first (time, then id)' })
  items!: OperationLogEntry[];

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `after` for the next page; null when this page is the last',
  })
  nextCursor!: string | null;
}

@ObjectType({
  description: 'One chunk of the operation log as CSV (RFC 4180, CRLF, header row in the first chunk only)',
})
export class OperationLogCsv {
  @Field({ description: 'Formula-like fields (= + - @ tab CR first) are prefixed with an apostrophe' })
  csv!: string;

  @Field(() => Int, { description: 'Data rows in this chunk' })
  rows!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `after` for the next chunk; null when this chunk is the last',
  })
  nextCursor!: string | null;
}
