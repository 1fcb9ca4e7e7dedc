import {
  ConflictError,
  NotFoundError,
  Permission,
  requireOrgPermission,
  requireUser,
  type Logger,
  type ObjectStore,
  type Principal,
} from '@grove/platform';
import type { HostAppStore } from '../store/host-app.store';
import type { LinkModel } from '../store/link.model';
import type { LinkStore } from '../store/link.store';
import { MiniProgramStatus, type MiniProgramModel } from '../store/mini-program.model';
import type { MiniProgramStore } from '../store/mini-program.store';
import type { TrialStore } from '../store/trial.store';
import type { VersionContentsStore } from '../store/version-contents.store';
import { VersionStatus, type VersionModel } from '../store/version.model';
import type { VersionStore } from '../store/version.store';
import type { AppManageAccess } from './app-manage-access';
import { AppManageTopic, type AppManageEvents } from './app-manage-events';
import { appIdField, idField, parseInput } from './app-manage-input';
import type { LicenseGuard } from './mini-program.service';

/** Versions that never left the organization: nothing was reviewed into use, nothing was distributed. */
export const DELETABLE_VERSION_STATUSES: readonly VersionStatus[] = [
  VersionStatus.DEVELOPMENT,
  VersionStatus.REJECTED,
];

export interface DeletionStores {
  apps: MiniProgramStore;
  versions: VersionStore;
  contents: VersionContentsStore;
  hostApps: HostAppStore;
  links: LinkStore;
  trials: TrialStore;
}

/**
 * Deleting what an organization created and no longer wants. Every delete is guarded by the state that allows it,
 * in the same conditional write that removes (or marks) the document, so a concurrent change cannot slip between
 * the check and the delete:
 *
 * - a version only while DEVELOPMENT or REJECTED (never one in review, approved, released or delisted);
 * - a mini-program only while no version of it was ever approved (`firstApprovedAt`, written before any approval):
 *   so it was never gray-released, published or part of a release plan, and no host app ever ran it. Its versions,
 *   packages, logo, links and trial go with it; its license unit is released; `mini-program.deleted` lets the
 *   projections (domain, rule-engine, sdk-runtime) drop it;
 * - a host app only once disabled (the SDK already refuses its key, so deleting cannot cut off running apps by
 *   surprise). Its links go with it, its license unit is released, and `host-app.deleted` ends its key for good.
 */
export class DeletionService {
  constructor(
    private readonly stores: DeletionStores,
    private readonly access: AppManageAccess,
    private readonly events: AppManageEvents,
    private readonly objects: ObjectStore,
    private readonly logger: Logger,
    private readonly license?: Pick<LicenseGuard, 'release'>,
  ) {}

  /** miniprogram:write (like uploading); the package object and recorded contents go too. Releases nothing. */
  async deleteVersion(p: Principal, versionId: string): Promise<boolean> {
    requireUser(p);
    const version = await this.stores.versions.findById(parseInput(idField, versionId));
    if (!version) throw new NotFoundError('Version not found');
    const { user, app } = await this.access.app(p, version.appId, Permission.MINIPROGRAM_WRITE);
    // The records and their events commit together; the package object goes after the commit.
    await this.events.atomically(async () => {
      if (!(await this.stores.versions.deleteInStatus(version._id, DELETABLE_VERSION_STATUSES))) {
        const current = await this.stores.versions.findById(version._id);
        if (!current) throw new NotFoundError('Version not found');
        throw new ConflictError(
          `A version that is ${current.status} cannot be deleted; only DEVELOPMENT and REJECTED versions can`,
          {
            reason: 'VERSION_NOT_DELETABLE',
            status: current.status,
            versionId: current._id,
          },
        );
      }
      await this.stores.contents.delete(version._id);
      if (
        (await this.stores.trials.trialVersionId(app._id)) === version._id &&
        (await this.stores.trials.clearTrialVersion(app._id))
      ) {
        await this.events.publish(AppManageTopic.MINI_PROGRAM, 'trial.version-cleared', app._id, {
          appId: app._id,
          orgId: app.orgId,
          actorId: user.userId,
          versionId: version._id,
        });
      }
      await this.publishVersion('version.deleted', version, user.userId);
    });
    await this.deleteObject(version.packageKey);
    return true;
  }

  /**
   * miniprogram:release (owners and admins). Marks the app first — guarded by "never approved, not frozen" — so every
   * other caller already finds it gone, then removes what hangs off it, then the app itself. A deletion interrupted
   * half-way is finished by asking again (the mark lets the same owner through).
   */
  async deleteMiniProgram(p: Principal, appId: string): Promise<boolean> {
    requireUser(p);
    const id = parseInput(appIdField, appId);
    const found = await this.stores.apps.findById(id);
    if (!found) throw new NotFoundError('Mini-program not found');
    const user = requireOrgPermission(p, found.orgId, Permission.MINIPROGRAM_RELEASE);
    const app = await this.stores.apps.transition(
      id,
      { status: MiniProgramStatus.ACTIVE, firstApprovedAt: { $exists: false } },
      { deletingAt: found.deletingAt ?? new Date() },
    );
    if (!app) throw await this.notDeletable(id);
    // Versions approved before firstApprovedAt existed: the same rule, read from the versions.
    const reviewed = await this.stores.versions.findReviewedBeyond(id);
    if (reviewed) {
      await this.stores.apps.transition(
        id,
        {},
        { firstApprovedAt: reviewed.reviewedAt ?? reviewed.createdAt },
        ['deletingAt'],
      );
      throw releasedConflict();
    }

    for (const link of await this.stores.links.listByApp(id)) await this.removeLink(link, user.userId);
    for (const version of await this.stores.versions.listAllByApp(id)) {
      await this.stores.versions.deleteById(version._id);
      await this.removeVersionData(version);
    }
    for (const member of await this.stores.trials.listMembers(id))
      await this.stores.trials.removeMember(id, member.userId);
    await this.stores.trials.clearTrialVersion(id);
    if (app.logoKey) await this.deleteObject(app.logoKey);
    // The event commits with the document's removal: a retry after a crash before it finds the mark and finishes.
    const deleted = await this.events.atomically(async () => {
      await this.events.publish(AppManageTopic.MINI_PROGRAM, 'mini-program.deleted', id, {
        appId: id,
        orgId: app.orgId,
        actorId: user.userId,
      });
      return this.stores.apps.deleteMarked(id);
    });
    if (deleted) await this.license?.release('miniPrograms', id);
    return true;
  }

  /**
   * hostapp:manage. Only a disabled host app: the delete itself is conditional on `enabled: false`, so re-enabling
   * it concurrently either comes first (CONFLICT here) or finds nothing to enable.
   */
  async deleteHostApp(p: Principal, hostAppId: string): Promise<boolean> {
    requireUser(p);
    const id = parseInput(idField, hostAppId);
    const hostApp = await this.stores.hostApps.findById(id);
    if (!hostApp) throw new NotFoundError('Host app not found');
    const user = requireOrgPermission(p, hostApp.orgId, Permission.HOSTAPP_MANAGE);
    await this.events.atomically(async () => {
      if (!(await this.stores.hostApps.deleteDisabled(id))) {
        const current = await this.stores.hostApps.findById(id);
        if (!current) throw new NotFoundError('Host app not found');
        throw new ConflictError('Disable the host app before deleting it', {
          reason: 'HOST_APP_ENABLED',
          enabled: current.enabled,
        });
      }
      for (const link of await this.stores.links.listByHostApp(id)) await this.removeLink(link, user.userId);
      await this.events.publish(AppManageTopic.HOST_APP, 'host-app.deleted', id, {
        hostAppId: id,
        orgId: hostApp.orgId,
        actorId: user.userId,
      });
    });
    await this.license?.release('hostApps', id);
    return true;
  }

  private async notDeletable(appId: string): Promise<Error> {
    const current = await this.stores.apps.findById(appId);
    if (!current) return new NotFoundError('Mini-program not found');
    if (current.status === MiniProgramStatus.FROZEN) {
      return new ConflictError('A frozen mini-program cannot be deleted', {
        reason: 'MINI_PROGRAM_FROZEN',
        status: current.status,
      });
    }
    return releasedConflict(current);
  }

  private async removeVersionData(version: VersionModel): Promise<void> {
    await this.deleteObject(version.packageKey);
    await this.stores.contents.delete(version._id);
  }

  /** Objects are removed after their record: a failure leaves an unreferenced object (logged), never a dangling record. */
  private async deleteObject(key: string): Promise<void> {
    try {
      await this.objects.delete(key);
    } catch (error) {
      this.logger.warn({ err: error, key }, 'object of a deleted record not removed');
    }
  }

  private removeLink(link: LinkModel, actorId: string): Promise<void> {
    return this.events.atomically(async () => {
      if ((await this.stores.links.deleteOne({ _id: link._id })) === 0) return;
      await this.events.publish(AppManageTopic.HOST_APP, 'link.removed', link.hostAppId, {
        linkId: link._id,
        hostAppId: link.hostAppId,
        hostOrgId: link.hostOrgId,
        appId: link.appId,
        appOrgId: link.appOrgId,
        status: link.status,
        actorId,
      });
    });
  }

  private async publishVersion(type: string, version: VersionModel, actorId: string): Promise<void> {
    await this.events.publish(AppManageTopic.MINI_PROGRAM, type, version.appId, {
      appId: version.appId,
      orgId: version.orgId,
      versionId: version._id,
      versionName: version.versionName,
      status: version.status,
      actorId,
    });
  }
}

function releasedConflict(app?: Pick<MiniProgramModel, 'firstApprovedAt'>): ConflictError {
  return new ConflictError(
    'A mini-program that had an approved version cannot be deleted; delist its versions instead',
    {
      reason: 'MINI_PROGRAM_RELEASED',
      firstApprovedAt: app?.firstApprovedAt?.toISOString(),
    },
  );
}
