import type { GraphQLSchema } from 'graphql';

/**
 * Every query and mutation a subgraph exposes to clients (federation's `_entities`/`_service` excluded).
 * Authorization-matrix tests compare their table against it, so a new operation without a row fails.
 */
export function rootOperationNames(schema: GraphQLSchema): string[] {
  return [schema.getQueryType(), schema.getMutationType()]
    .flatMap((type) => Object.keys(type?.getFields() ?? {}))
    .filter((name) => !name.startsWith('_'))
    .sort();
}

/** Operations the schema exposes that the matrix has no row for. */
export function uncoveredOperations(schema: GraphQLSchema, covered: Iterable<string>): string[] {
  const names = new Set(covered);
  return rootOperationNames(schema).filter((name) => !names.has(name));
}
