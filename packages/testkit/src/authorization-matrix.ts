import {
  graphql,
  isObjectType,
  isUnionType,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import {
  ANONYMOUS,
  newId,
  silentLogger,
  type AuthorizationGate,
  type OperatorRole,
  type OrgRole,
  type Principal,
  type SubgraphContext,
  type SubgraphModule,
  type UserPrincipal,
} from '@grove/platform';
import type { TestRuntime } from './test-runtime';

/**
 * One authorization-matrix runner for every subgraph: each operation × each kind of caller against an explicit
 * table; a denial must carry the expected code and leave every collection the snapshot reads unchanged.
 */

/** The columns, in table order: anonymous, the three roles of org A, a member of org B, the two operator roles. */
export const MATRIX_PRINCIPALS = [
  'anonymous',
  'ownerA',
  'adminA',
  'developerA',
  'ownerB',
  'reviewer',
  'admin',
] as const;
export type MatrixPrincipal = (typeof MATRIX_PRINCIPALS)[number];
export type SignedInPrincipal = Exclude<MatrixPrincipal, 'anonymous'>;

/** `ok`, `null` (no error, the entity or field is null: how `_entities` hides what the caller may not read) or an error code. */
export type Outcome =
  'ok' | 'null' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT';
export const U: Outcome = 'UNAUTHENTICATED';
export const F: Outcome = 'FORBIDDEN';
export const N: Outcome = 'NOT_FOUND';

//                          anonymous ownerA   adminA   developerA ownerB  reviewer admin
export type MatrixRow = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

/** A signed-in user as the router forwards it: fresh ids, these memberships and operator roles. */
export function matrixUser(
  memberships: Array<{ orgId: string; role: OrgRole }>,
  operatorRoles: OperatorRole[] = [],
): UserPrincipal {
  return { kind: 'user', userId: newId(), sessionId: newId(), operatorRoles, memberships };
}

/** The signed-in columns for subgraphs that only read memberships from the token: three roles of org A, org B's owner, two operators. */
export function matrixPrincipals(orgA: string, orgB: string): Record<SignedInPrincipal, UserPrincipal> {
  return {
    ownerA: matrixUser([{ orgId: orgA, role: 'ORG_OWNER' }]),
    adminA: matrixUser([{ orgId: orgA, role: 'ORG_ADMIN' }]),
    developerA: matrixUser([{ orgId: orgA, role: 'ORG_DEVELOPER' }]),
    ownerB: matrixUser([{ orgId: orgB, role: 'ORG_OWNER' }]),
    reviewer: matrixUser([], ['OPERATOR_REVIEWER']),
    admin: matrixUser([], ['OPERATOR_ADMIN']),
  };
}

export interface MatrixOperation<H> {
  /**
   * What the row covers: a root field (`createGrayRule`), a field resolver (`ReleasePlan.rule`), an entity type's
   * reference (`_entities(ReleasePlan)`) or a REST route (`POST /uploads/sdk-builds`). Field resolvers and entity
   * types selected in `source` count as covered too.
   */
  name: string;
  /** Test title when several rows cover one operation (other arguments, another organization's ids). */
  label?: string;
  /** GraphQL document, executed against the subgraph schema. */
  source?: string;
  /** A direct call instead (REST handlers); a thrown platform error's code is the outcome. */
  call?: (h: H, principal: Principal, vars: Record<string, unknown>) => Promise<unknown>;
  /** Fresh state for one case; `who` is the column about to run. */
  prepare?: (h: H, who: MatrixPrincipal) => Promise<Record<string, unknown>>;
  expected: MatrixRow;
  /** Extra assertions after an allowed call (what the caller may see of the answer). */
  check?: (
    h: H,
    result: ExecutionResult | undefined,
    vars: Record<string, unknown>,
    who: MatrixPrincipal,
  ) => void | Promise<void>;
}

export interface AuthorizationMatrixOptions<H extends { runtime: TestRuntime }> {
  /** Subgraph name, for test titles. */
  subgraph: string;
  harness: () => Promise<H>;
  dispose: (h: H) => Promise<void>;
  schema: (h: H) => GraphQLSchema;
  /** The signed-in columns, as the router forwards them (read for every case). */
  principals: (h: H) => Record<SignedInPrincipal, UserPrincipal>;
  operations: MatrixOperation<H>[];
  /** Everything a denial must leave unchanged (collections, object store listing). */
  snapshot: (h: H) => Promise<unknown>;
  /** The subgraph's REST routes as `METHOD /path` (see `httpRoutesOf`); each needs a row. */
  routes?: (h: H) => Promise<string[]> | string[];
  /** Field resolvers that need a row, as `Type.field`; by default every type-graphql @FieldResolver in the schema. */
  fieldResolvers?: (h: H) => string[];
}

const CODE_ORDER = MATRIX_PRINCIPALS;

/** Field resolvers (`Type.field`) of the schema declared with type-graphql's @FieldResolver. */
export function fieldResolverCoordinates(schema: GraphQLSchema): string[] {
  // type-graphql keeps its decorator metadata on this global (getMetadataStorage()); read structurally so the
  // testkit does not depend on type-graphql.
  const storage = (globalThis as { TypeGraphQLMetadataStorage?: TypeGraphQLMetadata })
    .TypeGraphQLMetadataStorage;
  if (!storage) throw new Error('No type-graphql metadata: pass fieldResolvers to the matrix');
  const typeNames = new Map(storage.objectTypes.map((t) => [t.target, t.name]));
  const out = new Set<string>();
  for (const resolver of storage.fieldResolvers) {
    if (resolver.kind !== 'external') continue;
    const typeName = typeNames.get(resolver.getObjectType?.());
    const type = typeName ? schema.getType(typeName) : undefined;
    if (isObjectType(type) && type.getFields()[resolver.schemaName])
      out.add(`${typeName}.${resolver.schemaName}`);
  }
  return [...out].sort();
}

interface TypeGraphQLMetadata {
  objectTypes: Array<{ name: string; target: unknown }>;
  fieldResolvers: Array<{ kind: string; schemaName: string; getObjectType?: () => unknown }>;
}

/** Types `_entities` can return (`_entities(Type)`). */
export function entityCoordinates(schema: GraphQLSchema): string[] {
  const entity = schema.getType('_Entity');
  return isUnionType(entity)
    ? entity
        .getTypes()
        .map((t) => `_entities(${t.name})`)
        .sort()
    : [];
}

/** Every query and mutation a client can call (federation's `_entities`/`_service` are listed separately). */
export function rootFieldCoordinates(schema: GraphQLSchema): string[] {
  return [schema.getQueryType(), schema.getMutationType()]
    .flatMap((type) => Object.keys(type?.getFields() ?? {}))
    .filter((name) => !name.startsWith('_'))
    .sort();
}

/** The REST routes a module mounts, as `METHOD /path`, enumerated by registering them on a bare fastify server. */
export async function httpRoutesOf(module: Pick<SubgraphModule, 'registerHttpRoutes'>): Promise<string[]> {
  // Loaded here: most importers of the testkit never enumerate routes.
  const { default: Fastify } = await import('fastify');
  const app = Fastify();
  const routes: string[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push(`${method} ${route.url}`);
  });
  try {
    await module.registerHttpRoutes?.(app, { authenticate: async () => ANONYMOUS, logger: silentLogger() });
    await app.ready();
  } finally {
    await app.close();
  }
  return routes.sort();
}

/** Field resolvers and entity types a document selects. */
function selectedCoordinates(schema: GraphQLSchema, source: string): string[] {
  const out: string[] = [];
  const typeInfo = new TypeInfo(schema);
  let inEntities = 0;
  visit(
    parse(source),
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          const parent = typeInfo.getParentType();
          if (parent) out.push(`${parent.name}.${node.name.value}`);
          if (node.name.value === '_entities') inEntities++;
        },
        leave(node) {
          if (node.name.value === '_entities') inEntities--;
        },
      },
      InlineFragment(node) {
        if (inEntities > 0 && node.typeCondition) out.push(`_entities(${node.typeCondition.name.value})`);
      },
    }),
  );
  return out;
}

/**
 * Both directions of coverage: operations of the inventory no row covers (`missing`), and row names that are not
 * operations of the inventory (`unknown`: renamed or removed). A GraphQL row also covers the field resolvers and
 * entity types its document selects.
 */
export function coverageGaps(
  schema: GraphQLSchema,
  inventory: string[],
  operations: Array<Pick<MatrixOperation<never>, 'name' | 'source'>>,
): { missing: string[]; unknown: string[] } {
  const covered = new Set(
    operations.flatMap((op) => [op.name, ...(op.source ? selectedCoordinates(schema, op.source) : [])]),
  );
  const known = new Set(inventory);
  return {
    missing: [...known].filter((name) => !covered.has(name)).sort(),
    unknown: [...new Set(operations.map((op) => op.name))].filter((name) => !known.has(name)).sort(),
  };
}

function errorCode(error: { extensions?: Record<string, unknown>; originalError?: unknown }): string {
  return String(
    (error.originalError as { code?: string } | undefined)?.code ?? error.extensions?.code ?? 'INTERNAL',
  );
}

function isNullish(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (Array.isArray(value) && value.length > 0 && value.every((v) => v === null))
  );
}

function contextFor(principal: Principal, authorization?: AuthorizationGate): SubgraphContext {
  return {
    principal: { ...principal } as Principal,
    requestId: 'matrix',
    logger: silentLogger(),
    authorization,
  };
}

async function run<H extends { runtime: TestRuntime }>(
  options: AuthorizationMatrixOptions<H>,
  h: H,
  op: MatrixOperation<H>,
  principal: Principal,
  vars: Record<string, unknown>,
  authorization?: AuthorizationGate,
): Promise<{
  outcome: string;
  result?: ExecutionResult;
  error?: { code?: string; details?: Record<string, unknown> };
}> {
  if (op.call) {
    try {
      await op.call(h, principal, vars);
      return { outcome: 'ok' };
    } catch (error) {
      const e = error as { code?: string; details?: Record<string, unknown> };
      return { outcome: e.code ?? String(error), error: e };
    }
  }
  const result = (await graphql({
    schema: options.schema(h),
    source: op.source!,
    variableValues: vars,
    contextValue: contextFor(principal, authorization),
  })) as ExecutionResult;
  if (result.errors?.length) {
    const first = result.errors[0].originalError as
      { code?: string; details?: Record<string, unknown> } | undefined;
    // One code per kind: a field-level refusal repeats on every private field the document selects.
    return { outcome: [...new Set(result.errors.map(errorCode))].join(','), result, error: first };
  }
  // `null` is its own outcome only in rows that expect it: elsewhere an empty answer is still an allowed call.
  const root = Object.values(result.data ?? {})[0];
  return { outcome: op.expected.includes('null') && isNullish(root) ? 'null' : 'ok', result };
}

/**
 * Tokens that were true when issued and are no longer (ADR 0006): what account records for each
 * (service/authorization-revocations.ts) is a newer user epoch, or a revoked session for a logout.
 * `basis` are the columns whose token is copied, first one the row allows.
 */
const STALE_TOKENS: Array<{
  name: string;
  basis: SignedInPrincipal[];
  reason: 'TOKEN_STALE' | 'SESSION_REVOKED';
}> = [
  { name: 'removed member', basis: ['ownerA', 'adminA', 'developerA'], reason: 'TOKEN_STALE' },
  { name: 'demoted member', basis: ['ownerA', 'adminA'], reason: 'TOKEN_STALE' },
  {
    name: 'member of a frozen organization',
    basis: ['ownerA', 'adminA', 'developerA'],
    reason: 'TOKEN_STALE',
  },
  { name: 'disabled operator', basis: ['admin', 'reviewer'], reason: 'TOKEN_STALE' },
  {
    name: 'logged-out session',
    basis: ['ownerA', 'adminA', 'developerA', 'reviewer', 'admin'],
    reason: 'SESSION_REVOKED',
  },
];

function staleBasis(op: MatrixOperation<unknown>, basis: SignedInPrincipal[]): SignedInPrincipal {
  const allowed = (who: MatrixPrincipal) => op.expected[CODE_ORDER.indexOf(who)] === 'ok';
  return basis.find(allowed) ?? (CODE_ORDER.slice(1) as SignedInPrincipal[]).find(allowed) ?? basis[0];
}

/**
 * Declares the matrix of one subgraph: coverage both ways (every operation has a row; every row names an operation
 * that exists), every row × every column, and stale-token rows for every mutation. Mutations check the token
 * against the revocation records in the subgraph itself (buildSubgraph's guard); reads rely on the router's check,
 * so stale tokens are run against mutations only.
 */
export function describeAuthorizationMatrix<H extends { runtime: TestRuntime }>(
  options: AuthorizationMatrixOptions<H>,
): void {
  const title = (op: MatrixOperation<H>) => op.label ?? op.name;

  describe(`${options.subgraph} authorization matrix`, () => {
    let h: H;
    // Read per case: a row may replace a column's token (a new session after changing the password).
    const principal = (who: MatrixPrincipal): Principal =>
      who === 'anonymous' ? ANONYMOUS : options.principals(h)[who];
    beforeAll(async () => {
      h = await options.harness();
    });
    afterAll(() => options.dispose(h));

    async function gaps() {
      const schema = options.schema(h);
      const fieldResolvers = options.fieldResolvers?.(h) ?? fieldResolverCoordinates(schema);
      const inventory = [
        ...rootFieldCoordinates(schema),
        ...fieldResolvers,
        ...entityCoordinates(schema),
        ...((await options.routes?.(h)) ?? []),
      ];
      return coverageGaps(schema, inventory, options.operations);
    }

    it('has a row for every query, mutation, field resolver, entity type and REST route', async () => {
      expect((await gaps()).missing).toEqual([]);
    });

    it('has no row for an operation that no longer exists', async () => {
      expect((await gaps()).unknown).toEqual([]);
    });

    describe.each(options.operations.map((op) => [title(op), op] as const))('%s', (_title, op) => {
      it.each(CODE_ORDER.map((who, i) => [who, op.expected[i]] as const))(
        '%s → %s',
        async (who, expected) => {
          const vars = (await op.prepare?.(h, who)) ?? {};
          const before = expected === 'ok' ? null : await options.snapshot(h);
          const { outcome, result, error } = await run(options, h, op, principal(who), vars);
          // The refusal's own message says why a row went another way (a conflict in the test data, a real bug).
          expect({
            outcome,
            ...(outcome === expected ? {} : { message: (error as Error | undefined)?.message }),
          }).toEqual({ outcome: expected });
          if (before) expect(await options.snapshot(h)).toEqual(before);
          else await op.check?.(h, result, vars, who);
        },
      );
    });
  });

  const mutations = options.operations.filter((op) => op.source?.trimStart().startsWith('mutation'));
  if (mutations.length === 0) return;
  describe(`${options.subgraph} authorization matrix: stale and revoked tokens`, () => {
    let h: H;
    beforeAll(async () => {
      h = await options.harness();
    });
    afterAll(() => options.dispose(h));

    describe.each(mutations.map((op) => [title(op), op] as const))('%s', (_title, op) => {
      it.each(STALE_TOKENS.map((stale) => [stale.name, stale] as const))(
        '%s → UNAUTHENTICATED',
        async (_name, stale) => {
          const basis = staleBasis(op as MatrixOperation<unknown>, stale.basis);
          const vars = (await op.prepare?.(h, basis)) ?? {};
          // A copy of an allowed caller's token, issued before the change that made it untrue.
          const token: UserPrincipal = {
            ...options.principals(h)[basis],
            userId: newId(),
            sessionId: newId(),
            authEpoch: Date.now() - 1,
          };
          if (stale.reason === 'SESSION_REVOKED') {
            token.authEpoch = Date.now();
            await h.runtime.authorization.revokeSession(token.userId, token.sessionId);
          } else {
            await h.runtime.authorization.revokeUser(token.userId);
          }
          const before = await options.snapshot(h);
          const { error } = await run(options, h, op, token, vars, h.runtime.authorization);
          expect({ code: error?.code, reason: error?.details?.reason }).toEqual({
            code: 'UNAUTHENTICATED',
            reason: stale.reason,
          });
          expect(await options.snapshot(h)).toEqual(before);
        },
      );
    });
  });
}
