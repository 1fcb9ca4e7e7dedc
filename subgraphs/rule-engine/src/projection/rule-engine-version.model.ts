import { index, modelOptions, prop } from '@typegoose/typegoose';

/**
 * This subgraph's copy of app-manage's versions: which mini-program (and so which organization) a version belongs
 * to and its status, so a release plan can only name a version of its own mini-program that may be gray-released.
 */
@modelOptions({
  schemaOptions: { collection: 'rule_engine_versions' },
  options: { customName: 'RuleEngineVersion' },
})
@index({ appId: 1, status: 1 })
export class RuleEngineVersionModel {
  /** app-manage's version id. */
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true, match: /^mp[0-9a-f]{16}$/ })
  appId!: string;

  @prop({ type: String, required: true })
  orgId!: string;

  /** app-manage's VersionStatus (DEVELOPMENT, SUBMITTED, APPROVED, REJECTED, GRAY, PUBLISHED, DELISTED). */
  @prop({ type: String, required: true })
  status!: string;

  /** occurredAt (ISO) of the newest event applied; older replays are ignored. */
  @prop({ type: String, required: true })
  lastEventAt!: string;
}
