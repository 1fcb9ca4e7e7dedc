import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';
import type { RejectionReason } from './router-metrics';

export interface OperationLimitSettings {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

export interface OperationLimits {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
}

/**
 * Depth, alias and cost limits as graphql-armor validation rules: a violation is a validation error
 * (HTTP 400, GRAPHQL_VALIDATION_FAILED, message naming the limit). Armor's token limit is left off:
 * its Apollo plugin throws from `parsingDidStart`, which Apollo Server 5 turns into a 500; the router
 * enforces MAX_TOKENS itself while it parses the document before Apollo (graphql-js `maxTokens`).
 */
export function createOperationLimits(settings: OperationLimitSettings, onReject: (reason: RejectionReason) => void): OperationLimits {
  const count = (reason: RejectionReason) => [() => onReject(reason)];
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
