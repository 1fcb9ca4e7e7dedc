import { SearchTopic, schemaHeaders, searchSettingsEvents } from '@grove/contracts';
import {
  Permission,
  requireOperatorPermission,
  requireUser,
  type Principal,
  type TransactionalOutbox,
} from '@grove/platform';
import { z } from 'zod';
import type { SearchSettingsStore } from '../store/search-settings.store';
import { parseInput } from './search-input';

export const MAX_HOT_WORDS = 20;
export const MAX_HOT_WORD_CHARS = 20;
export const MAX_SYNONYM_GROUPS = 200;
export const MAX_SYNONYM_TERMS = 8;
export const MAX_SYNONYM_TERM_CHARS = 20;

const word = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const hotWordsSchema = z
  .array(word(MAX_HOT_WORD_CHARS))
  .max(MAX_HOT_WORDS, `at most ${MAX_HOT_WORDS} hot words`)
  .refine((words) => new Set(words).size === words.length, 'must not repeat a word');

export const synonymGroupsSchema = z
  .array(
    z
      .array(word(MAX_SYNONYM_TERM_CHARS))
      .min(2, 'a group needs at least 2 terms')
      .max(MAX_SYNONYM_TERMS, `at most ${MAX_SYNONYM_TERMS} terms per group`)
      .refine((terms) => new Set(terms).size === terms.length, 'must not repeat a term'),
  )
  .max(MAX_SYNONYM_GROUPS, `at most ${MAX_SYNONYM_GROUPS} groups`);

/**
 * The operators' hot words (shown to devices before they type) and synonym groups (applied at query time). Each
 * process keeps both in memory for the query path; a change is written with its `search.settings` event (the outbox),
 * and every search process reloads on that event.
 */
export class SearchSettingsService {
  private hotWords: string[] = [];
  private synonyms: string[][] = [];

  constructor(
    private readonly store: SearchSettingsStore,
    private readonly outbox: TransactionalOutbox,
  ) {}

  /** Reads both lists from the store into this process (on start and on every `search.settings` event). */
  async reload(): Promise<void> {
    const [hotWords, synonyms] = await Promise.all([this.store.readHotWords(), this.store.readSynonyms()]);
    this.hotWords = hotWords;
    this.synonyms = synonyms;
  }

  currentHotWords(): string[] {
    return [...this.hotWords];
  }

  currentSynonyms(): readonly (readonly string[])[] {
    return this.synonyms;
  }

  /** Any signed-in user of the consoles; devices get them through the runtime route. */
  listHotWords(p: Principal): string[] {
    requireUser(p);
    return this.currentHotWords();
  }

  listSynonyms(p: Principal): string[][] {
    requireOperatorPermission(p, Permission.ORG_READ_ANY);
    return this.synonyms.map((group) => [...group]);
  }

  async setHotWords(p: Principal, input: unknown): Promise<string[]> {
    const user = requireOperatorPermission(p, Permission.PLATFORM_CONFIGURE);
    const words = parseInput(hotWordsSchema, input);
    await this.outbox.transaction(async () => {
      await this.store.replaceHotWords(words, user.userId);
      await this.publish('hot-words.updated', 'hot-words', user.userId);
    });
    this.hotWords = words;
    return [...words];
  }

  async setSynonyms(p: Principal, input: unknown): Promise<string[][]> {
    const user = requireOperatorPermission(p, Permission.PLATFORM_CONFIGURE);
    const groups = parseInput(synonymGroupsSchema, input);
    await this.outbox.transaction(async () => {
      await this.store.replaceSynonyms(groups);
      await this.publish('synonyms.updated', 'synonyms', user.userId);
    });
    this.synonyms = groups;
    return groups.map((group) => [...group]);
  }

  private async publish(
    type: 'hot-words.updated' | 'synonyms.updated',
    setting: 'hot-words' | 'synonyms',
    actorId: string,
  ): Promise<void> {
    await this.outbox.enqueue(SearchTopic.SETTINGS, {
      type,
      key: setting,
      payload: { setting, actorId },
      headers: schemaHeaders(searchSettingsEvents, type),
    });
  }
}
