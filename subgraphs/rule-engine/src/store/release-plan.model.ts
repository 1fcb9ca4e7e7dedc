import { index, modelOptions, prop } from '@typegoose/typegoose';
import { RUNNING_PLAN_STATES, ReleasePlanState } from '../engine';

/**
 * A phased gray release of one version of a mini-program under a rule. `liveSlot` holds the app id while the plan
 * is ACTIVE, PAUSED or COMPLETING: its unique index allows one running plan per mini-program.
 */
@modelOptions({ schemaOptions: { collection: 'rule_engine_release_plans', timestamps: true } })
@index({ appId: 1, createdAt: -1 })
// Client-chosen orders of an app's plans (orderBy).
@index({ appId: 1, updatedAt: -1 })
@index({ appId: 1, state: 1 })
@index({ appId: 1, percentage: 1 })
@index({ liveSlot: 1 }, { unique: true, sparse: true })
@index({ state: 1 })
export class ReleasePlanModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true })
  appId!: string;

  @prop({ type: String, required: true })
  orgId!: string;

  /** app-manage's version id of the gray version. */
  @prop({ type: String, required: true })
  grayVersionId!: string;

  @prop({ type: String, required: true })
  ruleId!: string;

  @prop({ type: String, required: true, enum: Object.values(ReleasePlanState) })
  state!: ReleasePlanState;

  @prop({ type: Number, required: true, min: 0.01, max: 100 })
  percentage!: number;

  @prop({ type: String })
  liveSlot?: string;

  @prop({ type: String, required: true })
  startedBy!: string;

  @prop({ type: String, required: true })
  updatedBy!: string;

  @prop({ type: Date })
  pausedAt?: Date;

  @prop({ type: Date })
  completedAt?: Date;

  @prop({ type: Date })
  revertedAt?: Date;

  @prop({ type: Date })
  failedAt?: Date;

  /** Why app-manage refused the plan's version (FAILED plans only). */
  @prop({ type: String })
  failureReason?: string;

  createdAt!: Date;
  updatedAt!: Date;
}

/** Usage of the license limit `concurrentGrayReleases`: plans that are running, paused or completing. */
export const CONCURRENT_GRAY_RELEASES_FILTER = { state: { $in: [...RUNNING_PLAN_STATES] } };
