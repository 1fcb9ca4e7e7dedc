export * from './rule.types';
export {
  validateRule,
  fieldKindOf,
  type RuleProblem,
  MAX_RULE_DEPTH,
  MAX_RULE_CONDITIONS,
  MAX_REGEX_CONDITIONS,
  MAX_RULE_PATTERN_BYTES,
  MAX_LIST_SIZE,
  MAX_RULE_LIST_ITEMS,
} from './rule.schema';
export { compileRule, MATCHES_NOBODY, type CompiledRule } from './rule.compiler';
export { EvaluationBudget, MAX_RULE_COST } from './rule.cost';
export { bucketOf, inRollout, percentageCondition } from './bucket';
export { inGrayAudience } from './gray-audience';
export { parseVersion } from './version';
export { MAX_REGEX_LENGTH, MAX_REGEX_INPUT_LENGTH, MAX_REGEX_PROGRAM_SIZE } from './safe-regex';
export * from './release-plan';
