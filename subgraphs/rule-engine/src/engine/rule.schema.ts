import { z } from 'zod';
import { BadUserInputError } from '@grove/platform';
import { regexProblem } from './safe-regex';
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

export const MAX_RULE_DEPTH = 8;
export const MAX_RULE_CONDITIONS = 500;
export const MAX_GROUP_SIZE = 100;
export const MAX_LIST_SIZE = 10_000;
export const MAX_STRING_LENGTH = 256;

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
const regexValue = z.string().superRefine((pattern, ctx) => {
  const problem = regexProblem(pattern);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

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
    const counter = { conditions: 0 };
    validateNode(parsed.data.match, ['match'], 1, counter, problems);
    if (counter.conditions > MAX_RULE_CONDITIONS) {
      problems.push({
        path: 'match',
        message: `a rule may contain at most ${MAX_RULE_CONDITIONS} conditions`,
      });
    }
  }
  if (problems.length > 0) {
    throw new BadUserInputError(`Invalid gray release rule: ${problems.length} problem(s)`, { problems });
  }
  return input as GrayRule;
}

function validateNode(
  node: unknown,
  path: (string | number)[],
  depth: number,
  counter: { conditions: number },
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
    children.forEach((child, i) => validateNode(child, [...path, key, i], depth + 1, counter, problems));
    return;
  }
  counter.conditions++;
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
  const checked = valueSchema.safeParse(value);
  if (!checked.success) collect(problems, [...path, 'value'], checked.error);
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
