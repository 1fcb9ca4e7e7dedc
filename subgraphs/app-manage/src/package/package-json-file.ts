import { BadUserInputError } from '@grove/platform';
import type { z } from 'zod';
import { MAX_MANIFEST_JSON_DEPTH, PackageProblem } from './package-manifest';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Page routes as manifests write them: relative, `/`-separated, no empty, `.` or `..` segments. */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const PAGE_ROUTE = /^(?!\/)(?!.*\/\/)(?!.*\/$)(?!.*(?:^|\/)\.{1,2}(?:\/|$))[^\\\u0000-\u001f]{1,255}$/;

/**
 * Parses a JSON file of the package (`manifest.json`, `app.json`) against `schema`. Every problem is a
 * MANIFEST_INVALID BadUserInputError naming the file and the offending members (dotted paths).
 */
export function parsePackageJson<S extends z.ZodType>(file: string, data: Buffer, schema: S): z.infer<S> {
  let value: unknown;
  try {
    const text = utf8.decode(data).replace(/^\uFEFF/, '');
    if (nestingDepth(text) > MAX_MANIFEST_JSON_DEPTH) {
      throw invalid(file, [
        { member: '(root)', message: `nested deeper than ${MAX_MANIFEST_JSON_DEPTH} levels` },
      ]);
    }
    value = JSON.parse(text);
  } catch (error) {
    if (error instanceof BadUserInputError) throw error;
    throw invalid(file, [{ member: '(root)', message: 'not valid UTF-8 JSON' }]);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw invalid(
      file,
      parsed.error.issues.map((issue) => ({
        member: issue.path.length ? issue.path.map(String).join('.') : '(root)',
        message: issue.message,
      })),
    );
  }
  return parsed.data;
}

/**
 * Deepest `[`/`{` nesting outside strings, found without parsing: a deeply nested document is refused
 * before JSON.parse builds it, and what is stored or served later stays shallow.
 */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

function invalid(file: string, problems: Array<{ member: string; message: string }>): BadUserInputError {
  const members = [...new Set(problems.map((p) => p.member))];
  return new BadUserInputError(`${file} is invalid: ${members.join(', ')}`, {
    reason: PackageProblem.MANIFEST_INVALID,
    file,
    members,
    problems,
  });
}

/** Files the layout needs that are not in the package, as one error with a stable reason. */
export function requireFiles(files: ReadonlyMap<string, number>, required: string[]): void {
  const missing = required.filter((file) => !files.has(file));
  if (missing.length) {
    throw new BadUserInputError(`The package lacks ${missing.join(', ')}`, {
      reason: PackageProblem.APP_FILE_MISSING,
      files: missing,
    });
  }
}
