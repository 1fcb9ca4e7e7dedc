import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  parse,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { z } from 'zod';
import { operationCost } from './operation-cost';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Operation limit variables, shared by the router (every client operation) and standalone subgraphs (callers
 * that do not come through the router, when SUBGRAPH_ACCEPT_USER_TOKENS lets them in).
 */
export const operationLimitsEnvShape = {
  MAX_DEPTH: positiveInt(12),
  MAX_ALIASES: positiveInt(15),
  MAX_TOKENS: positiveInt(2000),
  MAX_COST: positiveInt(5000),
  MAX_INTROSPECTION_DEPTH: positiveInt(16),
};

export interface OperationLimitSettings {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** Depth of a `__schema` / `__type` selection (the standard introspection query is 15 deep); default 16. */
  maxIntrospectionDepth?: number;
}

export type OperationLimitReason = 'depth' | 'aliases' | 'cost';

export interface OperationLimits {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  /** The list-aware cost check (needs the variables, so it runs once the operation is resolved, not as a validation rule). */
  checkCost(
    schema: GraphQLSchema,
    document: DocumentNode,
    request: { operationName?: string | null; variables?: Record<string, unknown> | null },
  ): void;
}

/**
 * Depth and alias limits as graphql-armor validation rules: a violation is a validation error (HTTP 400,
 * GRAPHQL_VALIDATION_FAILED, message naming the limit). The cost limit is Grove's list-aware model
 * (operation-cost.ts): armor's ignores page sizes, so `versions(take: 100)` nested three times passed it. It runs
 * in `didResolveOperation` (it reads `take` from the variables), before the gateway plans or any subgraph runs.
 * Armor's token limit is left off: its Apollo plugin throws from `parsingDidStart`, which Apollo Server 5 turns
 * into a 500; callers enforce MAX_TOKENS while parsing (`parseWithTokenLimit`, graphql-js `maxTokens`).
 */
export function createOperationLimits(
  settings: OperationLimitSettings,
  onReject: (reason: OperationLimitReason) => void,
): OperationLimits {
  const count = (reason: OperationLimitReason) => [() => onReject(reason)];
  const armor = new ApolloArmor({
    maxDepth: { n: settings.maxDepth, exposeLimits: true, onReject: count('depth') },
    maxAliases: { n: settings.maxAliases, exposeLimits: true, onReject: count('aliases') },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  });
  const { plugins, validationRules: armorRules } = armor.protect();
  // Armor's depth rule skips introspection; graphql-js's MaxIntrospectionDepthRule (in the specified rules) bounds
  // how often introspection lists nest, this rule how deep the whole introspection selection goes (`ofType` chains).
  const validationRules = [
    ...armorRules,
    introspectionDepthRule(settings.maxIntrospectionDepth ?? 16, () => onReject('depth')),
  ];
  const checkCost: OperationLimits['checkCost'] = (schema, document, request) => {
    const measured = operationCost(schema, document, request);
    if (!measured || measured.cost <= settings.maxCost) return;
    onReject('cost');
    throw operationTooExpensive(measured.cost, settings.maxCost, measured.costliestPath);
  };
  const costPlugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          checkCost(schema, document, request);
        },
      };
    },
  };
  return { plugins: [...plugins, costPlugin], validationRules, checkCost };
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/** Refuses an introspection selection (`__schema`, `__type`) deeper than `maxDepth` fields, fragments followed. */
export function introspectionDepthRule(
  maxDepth: number,
  onReject: () => void = () => undefined,
): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const depthOf = (selectionSet: SelectionSetNode | undefined, fragments: Set<string>): number => {
      let deepest = 0;
      for (const selection of selectionSet?.selections ?? []) {
        if (selection.kind === Kind.FIELD)
          deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, fragments));
        else if (selection.kind === Kind.INLINE_FRAGMENT)
          deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments));
        else if (!fragments.has(selection.name.value)) {
          // A fragment cycle is another rule's error; here it only must not recurse forever.
          const fragment = context.getFragment(selection.name.value);
          fragments.add(selection.name.value);
          deepest = Math.max(deepest, depthOf(fragment?.selectionSet, fragments));
          fragments.delete(selection.name.value);
        }
        if (deepest > maxDepth) break;
      }
      return deepest;
    };
    return {
      Field(node) {
        if (!INTROSPECTION_ROOTS.has(node.name.value)) return;
        const depth = 1 + depthOf(node.selectionSet, new Set());
        if (depth <= maxDepth) return false;
        onReject();
        context.reportError(
          new GraphQLError(`Introspection depth limit of ${maxDepth} exceeded (MAX_INTROSPECTION_DEPTH)`, {
            nodes: [node],
            extensions: {
              code: 'GRAPHQL_VALIDATION_FAILED',
              reason: 'MAX_INTROSPECTION_DEPTH',
              maxIntrospectionDepth: maxDepth,
            },
          }),
        );
        return false;
      },
    };
  };
}

/** HTTP 400 naming the limit, what the operation cost and where most of it came from. */
export function operationTooExpensive(cost: number, maxCost: number, costliestPath: string): GraphQLError {
  const shown = Number.isFinite(cost) ? Math.round(cost) : cost;
  return new GraphQLError(
    `Cost limit of ${maxCost} exceeded (MAX_COST): the operation costs ${shown}; costliest path ${costliestPath}. Ask for smaller pages (take/first) or fewer nested lists.`,
    {
      extensions: {
        code: 'GRAPHQL_VALIDATION_FAILED',
        reason: 'MAX_COST',
        cost: shown,
        maxCost,
        costliestPath,
        http: { status: 400 },
      },
    },
  );
}

export type ParsedOperation = { document: DocumentNode } | { tooManyTokens: string } | { syntaxError: true };

/** Parses a document, stopping at `maxTokens` lexical tokens (graphql-js stops lexing there, so a huge document costs little). */
export function parseWithTokenLimit(query: string, maxTokens: number): ParsedOperation {
  try {
    return { document: parse(query, { maxTokens, noLocation: true }) };
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : String(error);
    // graphql-js words it "Document contains more that <n> tokens" (sic) in 16.x.
    return /Document contains more th\w+ \d+ tokens/.test(message)
      ? { tooManyTokens: `Document exceeds the limit of ${maxTokens} tokens` }
      : { syntaxError: true };
  }
}
