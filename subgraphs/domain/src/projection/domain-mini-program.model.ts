import { MiniProgramOwnershipModel } from '@grove/contracts';
import { modelOptions } from '@typegoose/typegoose';

/** This subgraph's own copy of mini-program ownership (the projection code lives in @grove/contracts). */
@modelOptions({
  schemaOptions: { collection: 'domain_mini_programs' },
  options: { customName: 'DomainMiniProgram' },
})
export class DomainMiniProgramModel extends MiniProgramOwnershipModel {}
