import { checkPlatformConfig, platformEnvShape } from '@grove/platform';
import { z } from 'zod';

export const DEFAULT_COMPILED_RULE_CACHE_SIZE = 5_000;

/** Environment of the standalone rule-engine service (distributed mode); the router reads the same names. */
export const ruleEngineEnvShape = {
  ...platformEnvShape,
  RULE_ENGINE_PORT: z.coerce.number().int().min(1).max(65535).default(4106),
  RULE_ENGINE_HOST: z.string().default('127.0.0.1'),
  /** Compiled rules kept in memory (by rule id + version). */
  RULE_ENGINE_COMPILED_CACHE_SIZE: z.coerce
    .number()
    .int()
    .min(10)
    .max(1_000_000)
    .default(DEFAULT_COMPILED_RULE_CACHE_SIZE),
};

export const ruleEngineEnvSchema = z
  .object(ruleEngineEnvShape)
  .superRefine((config, ctx) => checkPlatformConfig(config, ctx));
export type RuleEngineConfig = z.infer<typeof ruleEngineEnvSchema>;

export interface RuleEngineSettings {
  compiledRuleCacheSize: number;
}

export const defaultRuleEngineSettings: RuleEngineSettings = {
  compiledRuleCacheSize: DEFAULT_COMPILED_RULE_CACHE_SIZE,
};

export function ruleEngineSettingsFromConfig(config: RuleEngineConfig): RuleEngineSettings {
  return { compiledRuleCacheSize: config.RULE_ENGINE_COMPILED_CACHE_SIZE };
}
