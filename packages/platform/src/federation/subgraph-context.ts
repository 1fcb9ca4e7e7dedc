import type { Logger } from 'pino';
import type { Principal } from '../auth/principal';
import type { AuthorizationGate } from '../auth/authorization-epochs';

/** What every subgraph resolver receives, in embedded and distributed mode alike. */
export interface SubgraphContext {
  principal: Principal;
  requestId: string;
  logger: Logger;
  /** Client IP as seen by the router (for login throttling and audit). */
  clientIp?: string;
  /** Device identifier sent by the client (`x-device-id`), used to group sessions. */
  deviceId?: string;
  userAgent?: string;
  /** Checks the caller's token against the revocation records before every mutation (buildSubgraph wraps them). */
  authorization?: AuthorizationGate;
}
