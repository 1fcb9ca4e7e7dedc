import { BadUserInputError } from '@grove/platform';
import { z } from 'zod';
import { MiniProgramStatus } from '../store/mini-program.model';

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
export const appIdField = z
  .string()
  .trim()
  .regex(/^mp[0-9a-f]{16}$/, 'is not a mini-program app id');
export const reasonField = z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters');

const nameField = z.string().trim().min(1, 'is required').max(40, 'must be at most 40 characters');
const descriptionField = z.string().trim().max(500, 'must be at most 500 characters');
const categoryField = z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters');
const tagsField = z
  .array(z.string().trim().min(1, 'must not be empty').max(20, 'must be at most 20 characters'))
  .max(10, 'at most 10 tags')
  .transform((tags) => [...new Set(tags)]);

export const createMiniProgramSchema = z.object({
  orgId: idField,
  name: nameField,
  description: optional(descriptionField),
  category: optional(categoryField),
  tags: optional(tagsField).transform((tags) => tags ?? []),
});

/** Only the fields given change; null clears an optional field. */
export const updateMiniProgramSchema = z
  .object({
    name: optional(nameField),
    description: z.union([descriptionField, z.null()]).optional(),
    category: z.union([categoryField, z.null()]).optional(),
    tags: optional(tagsField),
  })
  .refine((v) => Object.values(v).some((field) => field !== undefined), { message: 'nothing to update' });

/** Bounds of the owner-set search fields (issue 10): a few aliases, a few pages, short texts. */
export const MAX_SEARCH_ALIASES = 5;
export const MAX_SEARCH_ALIAS_CHARS = 20;
export const MAX_SEARCHABLE_PAGES = 20;
export const MAX_PAGE_PATH_CHARS = 200;
export const MAX_PAGE_TITLE_CHARS = 40;
export const MAX_PAGE_TEXT_CHARS = 200;

/** A page path inside the package: `pages/index/index`, optionally with a query (`?id=1`); no scheme, no `..`. */
const PAGE_PATH = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*(\?[A-Za-z0-9_.~%=&-]*)?$/;

const searchAliasesField = z
  .array(
    z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(MAX_SEARCH_ALIAS_CHARS, `must be at most ${MAX_SEARCH_ALIAS_CHARS} characters`),
  )
  .max(MAX_SEARCH_ALIASES, `at most ${MAX_SEARCH_ALIASES} aliases`)
  .transform((aliases) => [...new Set(aliases)]);

const searchablePageField = z.object({
  path: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(MAX_PAGE_PATH_CHARS, `must be at most ${MAX_PAGE_PATH_CHARS} characters`)
    .regex(PAGE_PATH, 'must be a page path of the package such as pages/index/index')
    .refine((path) => !path.split('/').includes('..'), 'must not contain ..'),
  title: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(MAX_PAGE_TITLE_CHARS, `must be at most ${MAX_PAGE_TITLE_CHARS} characters`),
  text: optional(
    z.string().trim().max(MAX_PAGE_TEXT_CHARS, `must be at most ${MAX_PAGE_TEXT_CHARS} characters`),
  ).transform((text) => text ?? ''),
});

const searchablePagesField = z
  .array(searchablePageField)
  .max(MAX_SEARCHABLE_PAGES, `at most ${MAX_SEARCHABLE_PAGES} pages`)
  .refine((pages) => new Set(pages.map((page) => page.path)).size === pages.length, 'must not repeat a path');

/** Only the fields given change; `pages` and `aliases` replace the whole list. */
export const miniProgramSearchSettingsSchema = z
  .object({
    aliases: optional(searchAliasesField),
    pages: optional(searchablePagesField),
    searchable: optional(z.boolean()),
  })
  .refine((v) => Object.values(v).some((field) => field !== undefined), { message: 'nothing to update' });

export const pagingSchema = z.object({
  skip: optional(z.number().int().min(0).max(100_000)).transform((v) => v ?? 0),
  take: optional(z.number().int().min(1).max(100)).transform((v) => v ?? 20),
  /** A cursor; keysetPage checks it against the order. */
  after: optional(z.string()),
  /** `{ field, direction }`; listOrder checks it against the list's orders. */
  orderBy: optional(z.object({ field: z.string(), direction: z.string() })),
});

export const miniProgramListSchema = pagingSchema.extend({
  /** Absent: every organization's (operators only). */
  orgId: optional(idField),
  status: optional(z.enum(Object.values(MiniProgramStatus) as [MiniProgramStatus, ...MiniProgramStatus[]])),
  category: optional(categoryField),
  search: optional(z.string().trim().min(1).max(40)),
});

export const versionNameField = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(32, 'must be at most 32 characters')
  .regex(/^[0-9A-Za-z][0-9A-Za-z.+_-]*$/, 'may contain letters, digits and . + _ -');

export const uploadVersionSchema = z.object({
  appId: appIdField,
  versionName: optional(versionNameField),
  releaseNotes: optional(z.string().trim().max(2000, 'must be at most 2000 characters')),
});

export const grayReleaseSchema = z.object({
  grayPercentage: optional(z.number().int().min(0).max(100)),
  grayRuleId: optional(idField),
});

// ---- host apps

/** iOS CFBundleIdentifier: reverse-DNS of letters, digits, '-' and '.'. */
const IOS_BUNDLE_ID = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
/** Android applicationId: at least two segments, each starting with a letter; letters, digits, '_'. */
const ANDROID_PACKAGE = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/;
/** HarmonyOS bundleName: reverse domain, 7-128 characters, letters, digits, '_' and '.', starts with a letter. */
const HARMONY_BUNDLE = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/;

export const MAX_IDS_PER_PLATFORM = 2;

function platformIds(pattern: RegExp, what: string, lengths: { min: number; max: number }) {
  return z
    .array(
      z
        .string()
        .trim()
        .min(lengths.min, `must be at least ${lengths.min} characters`)
        .max(lengths.max, `must be at most ${lengths.max} characters`)
        .regex(pattern, `is not a valid ${what}`),
    )
    .max(MAX_IDS_PER_PLATFORM, `at most ${MAX_IDS_PER_PLATFORM} per platform`)
    .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, 'must not repeat');
}

const hostAppPlatforms = {
  iosBundleIds: optional(platformIds(IOS_BUNDLE_ID, 'iOS bundle id', { min: 3, max: 155 })),
  androidPackageNames: optional(platformIds(ANDROID_PACKAGE, 'Android package name', { min: 3, max: 150 })),
  harmonyBundleNames: optional(platformIds(HARMONY_BUNDLE, 'HarmonyOS bundle name', { min: 7, max: 128 })),
};

const hostAppNameField = z.string().trim().min(1, 'is required').max(60, 'must be at most 60 characters');

export const createHostAppSchema = z
  .object({ orgId: idField, name: hostAppNameField, ...hostAppPlatforms })
  .transform((v) => ({
    ...v,
    iosBundleIds: v.iosBundleIds ?? [],
    androidPackageNames: v.androidPackageNames ?? [],
    harmonyBundleNames: v.harmonyBundleNames ?? [],
  }))
  .refine((v) => v.iosBundleIds.length + v.androidPackageNames.length + v.harmonyBundleNames.length > 0, {
    message: 'at least one bundle id or package name is required',
    path: ['iosBundleIds'],
  });

export const updateHostAppSchema = z
  .object({ name: optional(hostAppNameField), ...hostAppPlatforms })
  .refine((v) => Object.values(v).some((field) => field !== undefined), { message: 'nothing to update' });

export const LinkDirection = { INCOMING: 'INCOMING', OUTGOING: 'OUTGOING' } as const;
export type LinkDirection = (typeof LinkDirection)[keyof typeof LinkDirection];
