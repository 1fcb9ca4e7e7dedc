import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';

export interface SubgraphSdl {
  name: string;
  sdl: string;
  /** Routing URL recorded in the supergraph; distributed mode overrides it with SUBGRAPH_URLS. */
  url?: string;
}

/** Placeholder routing URL: embedded mode never dials it and distributed mode requires SUBGRAPH_URLS. */
export function defaultSubgraphUrl(name: string): string {
  return `http://${name}.grove.internal/graphql`;
}

export interface ComposedSchemas {
  supergraphSdl: string;
  /** The client-facing API schema (what consoles and codegen see), without federation internals. */
  apiSchemaSdl: string;
}

/** Composes subgraph SDLs into a supergraph with @apollo/composition; throws listing every composition error. */
export function composeSupergraph(subgraphs: SubgraphSdl[]): string {
  return composeSchemas(subgraphs).supergraphSdl;
}

export function composeSchemas(subgraphs: SubgraphSdl[]): ComposedSchemas {
  if (!subgraphs.length) throw new Error('No subgraphs to compose');
  const sorted = [...subgraphs].sort((a, b) => a.name.localeCompare(b.name));
  const result = composeServices(
    sorted.map((s) => ({ name: s.name, typeDefs: parse(s.sdl), url: s.url ?? defaultSubgraphUrl(s.name) })),
  );
  if (result.errors) {
    throw new Error(
      `Supergraph composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`,
    );
  }
  return {
    supergraphSdl: result.supergraphSdl,
    apiSchemaSdl: printSchema(result.schema.toAPISchema().toGraphQLJSSchema()),
  };
}
