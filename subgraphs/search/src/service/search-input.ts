import { BadUserInputError } from '@grove/platform';
import { z } from 'zod';
import { CatalogueStatus } from '../engine/search-engine.port';

/** Longest query: a few words (FinClip's search box); a longer one is BAD_USER_INPUT, not cut silently. */
export const MAX_QUERY_CHARS = 64;
export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 20;
/** Deepest hit a page may start at: beyond it people refine the query (and the cost of a page stays bounded). */
export const MAX_OFFSET = 1_000;
const MAX_FILTER_VALUES = 50;

/** GraphQL sends null for omitted nullable inputs; treat null like absent. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === null ? undefined : v), schema.optional());
const values = <T extends z.ZodType>(item: T) =>
  optional(z.array(item).max(MAX_FILTER_VALUES, `at most ${MAX_FILTER_VALUES} values`));
const id = z.string().trim().min(1, 'must not be empty').max(64, 'is too long');

export const searchTextSchema = z.preprocess(
  (v) => (v === null ? '' : v),
  z.string().max(MAX_QUERY_CHARS, `must be at most ${MAX_QUERY_CHARS} characters`),
);

export const searchFilterSchema = z.object({
  orgIds: values(id),
  categories: values(z.string().trim().min(1).max(40)),
  statuses: values(z.enum(Object.values(CatalogueStatus) as [CatalogueStatus, ...CatalogueStatus[]])),
});

export const searchPageSchema = z.object({
  offset: optional(z.number().int().min(0).max(MAX_OFFSET, `must be at most ${MAX_OFFSET}`)).transform(
    (v) => v ?? 0,
  ),
  limit: optional(z.number().int().min(1).max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)).transform(
    (v) => v ?? DEFAULT_PAGE_SIZE,
  ),
});

export const searchInputSchema = z.object({
  text: searchTextSchema,
  filter: optional(searchFilterSchema).transform((v) => v ?? {}),
  page: optional(searchPageSchema).transform((v) => v ?? { offset: 0, limit: DEFAULT_PAGE_SIZE }),
});
export type SearchInput = z.infer<typeof searchInputSchema>;

/** Parses service input; every problem is reported at once as BAD_USER_INPUT with the field names. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || 'input'))];
  const reasons = result.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`);
  throw new BadUserInputError(`Invalid input: ${reasons.join('; ')}`, { fields });
}
