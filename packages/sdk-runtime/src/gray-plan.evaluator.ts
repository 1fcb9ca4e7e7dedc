import { LRUCache } from 'lru-cache';
import { compileRule, inRollout, type CompiledRule, type RuleContext } from '@grove/rule-engine';
import type { Logger } from '@grove/platform';
import type { RuntimeGrayPlan } from './runtime-sources';

/**
 * Decides per device whether the running release plan serves it the gray version, from the plan and rule cached per
 * app. Same semantics as ReleasePlanService.chooseVersion (asserted by a test against it): the rule must match, and
 * below 100% the device (or, without a device id, the user) must fall in the plan's stable percentage bucket.
 */
export class GrayPlanEvaluator {
  private readonly compiled = new LRUCache<string, CompiledRule>({ max: 1000 });

  constructor(private readonly logger: Logger) {}

  matches(plan: RuntimeGrayPlan, context: RuleContext): boolean {
    const compiled = this.compile(plan);
    if (!compiled || !compiled.evaluate(context)) return false;
    if (plan.percentage >= 100) return true;
    const unit = context.deviceId || context.userId;
    // The plan id in the salt gives each plan its own cohort; raising the percentage keeps earlier devices in it.
    return Boolean(unit) && inRollout(`${compiled.salt}:${plan.planId}`, unit as string, plan.percentage);
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
