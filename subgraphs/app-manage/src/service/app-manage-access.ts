import {
  NotFoundError,
  requireOrgPermission,
  requireUser,
  type Permission,
  type Principal,
  type UserPrincipal,
} from '@grove/platform';
import type { MiniProgramModel } from '../store/mini-program.model';
import type { MiniProgramStore } from '../store/mini-program.store';
import { appIdField, parseInput } from './app-manage-input';

export interface AppActor {
  user: UserPrincipal;
  app: MiniProgramModel;
}

/**
 * Authorization from the principal the router forwards (the token's memberships and operator roles), checked
 * against the organization that owns the object being touched.
 */
export class AppManageAccess {
  constructor(private readonly apps: MiniProgramStore) {}

  /** Signed in first (anonymous callers learn nothing), then the app, then the permission in its organization. */
  async app(
    p: Principal,
    appId: unknown,
    permission: Permission,
    operatorPermission?: Permission,
  ): Promise<AppActor> {
    requireUser(p);
    const id = parseInput(appIdField, appId);
    const app = await this.apps.findById(id);
    // A mini-program whose deletion runs is gone for every caller already.
    if (!app || app.deletingAt) throw new NotFoundError('Mini-program not found');
    const user = requireOrgPermission(p, app.orgId, permission, operatorPermission);
    return { user, app };
  }
}
