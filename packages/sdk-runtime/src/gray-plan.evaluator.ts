import { LRUCache } from 'lru-cache';
import { compileRule, inGrayAudience, type CompiledRule, type RuleContext } from '@grove/rule-engine';
import type { Logger } from '@grove/platform';
import type { RuntimeGrayPlan } from './runtime-sources';

/**
 * Decides per device whether the running release plan serves it the gray version, from the plan and rule cached per
 * app, with the rule engine's own `inGrayAudience` (so it agrees with ReleasePlanService.chooseVersion; a test
 * checks that too). Compiled rules are kept per rule version.
 */
export class GrayPlanEvaluator {
  private readonly compiled = new LRUCache<string, CompiledRule>({ max: 1000 });

  constructor(private readonly logger: Logger) {}

  matches(plan: RuntimeGrayPlan, context: RuleContext): boolean {
    const compiled = this.compile(plan);
    return compiled !== null && inGrayAudience(compiled, { id: plan.planId, percentage: plan.percentage }, context);
  }

  private compile(plan: RuntimeGrayPlan): CompiledRule | null {
    const cacheKey = `${plan.rule.id}:${plan.rule.version}`;
    const cached = this.compiled.get(cacheKey);
    if (cached) return cached;
    try {
      const compiled = compileRule(plan.rule.definition);
      this.compiled.set(cacheKey, compiled);
      return compiled;
    } catch (error) {
      // A stored rule the engine no longer accepts matches nobody: devices keep the published version.
      this.logger.error({ err: error, ruleId: plan.rule.id, planId: plan.planId }, 'gray rule does not compile');
      return null;
    }
  }
}
