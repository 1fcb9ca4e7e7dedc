import { SemVer, parse } from 'semver';

// Loose input accepted from SDKs and consoles: `14`, `17.4`, `v2.1.3`, `3.0.0-beta.1`.
const LOOSE_VERSION =
  /^v?(0|[1-9]\d*)(?:\.(0|[1-9]\d*))?(?:\.(0|[1-9]\d*))?(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const MAX_VERSION_LENGTH = 64;

/** Parses a version, padding missing minor/patch with 0; null when it is not a version. */
export function parseVersion(input: string): SemVer | null {
  const text = input.trim();
  if (text.length === 0 || text.length > MAX_VERSION_LENGTH) return null;
  const m = LOOSE_VERSION.exec(text);
  if (!m) return null;
  return parse(`${m[1]}.${m[2] ?? '0'}.${m[3] ?? '0'}${m[4] ?? ''}${m[5] ?? ''}`);
}

// Context versions repeat a lot (few distinct app/SDK versions in the field), so parse each once.
const CACHE_LIMIT = 2_000;
const cache = new Map<string, SemVer | null>();

export function parseVersionCached(input: string): SemVer | null {
  const hit = cache.get(input);
  if (hit !== undefined || cache.has(input)) return hit ?? null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const parsed = parseVersion(input);
  cache.set(input, parsed);
  return parsed;
}

export { SemVer };
