import { z } from 'zod';
import { defineTopic, eventSchema } from './event-contract';

/** Topics the search subgraph publishes on. `search.settings` is keyed by the setting that changed (`index` for a rebuild). */
export const SearchTopic = {
  SETTINGS: 'search.settings',
} as const;
export type SearchTopic = (typeof SearchTopic)[keyof typeof SearchTopic];

export const searchSettingsPayload = z.object({
  /** `hot-words` or `synonyms`. */
  setting: z.enum(['hot-words', 'synonyms']),
  actorId: z.string().min(1),
});
export type SearchSettingsPayload = z.infer<typeof searchSettingsPayload>;

const settings = eventSchema(searchSettingsPayload);

export const searchIndexRebuildPayload = z.object({ actorId: z.string().min(1) });
export type SearchIndexRebuildPayload = z.infer<typeof searchIndexRebuildPayload>;

/**
 * `search.settings`: an operator replaced the hot words or the synonyms (every search process re-reads them from the
 * store: each keeps them in memory for the query path), or asked for the index to be rebuilt from the owners (every
 * search process with an index of its own rebuilds it; with one shared index, the one process that gets the event).
 */
export const searchSettingsEvents = defineTopic(SearchTopic.SETTINGS, {
  'hot-words.updated': settings,
  'synonyms.updated': settings,
  'index.rebuild-requested': eventSchema(searchIndexRebuildPayload),
});
