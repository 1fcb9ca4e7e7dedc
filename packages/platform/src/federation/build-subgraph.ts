import type { FastifyInstance, FastifyRequest } from 'fastify';
import { defaultFieldResolver, GraphQLError, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Principal } from '../auth/principal';
import type { NonEmptyArray, ResolverData } from 'type-graphql';
import { reviveEnumDefaults } from './enum-defaults';
import { representationKey, requestLoader } from './request-loaders';
import type { SubgraphContext } from './subgraph-context';
import { operationState, withOperationLog, type OperationLogWriter } from '../operation-log/operation-log';

/** Pinned here so every subgraph speaks the same Federation version. */
export const FEDERATION_VERSION = 'https://specs.apollo.dev/federation/v2.7';
const FEDERATION_IMPORTS = [
  '@key',
  '@shareable',
  '@external',
  '@requires',
  '@provides',
  '@inaccessible',
  '@tag',
  '@interfaceObject',
];

export type EntityReference = Record<string, unknown> & { __typename: string };
export type ReferenceResolver<T = unknown> = (
  reference: EntityReference,
  context: SubgraphContext,
) => Promise<T | null> | T | null;
/** Resolves every distinct representation of one type asked for in one request at once (one read); results in order. */
export type BatchReferenceResolver<T = unknown> = (
  references: readonly EntityReference[],
  context: SubgraphContext,
) => Promise<ReadonlyArray<T | null | Error>>;

/** A decorated type-graphql class (resolver or object type). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own signature
type ClassType = Function;

export interface BuildSubgraphOptions {
  name: string;
  resolvers: NonEmptyArray<ClassType>;
  /** Resolver class instances (constructed with their services); type-graphql asks this container for them. */
  instances?: object[];
  /**
   * `__resolveReference` per `@key` entity type name. Each runs once per distinct representation of a request:
   * repeated representations (100 mini-programs of one organization) are resolved once.
   */
  referenceResolvers?: Record<string, ReferenceResolver>;
  /** Batched `__resolveReference` per entity type name: one call per request and type with every distinct representation. */
  batchReferenceResolvers?: Record<string, BatchReferenceResolver>;
  orphanedTypes?: ClassType[];
  /** Most representations one `_entities` call may carry (default MAX_ENTITY_REPRESENTATIONS). */
  maxEntityRepresentations?: number;
  /**
   * Where the operation log lines of this subgraph's mutations go: its transactional outbox (`runtime.outbox(name)`).
   * Every Mutation field then runs with its operation in scope; the first unit of work it commits writes the line,
   * and a mutation that committed none gets its line after it returns (ADR 0013).
   */
  operationLog?: OperationLogWriter;
}

/** Marks a Mutation field resolver that writes operation log lines (the schema walk test looks for it). */
export const OPERATION_LOGGED = Symbol.for('grove.operationLogged');

/**
 * Default cap on the representations of one `_entities` call. The router's fetches stay below it: an operation
 * within the default MAX_COST (5000) resolves fewer entities than that, each costing at least 1.
 */
export const MAX_ENTITY_REPRESENTATIONS = 5000;

/** What a module's REST routes get from the server that mounts them (router or standalone subgraph). */
export interface HttpRouteContext {
  /** Turns request headers into the caller, with the mounting server's rules (bearer JWT / internal token). */
  authenticate(headers: Record<string, string | string[] | undefined>): Promise<Principal>;
  /** The request id and client IP of a request (for the operation log): the router's own, or those it forwarded. */
  requestInfo?(request: FastifyRequest): Promise<{ requestId: string; clientIp?: string }>;
  logger: Logger;
}

/**
 * What a module's internal (service-to-service) routes get. Only `serveSubgraph` mounts them, on the service's own
 * port; the router never exposes them.
 */
export interface InternalRouteContext {
  /** Refuses (401, INTERNAL_CALLER_REQUIRED) unless the headers carry a valid service credential of `caller`. */
  verifyCaller(headers: Record<string, string | string[] | undefined>, caller: string): Promise<void>;
  logger: Logger;
}

export interface SubgraphModule {
  name: string;
  schema: GraphQLSchema;
  /** The subgraph SDL used for composition (`npm run compose`). */
  sdl: string;
  /** Health of the module's own drivers, for /readyz; what it returns is added to the answer (e.g. the search engine). */
  ready?: () => Promise<void | Record<string, string | number | boolean>>;
  close?: () => Promise<void>;
  /**
   * REST routes served next to `/graphql` (uploads, SDK runtime): mounted by the router in embedded
   * mode and by `serveSubgraph` when the subgraph runs on its own.
   */
  registerHttpRoutes?: (app: FastifyInstance, context: HttpRouteContext) => Promise<void>;
  /** Service-to-service routes (e.g. the SDK runtime's reads), mounted only when the subgraph runs on its own. */
  registerInternalRoutes?: (app: FastifyInstance, context: InternalRouteContext) => Promise<void>;
  /**
   * The module's own Prometheus series in the text exposition format. Never a route of the API: the router appends
   * them to its metrics listener (embedded), `serveSubgraph` serves them as `GET /metrics` on the service's port.
   */
  metrics?: () => Promise<string>;
}

/**
 * type-graphql resolvers → Federation 2 subgraph schema. The code-first schema is printed with its
 * directives (`@key` from `@Directive`), re-parsed by @apollo/subgraph, and the type-graphql resolvers
 * plus entity reference resolvers are attached to it.
 */
export async function buildSubgraph(options: BuildSubgraphOptions): Promise<SubgraphModule> {
  // Loaded here, not at the top: a router in distributed mode imports the platform kit but builds no subgraph, and
  // type-graphql, graphql-scalars and @graphql-tools are ~450 modules it would carry for nothing (issue 6 item 9).
  const [
    { buildSchema, createResolversMap },
    { printSchemaWithDirectives },
    { buildSubgraphSchema, printSubgraphSchema },
    { default: gql },
  ] = await Promise.all([
    import('type-graphql'),
    import('@graphql-tools/utils'),
    import('@apollo/subgraph'),
    import('graphql-tag'),
  ]);
  const byClass = new Map<ClassType, object>((options.instances ?? []).map((i) => [i.constructor, i]));
  const codeFirst = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    validate: false,
    emitSchemaFile: false,
    container: {
      get(someClass: any, _data: ResolverData<any>) {
        const instance = byClass.get(someClass);
        if (!instance)
          throw new Error(`Resolver ${someClass?.name} has no instance in subgraph ${options.name}`);
        return instance;
      },
    },
  });

  const typeDefs = gql`
    extend schema @link(url: "${FEDERATION_VERSION}", import: ${JSON.stringify(FEDERATION_IMPORTS)})
    ${printSchemaWithDirectives(codeFirst)}
  `;
  const resolverMap = createResolversMap(codeFirst) as Record<string, any>;
  const batched: Record<string, BatchReferenceResolver> = { ...options.batchReferenceResolvers };
  for (const [typeName, resolve] of Object.entries(options.referenceResolvers ?? {})) {
    batched[typeName] ??= (references, context) =>
      Promise.all(
        references.map(async (reference) => {
          try {
            return await resolve(reference, context);
          } catch (error) {
            return error instanceof Error ? error : new Error(String(error));
          }
        }),
      );
  }
  for (const [typeName, resolveMany] of Object.entries(batched)) {
    resolverMap[typeName] = {
      ...(resolverMap[typeName] ?? {}),
      __resolveReference: batchedReferenceResolver(typeName, resolveMany),
    };
  }
  const schema = buildSubgraphSchema({ typeDefs, resolvers: resolverMap });
  reviveEnumDefaults(schema);
  guardMutations(schema, options.name, options.operationLog);
  capEntityRepresentations(schema, options.maxEntityRepresentations ?? MAX_ENTITY_REPRESENTATIONS);
  return { name: options.name, schema, sdl: printSubgraphSchema(schema) };
}

/** One check per subgraph request, however many mutation fields it runs. */
const checkedContexts = new WeakMap<object, Promise<void>>();

/**
 * Every mutation first checks the caller's token against the revocation records (context.authorization), so a
 * subgraph reached without the router (distributed mode) refuses a stale token too. Reads rely on the router's check.
 */
function guardMutations(
  schema: GraphQLSchema,
  subgraph: string,
  operationLog: OperationLogWriter | undefined,
): void {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, context: SubgraphContext | undefined, info) => {
      if (context?.authorization) {
        let check = checkedContexts.get(context);
        if (!check)
          checkedContexts.set(context, (check = context.authorization.assertCurrent(context.principal)));
        await check;
      }
      if (!operationLog) return resolve(source, args, context, info);
      // Each Mutation field is one operation: its first committed unit of work writes its log line (ADR 0013).
      return withOperationLog(operationLog, operationState(subgraph, info, args, context), async () =>
        resolve(source, args, context, info),
      );
    };
    if (operationLog) (field as unknown as Record<symbol, boolean>)[OPERATION_LOGGED] = true;
  }
}

/** Refuses an `_entities` call with more representations than `max` before any reference resolver runs. */
function capEntityRepresentations(schema: GraphQLSchema, max: number): void {
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field) return;
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args: { representations?: unknown }, context, info) => {
    const count = Array.isArray(args.representations) ? args.representations.length : 0;
    if (count > max) {
      throw new GraphQLError(`_entities takes at most ${max} representations; ${count} were sent`, {
        extensions: {
          code: 'BAD_USER_INPUT',
          reason: 'MAX_ENTITY_REPRESENTATIONS',
          maxRepresentations: max,
          representations: count,
        },
      });
    }
    return resolve(source, args, context, info);
  };
}

/**
 * `__resolveReference` through the request's DataLoader for the type: the representations of one `_entities` call
 * (and of every call of the request) are de-duplicated and handed to `resolveMany` together.
 */
function batchedReferenceResolver(typeName: string, resolveMany: BatchReferenceResolver): ReferenceResolver {
  return (reference, context) => {
    // A context is what scopes the loader to one request; without one (direct schema calls) there is nothing to batch.
    if (!context || typeof context !== 'object')
      return resolveMany([reference], context).then(([result]) => unwrap(result));
    const loader = requestLoader<EntityReference, unknown, string>(
      context,
      `__resolveReference:${typeName}`,
      (references) => resolveMany(references, context),
      {
        cacheKey: representationKey,
      },
    );
    return loader.load(reference);
  };
}

function unwrap<T>(result: T | Error | undefined): T | null {
  if (result instanceof Error) throw result;
  return result ?? null;
}
