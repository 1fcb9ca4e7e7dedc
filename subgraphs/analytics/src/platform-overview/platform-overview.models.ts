import { modelOptions, prop } from '@typegoose/typegoose';

/**
 * What the platform overview knows of one organization, mini-program or host app, from its owner's events: the
 * facts its counters follow, and when each last changed (events can arrive out of order; an older one is ignored).
 */
@modelOptions({
  schemaOptions: { collection: 'analytics_platform_entities' },
  options: { customName: 'AnalyticsPlatformEntity' },
})
export class PlatformEntityModel {
  /** `${kind}:${id}`. */
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true, enum: ['organization', 'mini-program', 'host-app'] })
  kind!: 'organization' | 'mini-program' | 'host-app';

  /** Conditional updates: a change applies only to the revision it was computed from. */
  @prop({ type: Number, required: true })
  rev!: number;

  @prop({ type: Boolean, required: true })
  created!: boolean;

  @prop({ type: Boolean, required: true })
  deleted!: boolean;

  /** Organizations: approved at least once. */
  @prop({ type: Boolean, required: true })
  approved!: boolean;

  /** Mini-programs: a version is published (not delisted). */
  @prop({ type: Boolean, required: true })
  published!: boolean;

  @prop({ type: Number, required: true })
  publishedChangedAt!: number;

  @prop({ type: Boolean, required: true })
  frozen!: boolean;

  @prop({ type: Number, required: true })
  frozenChangedAt!: number;
}

/** One day's change of one platform counter (`${day}:${metric}`); a total at a day is the sum of changes up to it. */
@modelOptions({
  schemaOptions: { collection: 'analytics_platform_counters' },
  options: { customName: 'AnalyticsPlatformCounter' },
})
export class PlatformCounterModel {
  @prop({ type: String, required: true })
  _id!: string;

  /** Reporting day (YYYY-MM-DD in the installation's reporting time zone) of the events that changed it. */
  @prop({ type: String, required: true })
  day!: string;

  @prop({ type: String, required: true })
  metric!: string;

  @prop({ type: Number, required: true })
  delta!: number;
}
