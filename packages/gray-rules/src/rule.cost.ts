import { MAX_REGEX_INPUT_LENGTH } from './safe-regex';

/**
 * Evaluation cost, in steps: one step is about one automaton instruction applied to one input character.
 * Validation sums the worst case of every condition and refuses rules above MAX_RULE_COST, so the evaluation time
 * of any accepted rule is bounded by construction; evaluate() also charges an EvaluationBudget as it goes, as a
 * defence in depth (a rule that gets past validation somehow still cannot hold the event loop).
 */

/** eq, in, notIn, range, percentage: one pass over a context value of at most 256 characters (compare, hash, parse). */
export const CONDITION_COST = 256;
/** Per-character work of a regex test beyond its program (the DFA/NFA loop itself). */
export const REGEX_STEP_OVERHEAD = 16;
/**
 * Worst case allowed per rule: e.g. 10 regexes of up to ~60 instructions (typical ones have 10-30), or 3 of
 * ~240, next to plain conditions. Regex search measured at <= ~10 ns per step (bench/gray-rules.ts), so an
 * accepted rule cannot take much more than a millisecond, whatever the request sends.
 */
export const MAX_RULE_COST = 100_000;

/** A regex test on a value of inputLength characters. */
export function regexCost(programSize: number, inputLength: number): number {
  return (programSize + REGEX_STEP_OVERHEAD) * (inputLength + 1);
}

/** The most one condition can cost: a regex on the longest value it may run on, anything else CONDITION_COST. */
export function worstConditionCost(regexProgramSize?: number): number {
  return regexProgramSize === undefined
    ? CONDITION_COST
    : regexCost(regexProgramSize, MAX_REGEX_INPUT_LENGTH);
}

/**
 * Steps one request may spend evaluating gray rules. Past the limit the evaluation stops and the rule does not
 * match; `exhausted` tells the caller to log it. Default limit: MAX_RULE_COST, which an accepted rule never exceeds.
 */
export class EvaluationBudget {
  used = 0;
  exhausted = false;

  constructor(readonly limit: number = MAX_RULE_COST) {}

  /** Spends steps; false (and exhausted from then on) when they would exceed the limit. */
  charge(steps: number): boolean {
    if (this.exhausted || this.used + steps > this.limit) {
      this.exhausted = true;
      return false;
    }
    this.used += steps;
    return true;
  }
}
