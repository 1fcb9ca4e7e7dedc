export {
  MINI_PROGRAM_EVENTS_TOPIC,
  MiniProgramAccess,
  MiniProgramOwnershipProjection,
  type MiniProgramActor,
  type MiniProgramOwnership,
} from '@grove/contracts';
export { DomainMiniProgramModel } from './domain-mini-program.model';
