import { registerEnumType } from 'type-graphql';
import { ReleasePlanState } from '../engine';

registerEnumType(ReleasePlanState, {
  name: 'ReleasePlanState',
  description: 'ACTIVE and PAUSED plans are running (PAUSED keeps its cohort, admits nobody new); COMPLETED and REVERTED are final',
});

export { ReleasePlanState };
