import { BadUserInputError } from '@grove/platform';
import { valid as validSemver } from 'semver';
import { z } from 'zod';
import { SDK_PLATFORMS } from '../store/sdk-platform';

/** Parses service input; every problem is reported at once as BAD_USER_INPUT with the field names. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || 'input'))];
  const reasons = result.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`);
  throw new BadUserInputError(`Invalid input: ${reasons.join('; ')}`, { fields });
}

/** GraphQL and query strings send null or nothing for omitted values; treat null like absent. */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === null ? undefined : v), schema.optional());
}

export const idField = z.string().trim().min(1, 'is required').max(100, 'is too long');
export const reasonField = z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters');
export const notesField = z.string().trim().max(2000, 'must be at most 2000 characters');
export const platformField = z.enum(SDK_PLATFORMS, { message: `must be one of ${SDK_PLATFORMS.join(', ')}` });

/** A semantic version (`1.2.3`, `2.0.0-beta.1`), stored normalized so equal versions compare equal. */
export const semverField = z
  .string()
  .trim()
  .max(64, 'is too long')
  .refine((v) => validSemver(v) !== null, 'is not a semantic version (e.g. 1.2.3)')
  .transform((v) => validSemver(v)!);

/** One or more platforms, given as a list or a comma-separated string (query strings). */
export const platformsField = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((p) => p.trim().toUpperCase()) : v),
  z
    .array(platformField)
    .min(1, 'name at least one platform')
    .transform((list) => SDK_PLATFORMS.filter((p) => list.includes(p))),
);

/** Object keys a client names (SDK build artifacts): no traversal, no odd characters. */
export const objectKeyField = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(512, 'is too long')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'may contain letters, digits, ".", "_", "-" and "/"')
  .refine(
    (key) => !key.split('/').some((part) => part === '' || part === '.' || part === '..'),
    'must not contain empty, "." or ".." segments',
  );

export const pagingSchema = z.object({
  skip: optional(z.number().int().min(0).max(100_000)).transform((v) => v ?? 0),
  take: optional(z.number().int().min(1).max(100)).transform((v) => v ?? 20),
  /** A cursor; keysetPage checks it against the order. */
  after: optional(z.string()),
  /** `{ field, direction }`; listOrder checks it against the list's orders. */
  orderBy: optional(z.object({ field: z.string(), direction: z.string() })),
});
