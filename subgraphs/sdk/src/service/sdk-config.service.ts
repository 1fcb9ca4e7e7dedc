import {
  ConflictError,
  NotFoundError,
  Permission,
  requireOperatorPermission,
  requireOrgPermission,
  requireUser,
  type Principal,
  type UserPrincipal,
  encodeCursor,
  type PageRequest,
} from '@grove/platform';
import { z } from 'zod';
import type { HostAppOwnershipStore } from '../store/host-app-ownership.store';
import { GLOBAL_SCOPE, type SdkConfigHeadModel } from '../store/sdk-config.model';
import { CONFIG_HISTORY_ORDER, type SdkConfigStore } from '../store/sdk-config.store';
import {
  BUILT_IN_SDK_CONFIG,
  canonicalJson,
  configEtag,
  mergeSdkConfig,
  sdkConfigOverrideSchema,
  sdkConfigSchema,
  type SdkConfigDocument,
  type SdkConfigOverrideDocument,
} from './sdk-config.schema';
import { SdkTopic, type SdkEvents } from './sdk-events';
import { idField, optional, parseInput } from './sdk-input';

const expectedVersionField = optional(z.number().int().min(0, 'must be 0 or more'));

export interface GlobalSdkConfigView {
  /** 0 while the built-in defaults apply. */
  version: number;
  etag: string;
  config: SdkConfigDocument;
  updatedBy?: string;
  updatedAt?: Date;
}

export interface SdkConfigOverrideView {
  hostAppId: string;
  /** 0 when the host app never had an override. */
  version: number;
  etag: string;
  settings: SdkConfigOverrideDocument;
  updatedBy?: string;
  updatedAt?: Date;
}

export interface EffectiveSdkConfigView {
  hostAppId: string;
  /**
   * globalVersion + overrideVersion: both only grow, so this strictly grows with every change that affects
   * the host app and names one point of its history.
   */
  version: number;
  globalVersion: number;
  overrideVersion: number;
  /** Hex SHA-256 of the canonical JSON of `config`: equal configs, equal ETags, whatever the versions. */
  etag: string;
  config: SdkConfigDocument;
}

export interface SdkConfigRevisionView {
  /** `global` or the host app id. */
  scope: string;
  version: number;
  etag: string;
  settings: SdkConfigOverrideDocument;
  createdBy: string;
  createdAt: Date;
  cursor: string;
}

/**
 * SDK configuration (control-manager): global defaults edited by operators (platform:configure) and
 * per-host-app overrides edited by the owning organization (hostapp:manage). Every change is a new
 * immutable version reached through a conditional update; an `expectedVersion` lets editors refuse to
 * overwrite a change they have not seen.
 */
export class SdkConfigService {
  constructor(
    private readonly configs: SdkConfigStore,
    private readonly owners: HostAppOwnershipStore,
    private readonly events: SdkEvents,
  ) {}

  async globalConfig(p: Principal): Promise<GlobalSdkConfigView> {
    requireUser(p);
    return this.globalView(await this.configs.head(GLOBAL_SCOPE));
  }

  /** Replaces the global defaults; fields not given take the built-in defaults. */
  async updateGlobal(p: Principal, input: unknown, expectedVersion?: unknown): Promise<GlobalSdkConfigView> {
    const user = requireOperatorPermission(p, Permission.PLATFORM_CONFIGURE);
    const config = parseInput(sdkConfigSchema, input);
    const head = await this.write(GLOBAL_SCOPE, expectedVersion, user, config, 'sdk-config.global-updated');
    return this.globalView(head);
  }

  async override(p: Principal, hostAppId: string): Promise<SdkConfigOverrideView> {
    const id = await this.authorizeHostApp(p, hostAppId, Permission.ORG_READ, Permission.ORG_READ_ANY);
    return this.overrideView(id, await this.configs.head(id));
  }

  /** Replaces the host app's override: exactly the fields given override the defaults. */
  async setOverride(
    p: Principal,
    hostAppId: string,
    input: unknown,
    expectedVersion?: unknown,
  ): Promise<SdkConfigOverrideView> {
    const id = await this.authorizeHostApp(p, hostAppId, Permission.HOSTAPP_MANAGE);
    const user = requireUser(p);
    const settings = parseInput(sdkConfigOverrideSchema, input);
    const head = await this.write(id, expectedVersion, user, settings, 'sdk-config.override-updated');
    return this.overrideView(id, head);
  }

  /** A new, empty override version: the host app follows the global defaults again. */
  async clearOverride(
    p: Principal,
    hostAppId: string,
    expectedVersion?: unknown,
  ): Promise<SdkConfigOverrideView> {
    const id = await this.authorizeHostApp(p, hostAppId, Permission.HOSTAPP_MANAGE);
    const user = requireUser(p);
    const head = await this.write(id, expectedVersion, user, {}, 'sdk-config.override-cleared');
    return this.overrideView(id, head);
  }

  async effective(p: Principal, hostAppId: string): Promise<EffectiveSdkConfigView> {
    const id = await this.authorizeHostApp(p, hostAppId, Permission.ORG_READ, Permission.ORG_READ_ANY);
    return this.effectiveConfig(id);
  }

  /** For the SDK runtime (already authenticated the host app): defaults merged with its override. */
  async effectiveConfig(hostAppId: string): Promise<EffectiveSdkConfigView> {
    const id = parseInput(idField, hostAppId);
    const heads = await this.configs.headsOf([GLOBAL_SCOPE, id]);
    const global = this.globalView(heads.find((h) => h._id === GLOBAL_SCOPE) ?? null);
    const override = this.overrideView(id, heads.find((h) => h._id === id) ?? null);
    const config = mergeSdkConfig(global.config, override.settings);
    return {
      hostAppId: id,
      version: global.version + override.version,
      globalVersion: global.version,
      overrideVersion: override.version,
      etag: configEtag(config),
      config,
    };
  }

  /** Versions of the global defaults (signed-in users) or of a host app's override (its organization, operators). */
  async history(
    p: Principal,
    hostAppId: string | null | undefined,
    page: PageRequest = {},
  ): Promise<SdkConfigRevisionView[]> {
    requireUser(p);
    const scope =
      hostAppId == null
        ? GLOBAL_SCOPE
        : await this.authorizeHostApp(p, hostAppId, Permission.ORG_READ, Permission.ORG_READ_ANY);
    return (await this.configs.history(scope, page)).map((row) => ({
      scope: row.scope,
      version: row.version,
      etag: row.etag,
      settings: JSON.parse(row.configJson) as SdkConfigOverrideDocument,
      createdBy: row.createdBy,
      createdAt: row.createdAt,
      cursor: encodeCursor(CONFIG_HISTORY_ORDER, row),
    }));
  }

  /** Signed in, then the host app must be known (from app-manage's events), then the permission in its org. */
  private async authorizeHostApp(
    p: Principal,
    hostAppId: unknown,
    permission: Permission,
    operatorPermission?: Permission,
  ): Promise<string> {
    requireUser(p);
    const id = parseInput(idField, hostAppId);
    const owner = await this.owners.findById(id);
    if (!owner) throw new NotFoundError('Host app not found');
    requireOrgPermission(p, owner.orgId, permission, operatorPermission);
    return id;
  }

  private async write(
    scope: string,
    expectedVersion: unknown,
    user: UserPrincipal,
    document: object,
    eventType: string,
  ): Promise<SdkConfigHeadModel> {
    const expected = parseInput(expectedVersionField, expectedVersion);
    const current = (await this.configs.head(scope))?.version ?? 0;
    if (expected !== undefined && expected !== current) {
      throw new ConflictError(
        `The configuration is at version ${current}, not ${expected}; reload and try again`,
        {
          reason: 'STALE_VERSION',
          currentVersion: current,
        },
      );
    }
    // The new revision and its event commit together.
    return this.events.atomically(async () => {
      const head = await this.configs.advance(scope, current, {
        configJson: canonicalJson(document),
        etag: configEtag(document),
        actorId: user.userId,
      });
      if (!head)
        throw new ConflictError('The configuration was changed meanwhile; reload and try again', {
          reason: 'CONCURRENT_UPDATE',
        });
      await this.emit(eventType, scope, head, user.userId);
      return head;
    });
  }

  private globalView(head: SdkConfigHeadModel | null): GlobalSdkConfigView {
    // Re-parsed so documents written before a setting existed get its default.
    const config = head
      ? sdkConfigSchema.parse(JSON.parse(head.configJson))
      : sdkConfigSchema.parse(BUILT_IN_SDK_CONFIG);
    return {
      version: head?.version ?? 0,
      etag: configEtag(config),
      config,
      updatedBy: head?.updatedBy,
      updatedAt: head?.updatedAt,
    };
  }

  private overrideView(hostAppId: string, head: SdkConfigHeadModel | null): SdkConfigOverrideView {
    const settings = head ? sdkConfigOverrideSchema.parse(JSON.parse(head.configJson)) : {};
    return {
      hostAppId,
      version: head?.version ?? 0,
      etag: configEtag(settings),
      settings,
      updatedBy: head?.updatedBy,
      updatedAt: head?.updatedAt,
    };
  }

  private async emit(type: string, scope: string, head: SdkConfigHeadModel, actorId: string): Promise<void> {
    await this.events.publish(SdkTopic.CONFIG, type, scope, {
      scope,
      hostAppId: scope === GLOBAL_SCOPE ? null : scope,
      version: head.version,
      etag: head.etag,
      actorId,
    });
  }
}
