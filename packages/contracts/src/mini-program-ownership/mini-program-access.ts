import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  requireOrgPermission,
  requireUser,
  type Permission,
  type Principal,
  type UserPrincipal,
} from '@grove/platform';
import { MINI_PROGRAM_APP_ID } from '../app-manage.events';
import { OwnedMiniProgramStatus } from './mini-program-ownership.model';
import type {
  MiniProgramOwnership,
  MiniProgramOwnershipProjection,
} from './mini-program-ownership.projection';

export interface MiniProgramActor {
  user: UserPrincipal;
  app: MiniProgramOwnership;
}

/** Authorization against the organization that owns a mini-program, as the local projection knows it. */
export class MiniProgramAccess {
  constructor(private readonly projection: MiniProgramOwnershipProjection) {}

  /** Signed in first (anonymous callers learn nothing), then the app (NOT_FOUND), then the permission in its org. */
  async app(
    p: Principal,
    appId: unknown,
    permission: Permission,
    operatorPermission?: Permission,
  ): Promise<MiniProgramActor> {
    requireUser(p);
    const id = typeof appId === 'string' ? appId.trim() : '';
    if (!MINI_PROGRAM_APP_ID.test(id))
      throw new BadUserInputError('appId is not a mini-program app id', { fields: ['appId'] });
    const app = await this.projection.get(id);
    if (!app) throw new NotFoundError('Mini-program not found');
    const user = requireOrgPermission(p, app.orgId, permission, operatorPermission);
    return { user, app };
  }

  /** Changes to a frozen mini-program are refused, like app-manage refuses releasing one. */
  requireActive(app: MiniProgramOwnership, verb: string): void {
    if (app.status !== OwnedMiniProgramStatus.ACTIVE) {
      throw new ConflictError(`A frozen mini-program cannot be ${verb}`, {
        reason: 'MINI_PROGRAM_FROZEN',
        status: app.status,
      });
    }
  }
}
