import { z } from 'zod';
import { defineTopic, eventSchema } from './event-contract';

/** Topics the search subgraph publishes on. `search.settings` is keyed by the setting that changed. */
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

/**
 * `search.settings`: an operator replaced the hot words or the synonyms. Every search process re-reads them from
 * the store (each keeps them in memory for the query path).
 */
export const searchSettingsEvents = defineTopic(SearchTopic.SETTINGS, {
  'hot-words.updated': settings,
  'synonyms.updated': settings,
});
