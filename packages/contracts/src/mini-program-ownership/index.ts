export { MiniProgramOwnershipModel, OwnedMiniProgramStatus } from './mini-program-ownership.model';
export {
  MINI_PROGRAM_EVENTS_TOPIC,
  MiniProgramOwnershipProjection,
  type MiniProgramOwnership,
} from './mini-program-ownership.projection';
export { MiniProgramAccess, type MiniProgramActor } from './mini-program-access';
