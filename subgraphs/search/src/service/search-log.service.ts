import { newId, Permission, requireOperatorPermission, type Logger, type Principal } from '@grove/platform';
import { z } from 'zod';
import { normalizeText } from '../analysis/chinese.analyzer';
import type { SearchPrincipalKind } from '../store/search-log.model';
import type { SearchLogStore } from '../store/search-log.store';
import { parseInput } from './search-input';

const DAY_MS = 86_400_000;
/** Longest period `searchStatistics` sums (a quarter). */
export const MAX_STATISTICS_DAYS = 92;
/** Counter rows read per statistics call (the most searched first): bounds the work whatever the traffic. */
export const MAX_STATISTICS_ROWS = 20_000;
export const MAX_STATISTICS_TAKE = 100;

export interface SearchLogSettings {
  /** Days a search log entry (query, hits, click) is kept. */
  logRetentionDays: number;
  /** Days the per-day query counters behind `searchStatistics` are kept. */
  statsRetentionDays: number;
}

export interface LoggedSearch {
  query: string;
  hits: number;
  principalKind: SearchPrincipalKind;
  hostAppId?: string;
  deviceIdHash?: string;
  shownAppIds: string[];
}

export interface QueryCount {
  query: string;
  searches: number;
  noResult: number;
  clicks: number;
}

export interface SearchStatistics {
  from: string;
  to: string;
  searches: number;
  noResultSearches: number;
  clicks: number;
  /** Clicked searches / searches (0 when there were none). */
  clickThroughRate: number;
  topQueries: QueryCount[];
  noResultQueries: QueryCount[];
}

/** The form a query is counted under: NFKC-folded, lower-cased, whitespace collapsed. */
export function normalizeQuery(text: string): string {
  return normalizeText(text).replace(/\s+/gu, ' ').trim();
}

const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = z
  .string()
  .regex(DAY, 'must be a day as YYYY-MM-DD')
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && dayOf(Date.parse(`${v}T00:00:00Z`)) === v,
    'is not a day of the calendar',
  );

const statisticsSchema = z
  .object({
    from: day,
    to: day,
    take: z
      .preprocess(
        (v) => (v === null ? undefined : v),
        z.number().int().min(1).max(MAX_STATISTICS_TAKE).optional(),
      )
      .transform((v) => v ?? 20),
  })
  .refine((v) => v.from <= v.to, { message: 'from must not be after to', path: ['from'] })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) < MAX_STATISTICS_DAYS * DAY_MS, {
    message: `at most ${MAX_STATISTICS_DAYS} days`,
    path: ['to'],
  });

/**
 * The search log (issue 10): every device and console search is recorded (query, normalized query, hit count, kind of
 * caller, time; devices add their host app and a hash of the device id), and a device's click on a hit once per
 * search. Per-day counters per normalized query feed `searchStatistics` (top queries, queries with no result,
 * click-through). Both expire (retention settings), so storage stays bounded by traffic × retention.
 */
export class SearchLogService {
  constructor(
    private readonly store: SearchLogStore,
    private readonly settings: SearchLogSettings,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records one search; returns its id. A failure is logged, never the searcher's problem. */
  async record(search: LoggedSearch): Promise<string> {
    const id = newId();
    const at = this.now();
    const normalizedQuery = normalizeQuery(search.query);
    try {
      await this.store.insert({
        id,
        at: new Date(at),
        query: search.query,
        normalizedQuery,
        hits: search.hits,
        principalKind: search.principalKind,
        hostAppId: search.hostAppId,
        deviceIdHash: search.deviceIdHash,
        shownAppIds: search.shownAppIds,
        expiresAt: new Date(at + this.settings.logRetentionDays * DAY_MS),
      });
      // A blank query (the list before typing) is logged but is not a query to rank.
      if (normalizedQuery) {
        await this.store.count(
          dayOf(at),
          normalizedQuery,
          { searches: 1, noResult: search.hits === 0 ? 1 : 0 },
          this.countersExpireAt(at),
        );
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'search log write failed');
    }
    return id;
  }

  /** A device opened `appId` from the search `searchId` of its host app: counted once, and only for a hit it was shown. */
  async clicked(hostAppId: string, searchId: string, appId: string): Promise<boolean> {
    const search = await this.store.markClicked(searchId, hostAppId, appId);
    if (!search) return false;
    if (search.normalizedQuery)
      await this.store.count(
        dayOf(search.at.getTime()),
        search.normalizedQuery,
        { clicks: 1 },
        this.countersExpireAt(search.at.getTime()),
      );
    return true;
  }

  /** Operators: what was searched over the UTC days `[from, to]` (`YYYY-MM-DD`). */
  async statistics(p: Principal, input: unknown): Promise<SearchStatistics> {
    requireOperatorPermission(p, Permission.ORG_READ_ANY);
    const { from, to, take } = parseInput(statisticsSchema, input);
    const rows = await this.store.daysBetween(from, to, MAX_STATISTICS_ROWS);
    const byQuery = new Map<string, QueryCount>();
    for (const row of rows) {
      const total = byQuery.get(row.query) ?? { query: row.query, searches: 0, noResult: 0, clicks: 0 };
      total.searches += row.searches;
      total.noResult += row.noResult;
      total.clicks += row.clicks;
      byQuery.set(row.query, total);
    }
    const totals = [...byQuery.values()];
    const searches = totals.reduce((sum, q) => sum + q.searches, 0);
    const clicks = totals.reduce((sum, q) => sum + q.clicks, 0);
    const byCount = (key: 'searches' | 'noResult') => (a: QueryCount, b: QueryCount) =>
      b[key] - a[key] || a.query.localeCompare(b.query);
    return {
      from,
      to,
      searches,
      noResultSearches: totals.reduce((sum, q) => sum + q.noResult, 0),
      clicks,
      clickThroughRate: searches === 0 ? 0 : clicks / searches,
      topQueries: totals.sort(byCount('searches')).slice(0, take),
      noResultQueries: totals
        .filter((q) => q.noResult > 0)
        .sort(byCount('noResult'))
        .slice(0, take),
    };
  }

  private countersExpireAt(at: number): Date {
    return new Date(at + this.settings.statsRetentionDays * DAY_MS);
  }
}
