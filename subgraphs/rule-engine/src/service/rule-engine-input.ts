import { BadUserInputError } from '@grove/platform';
import { z } from 'zod';

/** Parses service input; every problem is reported at once as BAD_USER_INPUT with the field names. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || 'input'))];
  const reasons = result.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`);
  throw new BadUserInputError(`Invalid input: ${reasons.join('; ')}`, { fields });
}

/** GraphQL sends null for omitted nullable inputs; treat null like absent. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === null ? undefined : v), schema.optional());
}

export const idField = z.string().trim().min(1, 'is required').max(100, 'is too long');
const nameField = z.string().trim().min(1, 'is required').max(60, 'must be at most 60 characters');
const descriptionField = z.string().trim().max(500, 'must be at most 500 characters');

/** The rule itself is checked by validateRule, which reports its own problems with paths. */
export const createGrayRuleSchema = z.object({
  appId: idField,
  name: nameField,
  description: optional(descriptionField),
  rule: z.unknown(),
});

export const updateGrayRuleSchema = z
  .object({
    expectedVersion: z.number().int().min(1),
    name: optional(nameField),
    description: z.union([descriptionField, z.null()]).optional(),
    rule: optional(z.unknown()),
  })
  .refine((v) => v.name !== undefined || v.description !== undefined || v.rule !== undefined, {
    message: 'nothing to update',
  });

export const startReleasePlanSchema = z.object({
  appId: idField,
  grayVersionId: idField,
  ruleId: idField,
  /** Range and precision are checked by startReleasePlan. */
  percentage: z.number(),
});
