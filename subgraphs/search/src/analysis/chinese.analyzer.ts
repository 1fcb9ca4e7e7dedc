import { pinyin } from 'pinyin-pro';

/**
 * The one analyzer of the search index, used when indexing and when querying so both sides agree on terms.
 *
 * Chinese: `Intl.Segmenter('zh')` words plus overlapping CJK bigrams. The segmenter finds dictionary words but
 * breaks domain terms (小程序 → 小|程序, 微信 → 微|信) and splits the same text differently by context; bigrams are
 * the same on both sides whatever the segmenter did, so out-of-vocabulary names (商户名, 品牌) are still found.
 * Latin letters and digits: words, lower-cased. Full-width forms (ＡＰＰ, １２３) become half-width by NFKC.
 */

/** Changes whenever the terms this module emits change: an index snapshot of another version is rebuilt. */
export const ANALYZER_VERSION = 'zh-segmenter-bigram-pinyin/1';

export type AnalyzerMode = 'index' | 'query';

export interface AnalyzeOptions {
  mode: AnalyzerMode;
  /** Also emit the pinyin initials of each Chinese run (招商银行 → zsyh): for short fields such as the name. */
  pinyinInitials?: boolean;
}

const HAN = /\p{Script=Han}/u;
/** Runs of Han characters, or of Latin letters and digits; everything else separates terms. */
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Full-width → half-width and compatibility forms folded (NFKC), then lower-cased. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function isHan(text: string): boolean {
  return HAN.test(text);
}

/** Terms of `text` in order, duplicates kept (term frequency matters to ranking). A copy the caller may change. */
export function analyze(text: string, options: AnalyzeOptions): string[] {
  return [...analyzeCached(text, options)];
}

/**
 * Memo of analyzed texts: catalogues repeat most of their texts (organization names, categories, tags, template
 * descriptions) and the segmenter and pinyin are the cost of indexing, so each distinct text is analyzed once.
 * Bounded: cleared when full, so a long-running process keeps at most this many entries.
 */
const MEMO_MAX = 200_000;
const memo = new Map<string, readonly string[]>();
const runMemo = new Map<string, readonly string[]>();

/** `analyze` without the copy: the engine reads the terms and never changes them. */
export function analyzeCached(text: string, options: AnalyzeOptions): readonly string[] {
  const key = (options.mode === 'index' ? 'i' : 'q') + (options.pinyinInitials ? 'p' : '-') + text;
  let terms = memo.get(key);
  if (terms === undefined) {
    const out: string[] = [];
    for (const match of normalizeText(text).matchAll(RUN)) {
      if (match[1]) out.push(...hanTermsCached(match[1], options));
      else out.push(match[2]);
    }
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(key, (terms = out));
  }
  return terms;
}

function hanTermsCached(run: string, options: AnalyzeOptions): readonly string[] {
  const key = (options.mode === 'index' ? 'i' : 'q') + (options.pinyinInitials ? 'p' : '-') + run;
  let terms = runMemo.get(key);
  if (terms === undefined) {
    const out: string[] = [];
    hanTerms(run, options, out);
    if (runMemo.size >= MEMO_MAX) runMemo.clear();
    runMemo.set(key, (terms = out));
  }
  return terms;
}

function hanTerms(run: string, options: AnalyzeOptions, out: string[]): void {
  const chars = Array.from(run);
  if (chars.length === 1) {
    out.push(run);
  } else {
    for (const { segment, isWordLike } of segmenter.segment(run)) {
      // One- and two-character words are among the characters and bigrams already; longer words (北京市, 信用卡)
      // add a term that ranks exact dictionary words above scattered bigrams.
      if (isWordLike && Array.from(segment).length > 2) out.push(segment);
    }
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    if (options.mode === 'index') out.push(...chars);
  }
  if (options.pinyinInitials) {
    const initials = pinyin(run, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
    if (/^[a-z]+$/.test(initials)) out.push(initials);
  }
}

/**
 * Where a term occurs in the original text: `[start, end)` offsets into `text` (not the normalized copy), so
 * highlights wrap what the user wrote (full-width letters included).
 */
export function findTermRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  // Normalized copy with, for each of its code units, the offset of the original code point it came from.
  let normalized = '';
  const origin: number[] = [];
  let offset = 0;
  for (const cp of text) {
    const folded = normalizeText(cp);
    for (let i = 0; i < folded.length; i++) origin.push(offset);
    normalized += folded;
    offset += cp.length;
  }
  origin.push(text.length);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = normalized.indexOf(term); at !== -1; at = normalized.indexOf(term, at + 1)) {
      const start = origin[at];
      const endIndex = at + term.length;
      const end = endIndex >= origin.length - 1 ? text.length : origin[endIndex];
      // A Latin term only matches whole words (so "app" does not light up inside "happy").
      if (!isHan(term) && (isWordChar(normalized[at - 1]) || isWordChar(normalized[endIndex]))) continue;
      ranges.push([start, end]);
    }
  }
  return mergeRanges(ranges);
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch) && !HAN.test(ch);
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);

/**
 * A fragment of `text` around its first matches, HTML-escaped, each match wrapped in `<em>…</em>` (the form
 * Elasticsearch and FinClip's `highLights` use); null when nothing matches.
 */
export function highlightFragment(text: string, terms: readonly string[], maxChars = 60): string | null {
  const ranges = findTermRanges(text, terms);
  if (ranges.length === 0) return null;
  // Start a little before the first match so the fragment reads in context.
  const from = text.length <= maxChars ? 0 : Math.max(0, Math.min(ranges[0][0] - 10, text.length - maxChars));
  const to = Math.min(text.length, from + maxChars);
  let out = from > 0 ? '…' : '';
  let at = from;
  for (const [start, end] of ranges) {
    if (start >= to) break;
    const s = Math.max(start, at);
    const e = Math.min(end, to);
    if (e <= s) continue;
    out += escapeHtml(text.slice(at, s)) + '<em>' + escapeHtml(text.slice(s, e)) + '</em>';
    at = e;
  }
  out += escapeHtml(text.slice(at, to)) + (to < text.length ? '…' : '');
  return out;
}
