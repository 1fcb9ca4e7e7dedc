import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, parse, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
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
};

export interface OperationLimitSettings {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

export type OperationLimitReason = 'depth' | 'aliases' | 'cost';

export interface OperationLimits {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  /** The list-aware cost check (needs the variables, so it runs once the operation is resolved, not as a validation rule). */
  checkCost(schema: GraphQLSchema, document: DocumentNode, request: { operationName?: string | null; variables?: Record<string, unknown> | null }): void;
}

/**
 * Depth and alias limits as graphql-armor validation rules: a violation is a validation error (HTTP 400,
 * GRAPHQL_VALIDATION_FAILED, message naming the limit). The cost limit is Grove's list-aware model
 * (operation-cost.ts): armor's ignores page sizes, so `versions(take: 100)` nested three times passed it. It runs
 * in `didResolveOperation` (it reads `take` from the variables), before the gateway plans or any subgraph runs.
 * Armor's token limit is left off: its Apollo plugin throws from `parsingDidStart`, which Apollo Server 5 turns
 * into a 500; callers enforce MAX_TOKENS while parsing (`parseWithTokenLimit`, graphql-js `maxTokens`).
 */
export function createOperationLimits(settings: OperationLimitSettings, onReject: (reason: OperationLimitReason) => void): OperationLimits {
  const count = (reason: OperationLimitReason) => [() => onReject(reason)];
  const armor = new ApolloArmor({
    maxDepth: { n: settings.maxDepth, exposeLimits: true, onReject: count('depth') },
    maxAliases: { n: settings.maxAliases, exposeLimits: true, onReject: count('aliases') },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  });
  const { plugins, validationRules } = armor.protect();
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

/** HTTP 400 naming the limit, what the operation cost and where most of it came from. */
export function operationTooExpensive(cost: number, maxCost: number, costliestPath: string): GraphQLError {
  const shown = Number.isFinite(cost) ? Math.round(cost) : cost;
  return new GraphQLError(
    `Cost limit of ${maxCost} exceeded (MAX_COST): the operation costs ${shown}; costliest path ${costliestPath}. Ask for smaller pages (take/first) or fewer nested lists.`,
    { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'MAX_COST', cost: shown, maxCost, costliestPath, http: { status: 400 } } },
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
    return /Document contains more th\w+ \d+ tokens/.test(message) ? { tooManyTokens: `Document exceeds the limit of ${maxTokens} tokens` } : { syntaxError: true };
  }
}
