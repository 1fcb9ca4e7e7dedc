import { MiniProgramOwnershipModel } from '@grove/contracts';
import { modelOptions } from '@typegoose/typegoose';

/** This subgraph's own copy of mini-program ownership (the projection code lives in @grove/contracts). */
@modelOptions({
  schemaOptions: { collection: 'analytics_mini_programs' },
  options: { customName: 'AnalyticsMiniProgram' },
})
export class AnalyticsMiniProgramModel extends MiniProgramOwnershipModel {}
