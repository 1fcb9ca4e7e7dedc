import { index, modelOptions, prop } from '@typegoose/typegoose';

export const OwnedMiniProgramStatus = { ACTIVE: 'ACTIVE', FROZEN: 'FROZEN' } as const;
export type OwnedMiniProgramStatus = (typeof OwnedMiniProgramStatus)[keyof typeof OwnedMiniProgramStatus];

/**
 * Local copy of who owns a mini-program, fed by app-manage's events. Each consuming subgraph declares its own
 * subclass with its own collection, so the projections never share storage.
 */
@index({ orgId: 1 })
export class MiniProgramOwnershipModel {
  /** The app id. */
  @prop({ type: String, required: true, match: /^mp[0-9a-f]{16}$/ })
  _id!: string;

  @prop({ type: String, required: true })
  orgId!: string;

  @prop({ type: String, required: true, enum: Object.values(OwnedMiniProgramStatus) })
  status!: OwnedMiniProgramStatus;

  /** occurredAt (ISO) of the newest event applied; older replays are ignored. */
  @prop({ type: String, required: true })
  lastEventAt!: string;
}

@modelOptions({ schemaOptions: { collection: 'domain_mini_programs' }, options: { customName: 'DomainMiniProgram' } })
export class DomainMiniProgramModel extends MiniProgramOwnershipModel {}
