import type { DocumentCollection, DocumentStore } from '@grove/platform';
import { SearchLogModel, SearchQueryDayModel, type SearchPrincipalKind } from './search-log.model';

export interface NewSearchLogEntry {
  id: string;
  at: Date;
  query: string;
  normalizedQuery: string;
  hits: number;
  principalKind: SearchPrincipalKind;
  hostAppId?: string;
  deviceIdHash?: string;
  shownAppIds: string[];
  expiresAt: Date;
}

export interface QueryDayCounts {
  day: string;
  query: string;
  searches: number;
  noResult: number;
  clicks: number;
}

/** The search log and its per-day counters. */
export class SearchLogStore {
  private readonly log: DocumentCollection<SearchLogModel>;
  private readonly days: DocumentCollection<SearchQueryDayModel>;

  constructor(documents: DocumentStore) {
    this.log = documents.collection(SearchLogModel);
    this.days = documents.collection(SearchQueryDayModel);
  }

  async insert(entry: NewSearchLogEntry): Promise<void> {
    const { id, ...rest } = entry;
    await this.log.insertOne({ _id: id, ...rest });
  }

  /** Adds to the (day, query) counters, creating them on the first search of the day. */
  async count(
    day: string,
    query: string,
    add: { searches?: number; noResult?: number; clicks?: number },
    expiresAt: Date,
  ): Promise<void> {
    await this.days.updateOne(
      { _id: `${day}|${query}` },
      {
        $inc: { searches: add.searches ?? 0, noResult: add.noResult ?? 0, clicks: add.clicks ?? 0 },
        $set: { day, query, expiresAt },
      },
      { upsert: true },
    );
  }

  /**
   * Records the click on a hit of the search, once: only when the search is the host app's, the app was shown, and
   * no click was recorded yet (a conditional update). Returns the search when it counted.
   */
  markClicked(searchId: string, hostAppId: string, appId: string): Promise<SearchLogModel | null> {
    return this.log.findOneAndUpdate(
      { _id: searchId, hostAppId, shownAppIds: appId, clickedAppId: { $exists: false } },
      { $set: { clickedAppId: appId } },
    );
  }

  /** The counters of the days `[fromDay, toDay]`, most searched first, at most `limit` rows. */
  daysBetween(fromDay: string, toDay: string, limit: number): Promise<QueryDayCounts[]> {
    return this.days.find({ day: { $gte: fromDay, $lte: toDay } }, { sort: { searches: -1, _id: 1 }, limit });
  }
}
