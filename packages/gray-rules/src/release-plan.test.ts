import { BadUserInputError, ConflictError } from '@grove/platform';
import {
  canApply,
  complete,
  confirmCompletion,
  effectivePercentage,
  fail,
  pause,
  raisePercentage,
  resume,
  revert,
  startReleasePlan,
  type ReleasePlan,
  type ReleasePlanAction,
  type ReleasePlanState,
} from './release-plan';

const plan = (state: ReleasePlanState, percentage = 10): ReleasePlan => ({ state, percentage });
const apply: Record<ReleasePlanAction, (p: ReleasePlan) => ReleasePlan> = {
  raise: (p) => raisePercentage(p, 50),
  pause,
  resume,
  complete,
  revert,
  confirm: confirmCompletion,
  fail,
};

// Every (state, action) pair: the expected next state, or null when the transition is illegal.
const TABLE: Record<ReleasePlanState, Record<ReleasePlanAction, ReleasePlanState | null>> = {
  ACTIVE: {
    raise: 'ACTIVE',
    pause: 'PAUSED',
    resume: null,
    complete: 'COMPLETING',
    revert: 'REVERTED',
    confirm: null,
    fail: 'FAILED',
  },
  PAUSED: {
    raise: null,
    pause: null,
    resume: 'ACTIVE',
    complete: 'COMPLETING',
    revert: 'REVERTED',
    confirm: null,
    fail: 'FAILED',
  },
  // Once completion was requested only app-manage's answer moves the plan: no revert behind its back.
  COMPLETING: {
    raise: null,
    pause: null,
    resume: null,
    complete: null,
    revert: null,
    confirm: 'COMPLETED',
    fail: 'FAILED',
  },
  COMPLETED: {
    raise: null,
    pause: null,
    resume: null,
    complete: null,
    revert: null,
    confirm: null,
    fail: null,
  },
  REVERTED: {
    raise: null,
    pause: null,
    resume: null,
    complete: null,
    revert: null,
    confirm: null,
    fail: null,
  },
  FAILED: { raise: null, pause: null, resume: null, complete: null, revert: null, confirm: null, fail: null },
};
const cases = Object.entries(TABLE).flatMap(([state, row]) =>
  Object.entries(row).map(
    ([action, next]) => [state as ReleasePlanState, action as ReleasePlanAction, next] as const,
  ),
);

describe('release plan state machine', () => {
  it.each(cases.filter(([, , next]) => next !== null))('%s --%s--> %s', (state, action, next) => {
    const before = plan(state);
    const after = apply[action](before);
    expect(after.state).toBe(next);
    expect(canApply(before, action)).toBe(true);
    expect(before).toEqual(plan(state)); // pure: the input is not mutated
  });

  it.each(cases.filter(([, , next]) => next === null))('%s --%s--> ConflictError', (state, action) => {
    const before = plan(state);
    expect(canApply(before, action)).toBe(false);
    let error: unknown;
    try {
      apply[action](before);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).details).toMatchObject({ reason: 'ILLEGAL_TRANSITION', action, state });
  });

  it('starts ACTIVE and raises only upwards, keeping other fields', () => {
    const started = { ...startReleasePlan(5), id: 'rp1' };
    expect(started).toEqual({ state: 'ACTIVE', percentage: 5, id: 'rp1' });
    const raised = raisePercentage(started, 20);
    expect(raised).toEqual({ state: 'ACTIVE', percentage: 20, id: 'rp1' });
    expect(raisePercentage(raised, 100).percentage).toBe(100);
    expect(() => raisePercentage(raised, 20)).toThrow(ConflictError);
    expect(() => raisePercentage(raised, 10)).toThrow(/only goes up/);
  });

  it.each([0, -5, 100.5, 33.333, Number.NaN, Number.POSITIVE_INFINITY])('refuses percentage %p', (pct) => {
    expect(() => startReleasePlan(pct)).toThrow(BadUserInputError);
    expect(() => raisePercentage(plan('ACTIVE', 0.01), pct)).toThrow(BadUserInputError);
  });

  it('reports the share of devices on the gray version per state', () => {
    expect(effectivePercentage(plan('ACTIVE', 30))).toBe(30);
    expect(effectivePercentage(plan('PAUSED', 30))).toBe(30);
    expect(effectivePercentage(plan('COMPLETING', 30))).toBe(30);
    expect(effectivePercentage(plan('COMPLETED', 30))).toBe(100);
    expect(effectivePercentage(plan('REVERTED', 30))).toBe(0);
    expect(effectivePercentage(plan('FAILED', 30))).toBe(0);
  });
});
