/**
 * The operators' search settings, checked as the search subgraph checks them (search-settings.service.ts), so a list
 * the server would refuse is never sent: at most 20 hot words of at most 20 characters, none repeated; at most 200
 * synonym groups of 2 to 8 terms of at most 20 characters, none repeated within a group. Words are trimmed first.
 */
export const MAX_HOT_WORDS = 20;
export const MAX_HOT_WORD_CHARS = 20;
export const MAX_SYNONYM_GROUPS = 200;
export const MAX_SYNONYM_TERMS = 8;
export const MAX_SYNONYM_TERM_CHARS = 20;
/** The search statistics cover at most 92 days (UTC days, as the search log counts them). */
export const MAX_STATISTICS_DAYS = 92;
export const DEFAULT_STATISTICS_DAYS = 7;

export type WordProblem = 'empty' | 'tooLong' | 'duplicate';

/** Characters as a person counts them (a CJK character or an emoji is one), as the server's string length does for BMP text. */
function length(word: string): number {
  return [...word].length;
}

/** The problem of each hot word (undefined where it is fine), and whether the list as a whole is too long. */
export function checkHotWords(words: readonly string[]): {
  problems: Array<WordProblem | undefined>;
  tooMany: boolean;
  ok: boolean;
} {
  const seen = new Set<string>();
  const problems = words.map((raw): WordProblem | undefined => {
    const word = raw.trim();
    if (!word) return 'empty';
    if (length(word) > MAX_HOT_WORD_CHARS) return 'tooLong';
    if (seen.has(word)) return 'duplicate';
    seen.add(word);
    return undefined;
  });
  const tooMany = words.length > MAX_HOT_WORDS;
  return { problems, tooMany, ok: !tooMany && problems.every((p) => p === undefined) };
}

/** The list with the item at `from` moved to `to` (both clamped to the list); the list itself is not changed. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= next.length) return next;
  const target = Math.max(0, Math.min(next.length - 1, to));
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item!);
  return next;
}

/** A synonym group as typed: terms separated by commas (either width), 、, semicolons or line breaks. */
export function parseTerms(text: string): string[] {
  return text
    .split(/[,，、;；\n]+/)
    .map((term) => term.trim())
    .filter((term) => term.length > 0);
}

export type GroupProblem = 'tooFew' | 'tooManyTerms' | 'tooLong' | 'duplicate';

export function checkSynonymGroup(terms: readonly string[]): GroupProblem | undefined {
  if (terms.length < 2) return 'tooFew';
  if (terms.length > MAX_SYNONYM_TERMS) return 'tooManyTerms';
  if (terms.some((term) => length(term) > MAX_SYNONYM_TERM_CHARS)) return 'tooLong';
  if (new Set(terms).size !== terms.length) return 'duplicate';
  return undefined;
}

/** Each group's problem, and whether there are too many groups; `ok` when the server would take them. */
export function checkSynonymGroups(groups: readonly string[][]): {
  problems: Array<GroupProblem | undefined>;
  tooMany: boolean;
  ok: boolean;
} {
  const problems = groups.map(checkSynonymGroup);
  const tooMany = groups.length > MAX_SYNONYM_GROUPS;
  return { problems, tooMany, ok: !tooMany && problems.every((p) => p === undefined) };
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A UTC calendar day as YYYY-MM-DD: the search log counts UTC days. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function dayMs(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function validDay(day: string | undefined): day is string {
  return Boolean(day && DAY_RE.test(day) && utcDay(new Date(dayMs(day))) === day);
}

export function addUtcDays(day: string, days: number): string {
  return utcDay(new Date(dayMs(day) + days * 86_400_000));
}

/**
 * The statistics period the URL asks for, or the last 7 UTC days ending today; a period the server would refuse
 * (reversed, longer than 92 days) is reported instead of sent.
 */
export function searchStatisticsRange(
  params: { from?: string; to?: string },
  now: Date,
): { from: string; to: string; problem?: 'order' | 'tooLong' } {
  const to = validDay(params.to) ? params.to : utcDay(now);
  const from = validDay(params.from) ? params.from : addUtcDays(to, -(DEFAULT_STATISTICS_DAYS - 1));
  const days = Math.round((dayMs(to) - dayMs(from)) / 86_400_000) + 1;
  if (days < 1) return { from, to, problem: 'order' };
  if (days > MAX_STATISTICS_DAYS) return { from, to, problem: 'tooLong' };
  return { from, to };
}

/** Clicked searches / searches of one query (0 without searches). */
export function clickThrough(row: { searches: number; clicks: number }): number {
  return row.searches > 0 ? row.clicks / row.searches : 0;
}
