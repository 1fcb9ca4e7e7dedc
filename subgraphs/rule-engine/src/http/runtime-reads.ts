import type { RuntimeReadsOf } from '@grove/contracts';
import type { GrayRuleService } from '../service/gray-rule.service';
import type { ReleasePlanService } from '../service/release-plan.service';

/** The running release plan of a mini-program and its rule, for the SDK runtime's gray choice. */
export function ruleEngineRuntimeReads(
  plans: Pick<ReleasePlanService, 'livePlanOf'>,
  rules: Pick<GrayRuleService, 'ruleById'>,
): RuntimeReadsOf<'rule-engine'> {
  return {
    async grayPlan({ appId }) {
      const live = await plans.livePlanOf(appId);
      if (!live) return null;
      const rule = await rules.ruleById(live.ruleId);
      if (!rule) return null;
      return {
        planId: live.id,
        state: live.state,
        percentage: live.percentage,
        grayVersionId: live.grayVersionId,
        rule: { id: rule.id, version: rule.version, definition: rule.rule },
      };
    },
  };
}
