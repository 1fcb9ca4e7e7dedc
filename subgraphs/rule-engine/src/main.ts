import 'reflect-metadata';
import { runSubgraphService } from '@grove/platform';
import { ruleEngineEnvSchema, ruleEngineSettingsFromConfig } from './config';
import { createRuleEngineSubgraph } from './rule-engine.subgraph';

/**
 * Distributed mode: the rule-engine subgraph as its own service on RULE_ENGINE_PORT (4106). Without a license guard
 * here, concurrent gray releases are not license-limited; the embedded router passes the license guard.
 */
runSubgraphService({
  name: 'rule-engine',
  schema: ruleEngineEnvSchema,
  address: (config) => ({ host: config.RULE_ENGINE_HOST, port: config.RULE_ENGINE_PORT }),
  build: (runtime, config) =>
    createRuleEngineSubgraph(runtime, { settings: ruleEngineSettingsFromConfig(config) }),
});
