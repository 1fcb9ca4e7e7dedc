import { BadUserInputError, ConflictError } from '@grove/platform';

/**
 * A phased gray release: the percentage only goes up while ACTIVE; PAUSED freezes it (devices already
 * in the gray cohort keep the gray version, nobody new joins). Completing is a request to the version's owner
 * (app-manage): COMPLETING keeps the cohort until app-manage confirms that the version is published (COMPLETED)
 * or refuses (FAILED, e.g. the version was delisted meanwhile). REVERTED sends gray devices back to the published
 * version. COMPLETED, REVERTED and FAILED are final.
 */
export const ReleasePlanState = {
  ACTIVE: 'ACTIVE',
  PAUSED: 'PAUSED',
  COMPLETING: 'COMPLETING',
  COMPLETED: 'COMPLETED',
  REVERTED: 'REVERTED',
  FAILED: 'FAILED',
} as const;
export type ReleasePlanState = (typeof ReleasePlanState)[keyof typeof ReleasePlanState];

/** What a user can do to a plan; `confirm` and `fail` come from app-manage's answer to a completion. */
export type ReleasePlanAction = 'raise' | 'pause' | 'resume' | 'complete' | 'revert' | 'confirm' | 'fail';

/** States in which a plan still holds its mini-program's gray slot (and a license gray release). */
export const RUNNING_PLAN_STATES: readonly ReleasePlanState[] = ['ACTIVE', 'PAUSED', 'COMPLETING'];

export interface ReleasePlan {
  state: ReleasePlanState;
  /** Share of devices in the gray cohort, 0 < percentage <= 100, two decimals at most. */
  percentage: number;
}

const ALLOWED_FROM: Record<ReleasePlanAction, readonly ReleasePlanState[]> = {
  raise: ['ACTIVE'],
  pause: ['ACTIVE'],
  resume: ['PAUSED'],
  complete: ['ACTIVE', 'PAUSED'],
  revert: ['ACTIVE', 'PAUSED'],
  confirm: ['COMPLETING'],
  fail: ['ACTIVE', 'PAUSED', 'COMPLETING'],
};

export function canApply(plan: ReleasePlan, action: ReleasePlanAction): boolean {
  return ALLOWED_FROM[action].includes(plan.state);
}

/** Starts an ACTIVE plan at the given percentage. */
export function startReleasePlan(percentage: number): ReleasePlan {
  assertPercentage(percentage);
  return { state: 'ACTIVE', percentage };
}

/** Raises the percentage of an ACTIVE plan; lowering or keeping it is a ConflictError (use revert). */
export function raisePercentage<P extends ReleasePlan>(plan: P, percentage: number): P {
  assertPercentage(percentage);
  assertAllowed(plan, 'raise');
  if (percentage <= plan.percentage) {
    throw new ConflictError(
      `A release plan only goes up: ${percentage}% is not above the current ${plan.percentage}%`,
      {
        reason: 'PERCENTAGE_NOT_RAISED',
        current: plan.percentage,
        requested: percentage,
      },
    );
  }
  return { ...plan, percentage };
}

export function pause<P extends ReleasePlan>(plan: P): P {
  return transition(plan, 'pause', 'PAUSED');
}
export function resume<P extends ReleasePlan>(plan: P): P {
  return transition(plan, 'resume', 'ACTIVE');
}
/** Asks app-manage to publish the gray version; the plan is COMPLETED only once it did. */
export function complete<P extends ReleasePlan>(plan: P): P {
  return transition(plan, 'complete', 'COMPLETING');
}
export function confirmCompletion<P extends ReleasePlan>(plan: P): P {
  return transition(plan, 'confirm', 'COMPLETED');
}
/** The version's owner refused the plan (its version cannot be gray-released or published any more). */
export function fail<P extends ReleasePlan>(plan: P): P {
  return transition(plan, 'fail', 'FAILED');
}
export function revert<P extends ReleasePlan>(plan: P): P {
  return transition(plan, 'revert', 'REVERTED');
}

/** Share of devices that should get the gray version right now. */
export function effectivePercentage(plan: ReleasePlan): number {
  switch (plan.state) {
    case 'ACTIVE':
    case 'PAUSED':
    case 'COMPLETING':
      return plan.percentage;
    case 'COMPLETED':
      return 100;
    case 'REVERTED':
    case 'FAILED':
      return 0;
  }
}

function transition<P extends ReleasePlan>(plan: P, action: ReleasePlanAction, to: ReleasePlanState): P {
  assertAllowed(plan, action);
  return { ...plan, state: to };
}

function assertAllowed(plan: ReleasePlan, action: ReleasePlanAction): void {
  if (!canApply(plan, action)) {
    throw new ConflictError(`Cannot ${action} a release plan that is ${plan.state}`, {
      reason: 'ILLEGAL_TRANSITION',
      action,
      state: plan.state,
    });
  }
}

function assertPercentage(percentage: number): void {
  const ok =
    typeof percentage === 'number' &&
    Number.isFinite(percentage) &&
    percentage > 0 &&
    percentage <= 100 &&
    Math.abs(percentage * 100 - Math.round(percentage * 100)) < 1e-9;
  if (!ok) {
    throw new BadUserInputError(
      'Release percentage must be above 0 and at most 100, with at most two decimals',
      {
        percentage,
      },
    );
  }
}
