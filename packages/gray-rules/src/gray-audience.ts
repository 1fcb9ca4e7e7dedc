import type { CompiledRule } from './rule.compiler';
import type { EvaluationBudget } from './rule.cost';
import type { RuleContext } from './rule.types';
import { inRollout } from './bucket';

/**
 * Whether a release plan serves its gray version to a device: the rule must match and, below 100%, the device
 * (or, without a device id, the user) must fall in the plan's stable bucket. One definition for the rule engine's
 * own choice and for the SDK runtime, which evaluates cached plans without calling the subgraph. `budget`: the
 * request's evaluation budget (see CompiledRule.evaluate).
 */
export function inGrayAudience(
  rule: CompiledRule,
  plan: { id: string; percentage: number },
  context: RuleContext,
  budget?: EvaluationBudget,
): boolean {
  if (!rule.evaluate(context, budget)) return false;
  if (plan.percentage >= 100) return true;
  const unit = context.deviceId || context.userId;
  // The plan id in the salt gives each plan its own cohort; raising the percentage keeps earlier devices in it.
  return Boolean(unit) && inRollout(`${rule.salt}:${plan.id}`, unit as string, plan.percentage);
}
