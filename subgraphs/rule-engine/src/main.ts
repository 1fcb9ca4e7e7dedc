import 'reflect-metadata';
import { createLicenseGuard, licensePublicKeyFromEnv } from '@grove/contracts';
import { runSubgraphService } from '@grove/platform';
import { ruleEngineEnvSchema, ruleEngineSettingsFromConfig } from './config';
import { createRuleEngineSubgraph } from './rule-engine.subgraph';
import { CONCURRENT_GRAY_RELEASES_FILTER, ReleasePlanModel } from './store/release-plan.model';

/**
 * Distributed mode: the rule-engine subgraph as its own service on RULE_ENGINE_PORT (4106). It enforces the license's
 * concurrent gray releases itself, from the shared documents store (ADR 0005).
 */
runSubgraphService({
  name: 'rule-engine',
  schema: ruleEngineEnvSchema,
  address: (config) => ({ host: config.RULE_ENGINE_HOST, port: config.RULE_ENGINE_PORT }),
  build: async (runtime, config, env) => {
    const license = createLicenseGuard(runtime, {
      publicKeyPem: licensePublicKeyFromEnv(env),
      owned: { concurrentGrayReleases: { model: ReleasePlanModel, filter: CONCURRENT_GRAY_RELEASES_FILTER } },
    });
    await license.reconcile();
    return createRuleEngineSubgraph(runtime, { settings: ruleEngineSettingsFromConfig(config), license });
  },
});
