import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { FastifyInstance } from 'fastify';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Principal } from '../auth/principal';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type NonEmptyArray, type ResolverData } from 'type-graphql';
import type { SubgraphContext } from './subgraph-context';

/** Pinned here so every subgraph speaks the same Federation version. */
export const FEDERATION_VERSION = 'https://specs.apollo.dev/federation/v2.7';
const FEDERATION_IMPORTS = ['@key', '@shareable', '@external', '@requires', '@provides', '@inaccessible', '@tag', '@interfaceObject'];

export type ReferenceResolver<T = unknown> = (reference: Record<string, unknown> & { __typename: string }, context: SubgraphContext) => Promise<T | null> | T | null;

/** A decorated type-graphql class (resolver or object type). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own signature
type ClassType = Function;

export interface BuildSubgraphOptions {
  name: string;
  resolvers: NonEmptyArray<ClassType>;
  /** Resolver class instances (constructed with their services); type-graphql asks this container for them. */
  instances?: object[];
  /** `__resolveReference` per `@key` entity type name. */
  referenceResolvers?: Record<string, ReferenceResolver>;
  orphanedTypes?: ClassType[];
}

/** What a module's REST routes get from the server that mounts them (router or standalone subgraph). */
export interface HttpRouteContext {
  /** Turns request headers into the caller, with the mounting server's rules (bearer JWT / internal token). */
  authenticate(headers: Record<string, string | string[] | undefined>): Promise<Principal>;
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
  /** Health of the module's own drivers, for /readyz. */
  ready?: () => Promise<void>;
  close?: () => Promise<void>;
  /**
   * REST routes served next to `/graphql` (uploads, SDK runtime): mounted by the router in embedded
   * mode and by `serveSubgraph` when the subgraph runs on its own.
   */
  registerHttpRoutes?: (app: FastifyInstance, context: HttpRouteContext) => Promise<void>;
  /** Service-to-service routes (e.g. the SDK runtime's reads), mounted only when the subgraph runs on its own. */
  registerInternalRoutes?: (app: FastifyInstance, context: InternalRouteContext) => Promise<void>;
}

/**
 * type-graphql resolvers → Federation 2 subgraph schema. The code-first schema is printed with its
 * directives (`@key` from `@Directive`), re-parsed by @apollo/subgraph, and the type-graphql resolvers
 * plus entity reference resolvers are attached to it.
 */
export async function buildSubgraph(options: BuildSubgraphOptions): Promise<SubgraphModule> {
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
        if (!instance) throw new Error(`Resolver ${someClass?.name} has no instance in subgraph ${options.name}`);
        return instance;
      },
    },
  });

  const typeDefs = gql`
    extend schema @link(url: "${FEDERATION_VERSION}", import: ${JSON.stringify(FEDERATION_IMPORTS)})
    ${printSchemaWithDirectives(codeFirst)}
  `;
  const resolverMap = createResolversMap(codeFirst) as Record<string, any>;
  for (const [typeName, resolve] of Object.entries(options.referenceResolvers ?? {})) {
    resolverMap[typeName] = { ...(resolverMap[typeName] ?? {}), __resolveReference: resolve };
  }
  const schema = buildSubgraphSchema({ typeDefs, resolvers: resolverMap });
  guardMutations(schema);
  return { name: options.name, schema, sdl: printSubgraphSchema(schema) };
}

/** One check per subgraph request, however many mutation fields it runs. */
const checkedContexts = new WeakMap<object, Promise<void>>();

/**
 * Every mutation first checks the caller's token against the revocation records (context.authorization), so a
 * subgraph reached without the router (distributed mode) refuses a stale token too. Reads rely on the router's check.
 */
function guardMutations(schema: GraphQLSchema): void {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, context: SubgraphContext | undefined, info) => {
      if (context?.authorization) {
        let check = checkedContexts.get(context);
        if (!check) checkedContexts.set(context, (check = context.authorization.assertCurrent(context.principal)));
        await check;
      }
      return resolve(source, args, context, info);
    };
  }
}
