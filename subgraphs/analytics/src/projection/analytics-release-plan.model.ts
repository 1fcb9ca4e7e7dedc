import { index, modelOptions, prop } from '@typegoose/typegoose';

/**
 * rule-engine's release plans as this subgraph knows them from `release-plan.*` events: whose plan it is (for
 * authorization: a plan id is only ever resolved through this projection) and its current state.
 */
@modelOptions({
  schemaOptions: { collection: 'analytics_release_plans' },
  options: { customName: 'AnalyticsReleasePlan' },
})
@index({ appId: 1 })
export class AnalyticsReleasePlanModel {
  /** The plan id. */
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  appId!: string;

  @prop({ type: String, required: true })
  orgId!: string;

  @prop({ type: String, required: true })
  grayVersionId!: string;

  @prop({ type: String, required: true })
  state!: string;

  @prop({ type: Number, required: true })
  percentage!: number;

  /** Time of the newest event applied (ISO 8601); older events do not overwrite the state. */
  @prop({ type: String, required: true })
  lastEventAt!: string;
}

/** One change of a plan (started, raised, paused …) on its statistics timeline; one per rule-engine event id. */
@modelOptions({
  schemaOptions: { collection: 'analytics_release_plan_marks' },
  options: { customName: 'AnalyticsReleasePlanMark' },
})
@index({ planId: 1, at: 1 })
export class AnalyticsReleasePlanMarkModel {
  /** The rule-engine event id: a redelivered event is the same mark. */
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  planId!: string;

  /** The event type, e.g. `release-plan.raised`. */
  @prop({ type: String, required: true })
  type!: string;

  @prop({ type: String, required: true })
  state!: string;

  @prop({ type: Number, required: true })
  percentage!: number;

  /** When the change was written (ISO 8601). */
  @prop({ type: String, required: true })
  at!: string;
}
