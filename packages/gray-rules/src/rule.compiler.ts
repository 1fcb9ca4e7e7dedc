import { compare as compareSemver, type SemVer } from 'semver';
import { bucketOf } from './bucket';
import { CONDITION_COST, EvaluationBudget, regexCost, worstConditionCost } from './rule.cost';
import { MAX_REGEX_INPUT_LENGTH, compileRegex, searchRegex, type RuleRegex } from './safe-regex';
import { fieldKindOf, validateRule } from './rule.schema';
import {
  CUSTOM_FIELD_PREFIX,
  isGroup,
  type BuiltInField,
  type FieldKind,
  type GrayRule,
  type RangeValue,
  type RuleCondition,
  type RuleContext,
  type RuleNode,
  type ScalarValue,
} from './rule.types';
import { parseVersion, parseVersionCached } from './version';

export interface CompiledRule {
  readonly salt: string;
  /** Worst-case evaluation steps (rule.cost.ts); validation keeps it at most MAX_RULE_COST. */
  readonly cost: number;
  /**
   * Pure and allocation-light: every set, regex and version bound was prepared by compileRule(). Charges `budget`
   * (a fresh MAX_RULE_COST one by default; pass one per request to share it) and does not match once it is exhausted.
   */
  evaluate(context: RuleContext, budget?: EvaluationBudget): boolean;
}

/** What a stored rule the engine no longer accepts compiles to: it matches nobody. */
export const MATCHES_NOBODY: CompiledRule = Object.freeze({ salt: '', cost: 0, evaluate: () => false });

/** Per-call state: the percentage bucket is hashed at most once per evaluation. */
interface Evaluation {
  context: RuleContext;
  bucket: number | null | undefined;
  budget: EvaluationBudget;
}
type Predicate = (evaluation: Evaluation) => boolean;

/**
 * Validates (throws BadUserInputError) and compiles a rule once; evaluate() never parses the rule again.
 */
export function compileRule(input: unknown): CompiledRule {
  const rule: GrayRule = validateRule(input);
  const salt = rule.salt;
  const totals = { cost: 0 };
  const predicate = compileNode(rule.match, salt, totals);
  return {
    salt,
    cost: totals.cost,
    evaluate: (context, budget = new EvaluationBudget()) => {
      // Once the budget is exhausted every condition answers false, which `notIn` or `any` could still turn into a
      // match, so the final answer is masked.
      const matched = predicate({ context, bucket: undefined, budget });
      return matched && !budget.exhausted;
    },
  };
}

function compileNode(node: RuleNode, salt: string, totals: { cost: number }): Predicate {
  if (!isGroup(node)) {
    const test = ruleCompiler.condition(node, salt);
    if (node.op === 'regex') {
      totals.cost += worstConditionCost((test as RegexPredicate).programSize);
      return test; // charges by the length of the value it actually tests
    }
    totals.cost += CONDITION_COST;
    return (evaluation) => evaluation.budget.charge(CONDITION_COST) && test(evaluation);
  }
  if ('all' in node) {
    const children = node.all.map((child) => compileNode(child, salt, totals));
    return (evaluation) => {
      for (const child of children) if (!child(evaluation)) return false;
      return true;
    };
  }
  const children = node.any.map((child) => compileNode(child, salt, totals));
  return (evaluation) => {
    for (const child of children) {
      if (child(evaluation)) return true;
      if (evaluation.budget.exhausted) return false;
    }
    return false;
  };
}

type RegexPredicate = Predicate & { programSize: number };

/**
 * The compile steps, on an object so tests can count calls and prove evaluation never recompiles.
 * Conditions are assumed valid (validateRule ran first).
 */
export const ruleCompiler = {
  condition(condition: RuleCondition, salt: string): Predicate {
    const kind = fieldKindOf(condition.field) as FieldKind;
    if (kind === 'percentage') return compilePercentage(condition.value as RangeValue<number>, salt);
    const read = valueReader(condition.field);
    switch (condition.op) {
      case 'eq':
        return compileEq(read, kind, condition.value as ScalarValue);
      case 'in':
      case 'notIn': {
        const matches = compileIn(read, kind, condition.value as ScalarValue[]);
        // A missing value is "not in" any list, so notIn is true for it.
        return condition.op === 'in' ? matches : (evaluation) => !matches(evaluation);
      }
      case 'range':
        return kind === 'version'
          ? compileVersionRange(read, condition.value as RangeValue<string>)
          : compileNumberRange(read, condition.value as RangeValue<number>);
      case 'regex': {
        const regex = ruleCompiler.regex(condition.value as string);
        const programSize = regex.programSize();
        const test: Predicate = (evaluation) => {
          const value = read(evaluation.context);
          if (value === undefined || value.length > MAX_REGEX_INPUT_LENGTH) return false;
          return evaluation.budget.charge(regexCost(programSize, value.length)) && searchRegex(regex, value);
        };
        return Object.assign(test, { programSize });
      }
    }
  },
  /** RE2JS: linear-time matching, whatever the pattern. */
  regex(pattern: string): RuleRegex {
    return compileRegex(pattern);
  },
};

type Reader = (context: RuleContext) => string | undefined;

/** Reads a field as a string (custom numbers/booleans stringified); empty strings count as missing. */
function valueReader(field: string): Reader {
  if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
    const key = field.slice(CUSTOM_FIELD_PREFIX.length);
    return (context) => {
      // Own keys only: `custom.constructor` must not read Object.prototype.constructor.
      const raw = context.custom && Object.hasOwn(context.custom, key) ? context.custom[key] : undefined;
      if (raw === undefined || raw === null || raw === '') return undefined;
      return String(raw);
    };
  }
  const name = field as BuiltInField;
  return (context) => {
    const raw = context[name as Exclude<BuiltInField, 'percentage'>];
    return typeof raw === 'string' && raw !== '' ? raw : undefined;
  };
}

function normalise(kind: FieldKind, value: ScalarValue): string {
  const text = String(value);
  if (kind === 'enum') return text.toLowerCase();
  if (kind === 'version') return (parseVersion(text) as SemVer).version;
  return text;
}

function compileEq(read: Reader, kind: FieldKind, expected: ScalarValue): Predicate {
  if (kind === 'version') {
    const target = parseVersion(String(expected)) as SemVer;
    return (evaluation) => {
      const actual = readVersion(read, evaluation);
      return actual !== null && compareSemver(actual, target) === 0;
    };
  }
  const target = normalise(kind, expected);
  if (kind === 'enum') return (evaluation) => read(evaluation.context)?.toLowerCase() === target;
  return (evaluation) => read(evaluation.context) === target;
}

function compileIn(read: Reader, kind: FieldKind, expected: ScalarValue[]): Predicate {
  const set = new Set(expected.map((value) => normalise(kind, value)));
  if (kind === 'version') {
    return (evaluation) => {
      const actual = readVersion(read, evaluation);
      return actual !== null && set.has(actual.version);
    };
  }
  const lower = kind === 'enum';
  return (evaluation) => {
    const actual = read(evaluation.context);
    return actual !== undefined && set.has(lower ? actual.toLowerCase() : actual);
  };
}

function compileVersionRange(read: Reader, range: RangeValue<string>): Predicate {
  const min = range.min === undefined ? null : (parseVersion(range.min) as SemVer);
  const max = range.max === undefined ? null : (parseVersion(range.max) as SemVer);
  return (evaluation) => {
    const actual = readVersion(read, evaluation);
    if (actual === null) return false;
    return (
      (min === null || compareSemver(actual, min) >= 0) && (max === null || compareSemver(actual, max) <= 0)
    );
  };
}

const NUMERIC = /^-?\d+(?:\.\d+)?$/;

function compileNumberRange(read: Reader, range: RangeValue<number>): Predicate {
  const min = range.min ?? -Infinity;
  const max = range.max ?? Infinity;
  return (evaluation) => {
    const actual = read(evaluation.context);
    if (actual === undefined || !NUMERIC.test(actual)) return false;
    const number = Number(actual);
    return number >= min && number <= max;
  };
}

function compilePercentage(range: RangeValue<number>, salt: string): Predicate {
  const min = range.min ?? 0;
  const max = range.max ?? 100;
  return (evaluation) => {
    if (evaluation.bucket === undefined) {
      // Devices are the unit of a gray release; fall back to the user when the SDK sends no device id.
      const id = evaluation.context.deviceId || evaluation.context.userId;
      evaluation.bucket = id ? bucketOf(salt, id) : null;
    }
    return evaluation.bucket !== null && evaluation.bucket >= min && evaluation.bucket <= max;
  };
}

function readVersion(read: Reader, evaluation: Evaluation): SemVer | null {
  const raw = read(evaluation.context);
  return raw === undefined ? null : parseVersionCached(raw);
}
