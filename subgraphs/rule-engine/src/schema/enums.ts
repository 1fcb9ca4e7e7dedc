import { registerEnumType } from 'type-graphql';
import { ReleasePlanState } from '../engine';

registerEnumType(ReleasePlanState, {
  name: 'ReleasePlanState',
  description:
    'ACTIVE and PAUSED plans are running (PAUSED keeps its cohort, admits nobody new); COMPLETING waits for app-manage to publish the version; COMPLETED, REVERTED and FAILED (the version could not be gray-released or published) are final',
});

export { ReleasePlanState };
