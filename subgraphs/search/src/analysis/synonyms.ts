import { normalizeText } from './chinese.analyzer';

/** Most terms a query gains from synonyms, whatever the groups (the query stays a few words). */
export const MAX_SYNONYM_EXPANSIONS = 8;

/**
 * The terms the operators' synonym groups add to a query: for every group with a term the (normalized) query
 * contains, the group's other terms (社保 → 社会保险, and back). Applied at query time only, so a change of the
 * groups needs no reindex.
 */
export function synonymExpansions(text: string, groups: readonly (readonly string[])[]): string[] {
  const query = normalizeText(text);
  if (!query.trim()) return [];
  const extra: string[] = [];
  for (const group of groups) {
    const terms = group.map(normalizeText);
    if (!terms.some((term) => term && query.includes(term))) continue;
    for (const term of terms) {
      if (term && !query.includes(term) && !extra.includes(term)) extra.push(term);
      if (extra.length >= MAX_SYNONYM_EXPANSIONS) return extra;
    }
  }
  return extra;
}
