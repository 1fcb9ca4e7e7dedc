import { index, modelOptions, prop } from '@typegoose/typegoose';

/** Who searched: a host app's device, an operator, or a member of an organization (console). */
export const SearchPrincipalKind = { DEVICE: 'DEVICE', OPERATOR: 'OPERATOR', MEMBER: 'MEMBER' } as const;
export type SearchPrincipalKind = (typeof SearchPrincipalKind)[keyof typeof SearchPrincipalKind];

/**
 * One search (the search log): what was asked, how many hits, by which kind of caller, and the hit clicked, if any.
 * No personal data beyond a hash of the device id. Removed at `expiresAt` (SEARCH_LOG_RETENTION_DAYS).
 */
@modelOptions({ schemaOptions: { collection: 'search_log' } })
@index({ hostAppId: 1, at: -1 })
export class SearchLogModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: Date, required: true })
  at!: Date;

  @prop({ type: String, required: true, maxlength: 64 })
  query!: string;

  @prop({ type: String, required: true, maxlength: 256 })
  normalizedQuery!: string;

  @prop({ type: Number, required: true })
  hits!: number;

  @prop({ type: String, required: true, enum: Object.values(SearchPrincipalKind) })
  principalKind!: SearchPrincipalKind;

  /** Devices only: the host app searched through. */
  @prop({ type: String })
  hostAppId?: string;

  /** Devices only: sha-256 of the host app id and the device id (never the id itself). */
  @prop({ type: String, maxlength: 64 })
  deviceIdHash?: string;

  /** The app ids of the page shown: a click must name one of them. */
  @prop({ type: () => [String], default: [] })
  shownAppIds!: string[];

  /** The first hit clicked (later clicks on the same search are not counted again). */
  @prop({ type: String })
  clickedAppId?: string;

  @prop({ type: Date, required: true, expires: 0 })
  expiresAt!: Date;
}

/**
 * Counters per (UTC day, normalized query), what `searchStatistics` sums over a period; removed at `expiresAt`
 * (SEARCH_STATS_RETENTION_DAYS).
 */
@modelOptions({ schemaOptions: { collection: 'search_query_days' } })
@index({ day: 1, searches: -1 })
export class SearchQueryDayModel {
  /** `<day>|<normalized query>`. */
  @prop({ type: String, required: true })
  _id!: string;

  /** `YYYY-MM-DD` (UTC). */
  @prop({ type: String, required: true })
  day!: string;

  @prop({ type: String, required: true, maxlength: 256 })
  query!: string;

  @prop({ type: Number, default: 0 })
  searches!: number;

  /** Searches that found nothing. */
  @prop({ type: Number, default: 0 })
  noResult!: number;

  /** Searches whose hit was clicked. */
  @prop({ type: Number, default: 0 })
  clicks!: number;

  @prop({ type: Date, required: true, expires: 0 })
  expiresAt!: Date;
}
