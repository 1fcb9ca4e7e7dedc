import { index, prop } from '@typegoose/typegoose';
import { MINI_PROGRAM_APP_ID } from '../app-manage.events';

/** DELETED is a tombstone: it keeps `lastEventAt` so a late replay of an older event cannot bring the app back. */
export const OwnedMiniProgramStatus = { ACTIVE: 'ACTIVE', FROZEN: 'FROZEN', DELETED: 'DELETED' } as const;
export type OwnedMiniProgramStatus = (typeof OwnedMiniProgramStatus)[keyof typeof OwnedMiniProgramStatus];

/**
 * Local copy of who owns a mini-program, fed by app-manage's events. Each consuming subgraph declares its own
 * subclass with its own collection (`@modelOptions`), so the projections never share storage.
 */
@index({ orgId: 1 })
export class MiniProgramOwnershipModel {
  /** The app id. */
  @prop({ type: String, required: true, match: MINI_PROGRAM_APP_ID })
  _id!: string;

  @prop({ type: String, required: true })
  orgId!: string;

  @prop({ type: String, required: true, enum: Object.values(OwnedMiniProgramStatus) })
  status!: OwnedMiniProgramStatus;

  /** occurredAt (ISO) of the newest event applied; older replays are ignored. */
  @prop({ type: String, required: true })
  lastEventAt!: string;
}
