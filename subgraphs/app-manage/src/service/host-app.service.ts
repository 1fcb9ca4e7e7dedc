import {
  ConflictError,
  NotFoundError,
  Permission,
  newId,
  randomToken,
  requireOrgPermission,
  requireUser,
  type Principal,
  type UserPrincipal,
  encodeCursor,
  listOrder,
  type PageRequest,
} from '@grove/platform';
import type { HostAppModel } from '../store/host-app.model';
import type { HostAppStore } from '../store/host-app.store';
import { HOST_APP_ORDERS } from '../store/list-orders';
import { toHostAppView, type HostAppView } from '../store/views';
import { AppManageTopic, type AppManageEvents } from './app-manage-events';
import { createHostAppSchema, idField, parseInput, updateHostAppSchema } from './app-manage-input';
import { newSdkKey } from './app-id';
import type { LicenseGuard } from './mini-program.service';
import type { SecretCipher } from './secret-cipher';

/** The only moment an SDK secret is readable: the answer to create and rotate. */
export interface HostAppCredentials {
  hostApp: HostAppView;
  sdkKey: string;
  sdkSecret: string;
}

/** What the SDK runtime needs to verify a host app's request signatures. */
export interface SdkCredentials {
  hostAppId: string;
  orgId: string;
  secret: string;
  enabled: boolean;
}

const SECRET_BYTES = 32;

export function secretAad(hostAppId: string, secretVersion: number): string {
  return `host-app:${hostAppId}:secret:v${secretVersion}`;
}

/** Host apps (应用): bundle ids per platform, SDK key + secret, enable/disable, secret rotation. */
export class HostAppService {
  constructor(
    private readonly hostApps: HostAppStore,
    private readonly events: AppManageEvents,
    private readonly cipher: SecretCipher,
    private readonly options: { license?: LicenseGuard },
  ) {}

  async create(p: Principal, input: unknown): Promise<HostAppCredentials> {
    requireUser(p);
    const data = parseInput(createHostAppSchema, input);
    const user = requireOrgPermission(p, data.orgId, Permission.HOSTAPP_MANAGE);
    const id = newId();
    const secret = randomToken(SECRET_BYTES);
    let hostApp: HostAppModel;
    try {
      // The record and its event commit together.
      const insert = () =>
        this.events.atomically(async () => {
          const inserted = await this.hostApps.insert({
            _id: id,
            ...data,
            sdkKey: newSdkKey(),
            secretCiphertext: this.cipher.encrypt(secret, secretAad(id, 1)),
            secretVersion: 1,
            secretHint: secret.slice(-4),
            secretRotatedAt: new Date(),
            createdBy: user.userId,
          });
          await this.publish('host-app.created', inserted, user.userId);
          return inserted;
        });
      hostApp = this.options.license
        ? await this.options.license.claim('hostApps', id, insert)
        : await insert();
    } catch (error) {
      if (error instanceof ConflictError)
        throw new ConflictError('This organization already has a host app with that name', { field: 'name' });
      throw error;
    }
    return { hostApp: toHostAppView(hostApp), sdkKey: hostApp.sdkKey, sdkSecret: secret };
  }

  async update(p: Principal, id: string, input: unknown): Promise<HostAppView> {
    const { user, hostApp } = await this.load(p, id, Permission.HOSTAPP_MANAGE);
    const data = parseInput(updateHostAppSchema, input);
    const next = {
      iosBundleIds: data.iosBundleIds ?? hostApp.iosBundleIds,
      androidPackageNames: data.androidPackageNames ?? hostApp.androidPackageNames,
      harmonyBundleNames: data.harmonyBundleNames ?? hostApp.harmonyBundleNames,
    };
    if (next.iosBundleIds.length + next.androidPackageNames.length + next.harmonyBundleNames.length === 0) {
      parseInput(createHostAppSchema, { orgId: hostApp.orgId, name: hostApp.name, ...next });
    }
    let updated: HostAppModel | null;
    try {
      updated = await this.events.atomically(async () => {
        const changed = await this.hostApps.transition(hostApp._id, {}, { name: data.name, ...next });
        if (changed) await this.publish('host-app.updated', changed, user.userId);
        return changed;
      });
    } catch (error) {
      if (error instanceof ConflictError)
        throw new ConflictError('This organization already has a host app with that name', { field: 'name' });
      throw error;
    }
    if (!updated) throw new NotFoundError('Host app not found');
    return toHostAppView(updated);
  }

  async setEnabled(p: Principal, id: string, enabled: boolean): Promise<HostAppView> {
    const { user, hostApp } = await this.load(p, id, Permission.HOSTAPP_MANAGE);
    const updated = await this.events.atomically(async () => {
      const changed = await this.hostApps.transition(hostApp._id, { enabled: !enabled }, { enabled });
      if (!changed) {
        const current = await this.hostApps.findById(hostApp._id);
        if (!current) throw new NotFoundError('Host app not found');
        throw new ConflictError(`The host app is already ${enabled ? 'enabled' : 'disabled'}`, {
          enabled: current.enabled,
        });
      }
      await this.publish(enabled ? 'host-app.enabled' : 'host-app.disabled', changed, user.userId);
      return changed;
    });
    return toHostAppView(updated);
  }

  /**
   * Replaces the SDK secret; the old one stops verifying at once. Guarded by the secret version read, so two
   * concurrent rotations cannot both hand out a secret that is not the stored one.
   */
  async rotateSecret(p: Principal, id: string): Promise<HostAppCredentials> {
    const { user, hostApp } = await this.load(p, id, Permission.HOSTAPP_MANAGE);
    const secret = randomToken(SECRET_BYTES);
    const version = hostApp.secretVersion + 1;
    const updated = await this.events.atomically(async () => {
      const rotated = await this.hostApps.transition(
        hostApp._id,
        { secretVersion: hostApp.secretVersion },
        {
          secretCiphertext: this.cipher.encrypt(secret, secretAad(hostApp._id, version)),
          secretVersion: version,
          secretHint: secret.slice(-4),
          secretRotatedAt: new Date(),
        },
      );
      if (!rotated)
        throw new ConflictError('The secret was rotated meanwhile; try again', {
          reason: 'CONCURRENT_ROTATION',
        });
      await this.publish('host-app.secret-rotated', rotated, user.userId);
      return rotated;
    });
    return { hostApp: toHostAppView(updated), sdkKey: updated.sdkKey, sdkSecret: secret };
  }

  async get(p: Principal, id: string): Promise<HostAppView> {
    const { hostApp } = await this.load(p, id, Permission.ORG_READ, Permission.ORG_READ_ANY);
    return toHostAppView(hostApp);
  }

  /** Newest first unless `orderBy` says otherwise, a page at a time (`take` up to 100, `after` a host app's cursor). */
  async list(
    p: Principal,
    orgId: string,
    page: PageRequest & { orderBy?: { field?: unknown; direction?: unknown } | null } = {},
  ): Promise<HostAppView[]> {
    requireUser(p);
    const id = parseInput(idField, orgId);
    requireOrgPermission(p, id, Permission.ORG_READ, Permission.ORG_READ_ANY);
    const order = listOrder(HOST_APP_ORDERS, page.orderBy);
    return (await this.hostApps.listByOrg(id, order, page)).map((h) => ({
      ...toHostAppView(h),
      cursor: encodeCursor(order, h),
    }));
  }

  async reference(p: Principal, id: string): Promise<HostAppView | null> {
    return this.get(p, id).catch(() => null);
  }

  /** For the SDK runtime: the clear secret of a host app by its public SDK key, or null when unknown. */
  async resolveSdkCredentials(sdkKey: string): Promise<SdkCredentials | null> {
    if (typeof sdkKey !== 'string' || !/^hk[0-9a-f]{24}$/.test(sdkKey)) return null;
    const hostApp = await this.hostApps.findBySdkKey(sdkKey);
    if (!hostApp) return null;
    return {
      hostAppId: hostApp._id,
      orgId: hostApp.orgId,
      secret: this.cipher.decrypt(hostApp.secretCiphertext, secretAad(hostApp._id, hostApp.secretVersion)),
      enabled: hostApp.enabled,
    };
  }

  /** Without authorization (in-package use by links). */
  async exists(id: string): Promise<boolean> {
    return (await this.hostApps.findById(id)) !== null;
  }

  /** Loads a host app and checks the caller's permission in its organization (in-package use by links). */
  async load(
    p: Principal,
    id: string,
    permission: Permission,
    operatorPermission?: Permission,
  ): Promise<{ user: UserPrincipal; hostApp: HostAppModel }> {
    requireUser(p);
    const hostAppId = parseInput(idField, id);
    const hostApp = await this.hostApps.findById(hostAppId);
    if (!hostApp) throw new NotFoundError('Host app not found');
    const user = requireOrgPermission(p, hostApp.orgId, permission, operatorPermission);
    return { user, hostApp };
  }

  private async publish(type: string, hostApp: HostAppModel, actorId: string): Promise<void> {
    await this.events.publish(AppManageTopic.HOST_APP, type, hostApp._id, {
      hostAppId: hostApp._id,
      orgId: hostApp.orgId,
      actorId,
    });
  }
}
