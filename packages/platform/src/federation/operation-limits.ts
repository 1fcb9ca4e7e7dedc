import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, parse, type DocumentNode, type ValidationRule } from 'graphql';
import { z } from 'zod';

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
}

/**
 * Depth, alias and cost limits as graphql-armor validation rules: a violation is a validation error
 * (HTTP 400, GRAPHQL_VALIDATION_FAILED, message naming the limit). Armor's token limit is left off:
 * its Apollo plugin throws from `parsingDidStart`, which Apollo Server 5 turns into a 500; callers
 * enforce MAX_TOKENS while parsing (`parseWithTokenLimit`, graphql-js `maxTokens`).
 */
export function createOperationLimits(settings: OperationLimitSettings, onReject: (reason: OperationLimitReason) => void): OperationLimits {
  const count = (reason: OperationLimitReason) => [() => onReject(reason)];
  const armor = new ApolloArmor({
    maxDepth: { n: settings.maxDepth, exposeLimits: true, onReject: count('depth') },
    maxAliases: { n: settings.maxAliases, exposeLimits: true, onReject: count('aliases') },
    costLimit: { maxCost: settings.maxCost, exposeLimits: true, onReject: count('cost') },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules };
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
