export * from './engine';
export {
  createRuleEngineSubgraph,
  createRuleEngineSubgraphFromEnv,
  RULE_ENGINE_CONSUMER_GROUP,
  RULE_ENGINE_SUBGRAPH_NAME,
  type RuleEngineDeps,
  type RuleEngineServices,
  type RuleEngineSubgraph,
} from './rule-engine.subgraph';
export {
  defaultRuleEngineSettings,
  ruleEngineEnvSchema,
  ruleEngineEnvShape,
  ruleEngineSettingsFromConfig,
  DEFAULT_COMPILED_RULE_CACHE_SIZE,
  type RuleEngineConfig,
  type RuleEngineSettings,
} from './config';
export {
  ReleasePlanService,
  type GrayChoice,
  type GrayReleaseLicenseGuard,
} from './service/release-plan.service';
export { GrayRuleService } from './service/gray-rule.service';
export { CompiledRuleCache } from './service/compiled-rule.cache';
export {
  RULE_ENGINE_EVENTS_TOPIC,
  RuleEngineEventType,
  type RuleEnginePayload,
} from './service/rule-engine-events';
export type { GrayRuleView, ReleasePlanView } from './service/views';
export { ReleasePlanModel, CONCURRENT_GRAY_RELEASES_FILTER } from './store/release-plan.model';
export { GrayRuleModel } from './store/gray-rule.model';
export { RuleEngineMiniProgramModel } from './projection/rule-engine-mini-program.model';
