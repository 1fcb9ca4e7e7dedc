import { LRUCache } from 'lru-cache';
import {
  EvaluationBudget,
  MATCHES_NOBODY,
  compileRule,
  inGrayAudience,
  type CompiledRule,
  type RuleContext,
} from '@grove/gray-rules';
import type { Logger } from '@grove/platform';
import type { RuntimeGrayPlan } from './runtime-sources';

/**
 * Decides per device whether the running release plan serves it the gray version, from the plan and rule cached per
 * app, with the rule engine's own `inGrayAudience` (so it agrees with ReleasePlanService.chooseVersion; a test
 * checks that too). Compiled rules are kept per rule version, refused ones too (as MATCHES_NOBODY) so a bad stored
 * rule is validated and logged once, not on every request.
 */
export class GrayPlanEvaluator {
  private readonly compiled = new LRUCache<string, CompiledRule>({ max: 1000 });
  /** Evaluations stopped by their budget (the device got the published version); each one is also logged. */
  budgetExhausted = 0;

  /**
   * `evaluationBudget`: steps one request may spend on its gray plan (one plan is evaluated per request); the
   * default, MAX_RULE_COST, is never reached by a rule the engine accepted.
   */
  constructor(
    private readonly logger: Logger,
    private readonly options: { evaluationBudget?: number } = {},
  ) {}

  matches(plan: RuntimeGrayPlan, context: RuleContext): boolean {
    const budget = new EvaluationBudget(this.options.evaluationBudget);
    const compiled = this.compile(plan);
    const matched = inGrayAudience(
      compiled,
      { id: plan.planId, percentage: plan.percentage },
      context,
      budget,
    );
    if (budget.exhausted) {
      this.budgetExhausted++;
      this.logger.warn(
        {
          ruleId: plan.rule.id,
          ruleVersion: plan.rule.version,
          planId: plan.planId,
          limit: budget.limit,
          cost: compiled.cost,
        },
        'gray rule evaluation budget exhausted; serving the published version',
      );
    }
    return matched;
  }

  private compile(plan: RuntimeGrayPlan): CompiledRule {
    const cacheKey = `${plan.rule.id}:${plan.rule.version}`;
    const cached = this.compiled.get(cacheKey);
    if (cached) return cached;
    try {
      const compiled = compileRule(plan.rule.definition);
      this.compiled.set(cacheKey, compiled);
      return compiled;
    } catch (error) {
      // A stored rule the engine no longer accepts (e.g. over today's limits) matches nobody: devices keep the
      // published version.
      this.logger.error(
        { err: error, ruleId: plan.rule.id, planId: plan.planId },
        'gray rule does not compile',
      );
      this.compiled.set(cacheKey, MATCHES_NOBODY);
      return MATCHES_NOBODY;
    }
  }
}
