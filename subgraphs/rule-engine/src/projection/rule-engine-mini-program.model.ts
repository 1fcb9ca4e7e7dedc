import { MiniProgramOwnershipModel } from '@grove/contracts';
import { modelOptions } from '@typegoose/typegoose';

/** This subgraph's own copy of mini-program ownership (the projection code lives in @grove/contracts). */
@modelOptions({
  schemaOptions: { collection: 'rule_engine_mini_programs' },
  options: { customName: 'RuleEngineMiniProgram' },
})
export class RuleEngineMiniProgramModel extends MiniProgramOwnershipModel {}
