export * from './rule.types';
export {
  validateRule,
  fieldKindOf,
  type RuleProblem,
  MAX_RULE_DEPTH,
  MAX_RULE_CONDITIONS,
  MAX_LIST_SIZE,
} from './rule.schema';
export { compileRule, type CompiledRule } from './rule.compiler';
export { bucketOf, inRollout, percentageCondition } from './bucket';
export { inGrayAudience } from './gray-audience';
export { parseVersion } from './version';
export { MAX_REGEX_LENGTH, MAX_REGEX_INPUT_LENGTH, MAX_QUANTIFIERS } from './safe-regex';
export * from './release-plan';
