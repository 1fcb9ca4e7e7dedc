import { z } from 'zod';
import { BadUserInputError } from '@grove/platform';
import { MAX_RULE_COST, worstConditionCost } from './rule.cost';
import { checkRegex } from './safe-regex';
import {
  BUILT_IN_FIELDS,
  CUSTOM_FIELD_PREFIX,
  OPERATORS_BY_KIND,
  RULE_OPERATORS,
  type FieldKind,
  type GrayRule,
  type RuleOperator,
} from './rule.types';
import { parseVersion } from './version';

// Limits keep both the stored rule and its evaluation small; docs/gray-rules.md explains them to rule authors.
export const MAX_RULE_DEPTH = 8;
export const MAX_RULE_CONDITIONS = 100;
export const MAX_GROUP_SIZE = 100;
/** Regexes are the expensive conditions; a rule targeting more than a few patterns is usually better as a list. */
export const MAX_REGEX_CONDITIONS = 10;
/** All patterns of a rule together, in UTF-8 bytes. */
export const MAX_RULE_PATTERN_BYTES = 1024;
export const MAX_LIST_SIZE = 10_000;
/** All in/notIn list items of a rule together: they are hashed into sets on every compile. */
export const MAX_RULE_LIST_ITEMS = 10_000;
export const MAX_STRING_LENGTH = 256;
/** A rule with more problems than this lists the first ones and a count of the rest. */
export const MAX_REPORTED_PROBLEMS = 100;

export interface RuleProblem {
  /** Dotted path into the submitted JSON, e.g. `match.all.1.value.min`. */
  path: string;
  message: string;
}

const CUSTOM_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

const ruleShape = z.strictObject({
  salt: z.string().min(1).max(128),
  match: z.unknown(),
});
const groupShape = z.union([
  z.strictObject({ all: z.array(z.unknown()).min(1).max(MAX_GROUP_SIZE) }),
  z.strictObject({ any: z.array(z.unknown()).min(1).max(MAX_GROUP_SIZE) }),
]);
const conditionShape = z.strictObject({
  field: z.string({ error: 'field must be a string' }),
  op: z.enum(RULE_OPERATORS, { error: `op must be one of ${RULE_OPERATORS.join(', ')}` }),
  value: z.unknown(),
});

const text = z.string().min(1).max(MAX_STRING_LENGTH);
const scalar = z.union([text, z.number(), z.boolean()], { error: 'expected a string, number or boolean' });
const versionText = text.refine((v) => parseVersion(v) !== null, { error: 'invalid semver version' });
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(MAX_LIST_SIZE);
const range = <T extends z.ZodType<string | number>>(
  bound: T,
  compare: (a: z.infer<T>, b: z.infer<T>) => number,
) =>
  z
    .strictObject({ min: bound.optional(), max: bound.optional() })
    .refine((r) => r.min !== undefined || r.max !== undefined, { error: 'range needs min, max or both' })
    .refine((r) => r.min === undefined || r.max === undefined || compare(r.min, r.max) <= 0, {
      error: 'range min must not be greater than max',
      path: ['min'],
    });
// Bounds that are not versions were already reported by versionText; do not report them twice.
const compareVersions = (a: string, b: string) => {
  const [min, max] = [parseVersion(a), parseVersion(b)];
  return min && max ? min.compare(max) : 0;
};
const compareNumbers = (a: number, b: number) => a - b;
// The pattern itself is compiled (once) by validateNode, which also needs its program size for the cost.
const regexValue = z.string({ error: 'regular expression must be a string' });

// One value schema per (field kind, operator) pair allowed by OPERATORS_BY_KIND.
const VALUE_SCHEMAS: Record<FieldKind, Partial<Record<RuleOperator, z.ZodType>>> = {
  text: { eq: text, in: list(text), notIn: list(text), regex: regexValue },
  enum: { eq: text, in: list(text), notIn: list(text), regex: regexValue },
  version: {
    eq: versionText,
    in: list(versionText),
    notIn: list(versionText),
    range: range(versionText, compareVersions),
    regex: regexValue,
  },
  custom: {
    eq: scalar,
    in: list(scalar),
    notIn: list(scalar),
    range: range(z.number(), compareNumbers),
    regex: regexValue,
  },
  percentage: { range: range(z.number().min(0).max(100), compareNumbers) },
};

/** The comparison kind of a field name, or null when the field is unknown. */
export function fieldKindOf(field: string): FieldKind | null {
  if (Object.prototype.hasOwnProperty.call(BUILT_IN_FIELDS, field))
    return BUILT_IN_FIELDS[field as keyof typeof BUILT_IN_FIELDS];
  if (field.startsWith(CUSTOM_FIELD_PREFIX) && CUSTOM_KEY.test(field.slice(CUSTOM_FIELD_PREFIX.length)))
    return 'custom';
  return null;
}

/**
 * Validates rule JSON (as saved by a console) and returns it typed. Every problem is reported at once,
 * each with its path, in a BadUserInputError (`details.problems`).
 */
export function validateRule(input: unknown): GrayRule {
  const problems: RuleProblem[] = [];
  const parsed = ruleShape.safeParse(input);
  if (!parsed.success) {
    collect(problems, [], parsed.error);
  } else {
    const totals: Totals = { conditions: 0, regexes: 0, patternBytes: 0, listItems: 0, cost: 0 };
    validateNode(parsed.data.match, ['match'], 1, totals, problems);
    problems.push(...limitProblems(totals));
  }
  if (problems.length > 0) {
    const count = problems.length;
    if (count > MAX_REPORTED_PROBLEMS) {
      problems.splice(MAX_REPORTED_PROBLEMS);
      problems.push({
        path: '(root)',
        message: `${count - MAX_REPORTED_PROBLEMS} more problem(s) not listed`,
      });
    }
    throw new BadUserInputError(`Invalid gray release rule: ${count} problem(s)`, { problems });
  }
  return input as GrayRule;
}

/** What the limits are checked against, summed over the whole rule. */
interface Totals {
  conditions: number;
  regexes: number;
  patternBytes: number;
  listItems: number;
  /** Worst-case evaluation steps (rule.cost.ts), over the conditions that are otherwise valid. */
  cost: number;
}

// Whole-rule limits, reported against `match` with the actual figure so the author knows how far over they are.
function limitProblems(totals: Totals): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const over = (value: number, max: number, message: string) => {
    if (value > max)
      problems.push({ path: 'match', message: `${message} (this rule: ${value}, at most ${max})` });
  };
  over(totals.conditions, MAX_RULE_CONDITIONS, 'too many conditions');
  over(totals.regexes, MAX_REGEX_CONDITIONS, 'too many regex conditions');
  over(totals.patternBytes, MAX_RULE_PATTERN_BYTES, 'regular expressions too long in total (UTF-8 bytes)');
  over(totals.listItems, MAX_RULE_LIST_ITEMS, 'too many in/notIn list items in total');
  over(
    totals.cost,
    MAX_RULE_COST,
    'estimated evaluation cost too high; use fewer or simpler regular expressions',
  );
  return problems;
}

function validateNode(
  node: unknown,
  path: (string | number)[],
  depth: number,
  totals: Totals,
  problems: RuleProblem[],
): void {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    problems.push({
      path: join(path),
      message: 'expected a condition {field, op, value} or a group {all: [...]} / {any: [...]}',
    });
    return;
  }
  if ('all' in node || 'any' in node) {
    if (depth > MAX_RULE_DEPTH) {
      problems.push({ path: join(path), message: `groups may be nested at most ${MAX_RULE_DEPTH} deep` });
      return;
    }
    const group = groupShape.safeParse(node);
    if (!group.success) {
      // Report against the branch the author meant (the key they used), not the union's alternatives.
      const key = 'all' in node ? 'all' : 'any';
      const branch = z
        .strictObject({ [key]: z.array(z.unknown()).min(1).max(MAX_GROUP_SIZE) })
        .safeParse(node);
      collect(problems, path, branch.success ? group.error : branch.error);
      return;
    }
    const [key, children] = Object.entries(group.data)[0] as [string, unknown[]];
    children.forEach((child, i) => validateNode(child, [...path, key, i], depth + 1, totals, problems));
    return;
  }
  totals.conditions++;
  const condition = conditionShape.safeParse(node);
  if (!condition.success) {
    collect(problems, path, condition.error);
    return;
  }
  const { field, op, value } = condition.data;
  const kind = fieldKindOf(field);
  if (kind === null) {
    problems.push({ path: join([...path, 'field']), message: `unknown field "${field}"` });
    return;
  }
  const valueSchema = VALUE_SCHEMAS[kind][op];
  if (!OPERATORS_BY_KIND[kind].includes(op) || !valueSchema) {
    problems.push({
      path: join([...path, 'op']),
      message: `operator "${op}" is not supported for field "${field}" (use ${OPERATORS_BY_KIND[kind].join(', ')})`,
    });
    return;
  }
  if (Array.isArray(value)) {
    // One problem for an oversized list, not one per item.
    if (value.length > MAX_LIST_SIZE) {
      problems.push({
        path: join([...path, 'value']),
        message: `a list may contain at most ${MAX_LIST_SIZE} items`,
      });
      return;
    }
    totals.listItems += value.length;
    // Validation runs on the request path too: past the rule-wide limit (reported once), items are not checked.
    if (totals.listItems > MAX_RULE_LIST_ITEMS) return;
  }
  const checked = valueSchema.safeParse(value);
  if (!checked.success) {
    collect(problems, [...path, 'value'], checked.error);
    return;
  }
  if (op !== 'regex') {
    totals.cost += worstConditionCost();
    return;
  }
  const pattern = value as string;
  totals.regexes++;
  totals.patternBytes += Buffer.byteLength(pattern, 'utf8');
  // Compiling is the costly part of validation: past the limit (reported once) patterns are not compiled.
  if (totals.regexes > MAX_REGEX_CONDITIONS) return;
  const regex = checkRegex(pattern);
  if (regex.problem !== null) problems.push({ path: join([...path, 'value']), message: regex.problem });
  else totals.cost += worstConditionCost(regex.regex.programSize());
}

function collect(problems: RuleProblem[], prefix: (string | number)[], error: z.ZodError): void {
  for (const issue of error.issues) {
    problems.push({
      path: join([...prefix, ...(issue.path as (string | number)[])]),
      message: issue.message,
    });
  }
}

function join(path: (string | number)[]): string {
  return path.length === 0 ? '(root)' : path.join('.');
}
