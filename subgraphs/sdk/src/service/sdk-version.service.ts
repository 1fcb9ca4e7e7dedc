import {
  BadUserInputError,
  ConflictError,
  Permission,
  newId,
  requireOperatorPermission,
  type ObjectStore,
  type Principal,
  type UserPrincipal,
} from '@grove/platform';
import { z } from 'zod';
import type { SdkVersionModel } from '../store/sdk-version.model';
import type { SdkVersionStore } from '../store/sdk-version.store';
import { toSdkVersionView, type SdkVersionView } from '../store/views';
import { SdkTopic, type SdkEvents } from './sdk-events';
import { notesField, objectKeyField, optional, parseInput, platformField, semverField } from './sdk-input';
import { PlatformReleaseCatalogue, type ReleaseListFilter } from './platform-release-catalogue';
import { platformReleaseOrders } from '../store/list-orders';
import { discardArtifact, storeZipArtifact } from './zip-artifact';

/** `sdkVersions`: newest first, 100 a page by default and at most (docs/query-limits.md); read whole and ordered by semver in memory, so an offset is cheap. */
export const SDK_VERSIONS_PAGE = { defaultTake: 100, maxTake: 100 };

const releaseFields = { platform: platformField, version: semverField, releaseNotes: optional(notesField) };
const publishSchema = z.object({ ...releaseFields, artifactKey: objectKeyField });
const uploadSchema = z.object(releaseFields);

export interface UploadSdkVersionInput {
  platform: unknown;
  version: unknown;
  releaseNotes?: unknown;
  zip: Buffer;
}

export function sdkVersionKey(platform: string, id: string): string {
  return `sdk-versions/${platform.toLowerCase()}/${id}.zip`;
}

/**
 * Where a publishable SDK artifact may be: placed by a release pipeline (`releases/`) or by the upload route
 * (`sdk-versions/`). Never an organization's SDK build (`sdk-builds/<orgId>/…`, reviewed for that organization only),
 * a mini-program package or a base library: publishing would hand it to every host app as a platform SDK.
 */
export const SDK_RELEASE_KEY_PREFIXES = ['releases/', 'sdk-versions/'] as const;

/** SDK releases (sdk-manager): operators (platform:configure) publish them; signed-in users see enabled ones. */
export class SdkVersionService {
  constructor(
    private readonly versions: SdkVersionStore,
    private readonly events: SdkEvents,
    private readonly objects: ObjectStore,
    private readonly options: { maxBytes: number },
  ) {}

  private readonly catalogue = new PlatformReleaseCatalogue<SdkVersionModel, SdkVersionView>({
    store: this.versions,
    events: this.events,
    noun: 'SDK version',
    page: SDK_VERSIONS_PAGE,
    orders: platformReleaseOrders('sdkVersions'),
    toView: toSdkVersionView,
    emitToggled: (enabled, version, actorId) =>
      this.emit(enabled ? 'sdk-version.enabled' : 'sdk-version.disabled', version, actorId),
  });

  /** Publishes an artifact already in the object store (e.g. placed there by a release pipeline). */
  async publish(p: Principal, input: unknown): Promise<SdkVersionView> {
    const user = requireOperatorPermission(p, Permission.PLATFORM_CONFIGURE);
    const data = parseInput(publishSchema, input);
    if (!SDK_RELEASE_KEY_PREFIXES.some((prefix) => data.artifactKey.startsWith(prefix))) {
      throw new BadUserInputError(
        `Only artifacts under ${SDK_RELEASE_KEY_PREFIXES.join(' or ')} can be published as SDK versions`,
        {
          field: 'artifactKey',
          reason: 'ARTIFACT_NOT_PUBLISHABLE',
        },
      );
    }
    const info = await this.objects.stat(data.artifactKey);
    if (!info)
      throw new BadUserInputError('No object with that artifact key exists', {
        field: 'artifactKey',
        reason: 'ARTIFACT_NOT_FOUND',
      });
    return this.insert(user, {
      _id: newId(),
      platform: data.platform,
      version: data.version,
      releaseNotes: data.releaseNotes,
      artifactKey: data.artifactKey,
      artifactSha256: info.sha256,
      artifactSize: info.size,
    });
  }

  /** The upload route: stores the ZIP, then publishes it; the object is removed again if publishing fails. */
  async upload(p: Principal, input: UploadSdkVersionInput): Promise<SdkVersionView> {
    const user = requireOperatorPermission(p, Permission.PLATFORM_CONFIGURE);
    const data = parseInput(uploadSchema, input);
    const id = newId();
    const stored = await storeZipArtifact(
      this.objects,
      sdkVersionKey(data.platform, id),
      input.zip,
      this.options.maxBytes,
      { 'sdk-version': data.version },
    );
    try {
      return await this.insert(user, {
        _id: id,
        ...data,
        artifactKey: stored.key,
        artifactSha256: stored.sha256,
        artifactSize: stored.size,
      });
    } catch (error) {
      await discardArtifact(this.objects, stored.key);
      throw error;
    }
  }

  setEnabled(p: Principal, id: string, enabled: boolean): Promise<SdkVersionView> {
    return this.catalogue.setEnabled(p, id, enabled);
  }

  /** Newest first unless `orderBy` says otherwise. Disabled ones only for operators who manage them. */
  list(p: Principal, filter: ReleaseListFilter = {}): Promise<SdkVersionView[]> {
    return this.catalogue.list(p, filter);
  }

  /** How many `list` holds for this caller and filter. */
  total(p: Principal, filter: { platform?: unknown; enabled?: unknown } = {}): Promise<number> {
    return this.catalogue.total(p, filter);
  }

  get(p: Principal, id: string): Promise<SdkVersionView> {
    return this.catalogue.get(p, id);
  }

  reference(p: Principal, id: string): Promise<SdkVersionView | null> {
    return this.catalogue.reference(p, id);
  }

  async downloadUrl(version: SdkVersionView, expiresInSec: number): Promise<string> {
    return this.objects.presignedGetUrl(version.artifactKey, expiresInSec);
  }

  private async insert(
    user: UserPrincipal,
    data: Omit<SdkVersionModel, 'createdAt' | 'updatedAt' | 'enabled' | 'createdBy'>,
  ): Promise<SdkVersionView> {
    let version: SdkVersionModel;
    try {
      version = await this.events.atomically(async () => {
        const inserted = await this.versions.insert({ ...data, createdBy: user.userId });
        await this.emit('sdk-version.published', inserted, user.userId);
        return inserted;
      });
    } catch (error) {
      if (error instanceof ConflictError) {
        throw new ConflictError(`SDK ${data.version} for ${data.platform} already exists`, {
          field: 'version',
          platform: data.platform,
          version: data.version,
        });
      }
      throw error;
    }
    return toSdkVersionView(version);
  }

  private async emit(type: string, version: SdkVersionModel, actorId: string): Promise<void> {
    await this.events.publish(SdkTopic.SDK_VERSION, type, version._id, {
      sdkVersionId: version._id,
      platform: version.platform,
      version: version.version,
      enabled: version.enabled,
      actorId,
    });
  }
}
