import { BadUserInputError } from '@grove/platform';
import { checkPublicHostname } from './hostname';

/** Service domain lists a mini-program may call (wx.request / connectSocket / uploadFile / downloadFile style). */
export const DOMAIN_LIST_KINDS = ['request', 'socket', 'upload', 'download'] as const;
export type DomainListKind = (typeof DOMAIN_LIST_KINDS)[number];

export const MAX_DOMAINS_PER_LIST = 200;
const MAX_ENTRY_LENGTH = 300;

const SCHEME_BY_KIND: Record<DomainListKind, 'https' | 'wss'> = {
  request: 'https',
  socket: 'wss',
  upload: 'https',
  download: 'https',
};

export interface DomainProblem {
  /** Position in the submitted list; absent for problems with the list as a whole. */
  index?: number;
  entry?: string;
  message: string;
}

export type DomainEntryCheck = { ok: true; normalized: string } | { ok: false; problem: string };

// scheme "://" authority, then at most a bare "/". Backslashes count as path separators in WHATWG URL.
const ENTRY_SHAPE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#\\]*)\/?$/;

/**
 * Normalises one service-domain entry to `scheme://host[:port]`: punycode host, lower case, default
 * port (443) dropped, any other port kept so it must match exactly at runtime.
 */
export function normalizeServiceDomain(kind: DomainListKind, entry: unknown): DomainEntryCheck {
  const scheme = SCHEME_BY_KIND[kind];
  if (typeof entry !== 'string') return { ok: false, problem: 'must be a string' };
  const text = entry.trim();
  if (text === '') return { ok: false, problem: 'must not be empty' };
  if (text.length > MAX_ENTRY_LENGTH)
    return { ok: false, problem: `must be at most ${MAX_ENTRY_LENGTH} characters` };
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text)) {
    return { ok: false, problem: `must be a full address like ${scheme}://api.example.com` };
  }
  const shape = ENTRY_SHAPE.exec(text);
  if (!shape) return { ok: false, problem: 'must not contain a path, query or fragment' };
  const [, rawScheme, authority] = shape;
  if (rawScheme.toLowerCase() !== scheme)
    return { ok: false, problem: `${kind} domains must use ${scheme}://` };
  if (authority.includes('@')) return { ok: false, problem: 'must not contain credentials' };
  let url: URL;
  try {
    url = new URL(`${scheme}://${authority}`);
  } catch {
    return { ok: false, problem: 'is not a valid host and port' };
  }
  const host = checkPublicHostname(url.hostname);
  if (!host.ok) return { ok: false, problem: host.problem };
  if (url.port === '0') return { ok: false, problem: 'port must be between 1 and 65535' };
  return { ok: true, normalized: `${scheme}://${host.hostname}${url.port ? `:${url.port}` : ''}` };
}

/**
 * Validates a whole list (replacing the stored one): every entry normalised, duplicates after
 * normalisation and lists over MAX_DOMAINS_PER_LIST refused. All problems are reported at once in a
 * BadUserInputError (`details.problems`).
 */
export function validateDomainList(kind: DomainListKind, entries: unknown): { normalized: string[] } {
  if (!DOMAIN_LIST_KINDS.includes(kind)) {
    throw new BadUserInputError(`Unknown domain list "${String(kind)}"`, { kinds: [...DOMAIN_LIST_KINDS] });
  }
  if (!Array.isArray(entries)) {
    throw new BadUserInputError(`Invalid ${kind} domain list`, {
      kind,
      problems: [{ message: 'must be a list' }],
    });
  }
  const problems: DomainProblem[] = [];
  if (entries.length > MAX_DOMAINS_PER_LIST) {
    problems.push({
      message: `a ${kind} list may hold at most ${MAX_DOMAINS_PER_LIST} domains (got ${entries.length})`,
    });
  }
  const normalized: string[] = [];
  const firstIndex = new Map<string, number>();
  entries.forEach((entry, index) => {
    const shown = typeof entry === 'string' ? entry : undefined;
    const check = normalizeServiceDomain(kind, entry);
    if (!check.ok) {
      problems.push({ index, entry: shown, message: check.problem });
      return;
    }
    const seen = firstIndex.get(check.normalized);
    if (seen !== undefined) {
      problems.push({ index, entry: shown, message: `duplicate of entry ${seen} (${check.normalized})` });
      return;
    }
    firstIndex.set(check.normalized, index);
    normalized.push(check.normalized);
  });
  if (problems.length > 0) {
    throw new BadUserInputError(`Invalid ${kind} domain list: ${problems.length} problem(s)`, {
      kind,
      problems,
    });
  }
  return { normalized };
}
