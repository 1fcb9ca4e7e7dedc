import {
  ConflictError,
  NotFoundError,
  Permission,
  newId,
  requireOperatorPermission,
  requireUser,
  type ObjectStore,
  type Principal,
} from '@grove/platform';
import { gte } from 'semver';
import { z } from 'zod';
import type { BaseLibraryModel } from '../store/base-library.model';
import type { BaseLibraryStore } from '../store/base-library.store';
import { toBaseLibraryView, type BaseLibraryView } from '../store/views';
import { SdkTopic, type SdkEvents } from './sdk-events';
import {
  idField,
  notesField,
  optional,
  parseInput,
  platformField,
  platformsField,
  semverField,
} from './sdk-input';
import { newestFirst } from './semver-order';
import { PlatformReleaseCatalogue, type ReleaseListFilter } from './platform-release-catalogue';
import { platformReleaseOrders } from '../store/list-orders';
import { discardArtifact, storeZipArtifact } from './zip-artifact';

/** `baseLibraries`: newest first, 100 a page by default and at most (docs/query-limits.md); read whole and ordered by semver in memory, so an offset is cheap. */
export const BASE_LIBRARIES_PAGE = { defaultTake: 100, maxTake: 100 };

const uploadSchema = z.object({
  version: semverField,
  minSdkVersion: semverField,
  platforms: platformsField,
  releaseNotes: optional(notesField),
});

const updateSchema = z
  .object({
    minSdkVersion: optional(semverField),
    platforms: optional(platformsField),
    releaseNotes: z.union([notesField, z.null()]).optional(),
  })
  .refine((v) => Object.values(v).some((field) => field !== undefined), { message: 'nothing to update' });

const resolveSchema = z.object({ sdkVersion: semverField, platform: platformField });

/** The validated, normalized input of `resolve` (BAD_USER_INPUT otherwise); pure, shared with the SDK runtime. */
export function parseBaseLibraryQuery(input: {
  sdkVersion: unknown;
  platform: unknown;
}): z.infer<typeof resolveSchema> {
  return parseInput(resolveSchema, input);
}

/** The newest library whose minimum SDK version the SDK meets, else the newest one; undefined when there is none. */
export function selectBaseLibrary<T extends { version: string; minSdkVersion: string }>(
  libraries: readonly T[],
  sdkVersion: string,
): T | undefined {
  const candidates = newestFirst(libraries);
  return candidates.find((library) => gte(sdkVersion, library.minSdkVersion)) ?? candidates[0];
}

export interface UploadBaseLibraryInput {
  version: unknown;
  minSdkVersion: unknown;
  platforms: unknown;
  releaseNotes?: unknown;
  zip: Buffer;
}

export function baseLibraryKey(id: string): string {
  return `base-libraries/${id}.zip`;
}

/**
 * Base libraries (基础库, basic-pack-svr): operators (platform:configure) upload and enable/disable them;
 * signed-in users see the enabled ones; the runtime asks `resolve` which one an SDK should load.
 */
export class BaseLibraryService {
  constructor(
    private readonly libraries: BaseLibraryStore,
    private readonly events: SdkEvents,
    private readonly objects: ObjectStore,
    private readonly options: { maxBytes: number },
  ) {}

  private readonly catalogue = new PlatformReleaseCatalogue<BaseLibraryModel, BaseLibraryView>({
    store: this.libraries,
    events: this.events,
    noun: 'base library',
    page: BASE_LIBRARIES_PAGE,
    orders: platformReleaseOrders('baseLibraries'),
    toView: toBaseLibraryView,
    emitToggled: (enabled, library, actorId) =>
      this.publish(enabled ? 'base-library.enabled' : 'base-library.disabled', library, actorId),
  });

  async upload(p: Principal, input: UploadBaseLibraryInput): Promise<BaseLibraryView> {
    const user = requireOperatorPermission(p, Permission.PLATFORM_CONFIGURE);
    const data = parseInput(uploadSchema, input);
    const id = newId();
    const stored = await storeZipArtifact(
      this.objects,
      baseLibraryKey(id),
      input.zip,
      this.options.maxBytes,
      { 'base-library-version': data.version },
    );
    let library: BaseLibraryModel;
    try {
      library = await this.events.atomically(async () => {
        const inserted = await this.libraries.insert({
          _id: id,
          ...data,
          packageKey: stored.key,
          packageSha256: stored.sha256,
          packageSize: stored.size,
          packageFiles: stored.files,
          createdBy: user.userId,
        });
        await this.publish('base-library.uploaded', inserted, user.userId);
        return inserted;
      });
    } catch (error) {
      await discardArtifact(this.objects, stored.key);
      if (error instanceof ConflictError)
        throw new ConflictError(`Base library ${data.version} already exists`, {
          field: 'version',
          version: data.version,
        });
      throw error;
    }
    return toBaseLibraryView(library);
  }

  async update(p: Principal, id: string, input: unknown): Promise<BaseLibraryView> {
    const user = requireOperatorPermission(p, Permission.PLATFORM_CONFIGURE);
    const libraryId = parseInput(idField, id);
    const data = parseInput(updateSchema, input);
    const unset = data.releaseNotes === null ? ['releaseNotes'] : [];
    const updated = await this.events.atomically(async () => {
      const changed = await this.libraries.transition(
        libraryId,
        {},
        {
          minSdkVersion: data.minSdkVersion,
          platforms: data.platforms,
          releaseNotes: data.releaseNotes ?? undefined,
        },
        unset,
      );
      if (changed) await this.publish('base-library.updated', changed, user.userId);
      return changed;
    });
    if (!updated) throw new NotFoundError('Base library not found');
    return toBaseLibraryView(updated);
  }

  setEnabled(p: Principal, id: string, enabled: boolean): Promise<BaseLibraryView> {
    return this.catalogue.setEnabled(p, id, enabled);
  }

  /** Newest first unless `orderBy` says otherwise. Disabled ones only for operators who manage them. */
  list(p: Principal, filter: ReleaseListFilter = {}): Promise<BaseLibraryView[]> {
    return this.catalogue.list(p, filter);
  }

  /** How many `list` holds for this caller and filter. */
  total(p: Principal, filter: { platform?: unknown; enabled?: unknown } = {}): Promise<number> {
    return this.catalogue.total(p, filter);
  }

  get(p: Principal, id: string): Promise<BaseLibraryView> {
    return this.catalogue.get(p, id);
  }

  reference(p: Principal, id: string): Promise<BaseLibraryView | null> {
    return this.catalogue.reference(p, id);
  }

  /** The GraphQL face of `resolve`, for signed-in users. */
  async resolveFor(
    p: Principal,
    input: { sdkVersion: unknown; platform: unknown },
  ): Promise<BaseLibraryView | null> {
    requireUser(p);
    return this.resolve(input);
  }

  /**
   * For the SDK runtime: the newest enabled base library for the platform whose minimum SDK version the SDK
   * meets; when none is compatible, the newest enabled one for the platform; null when there is none.
   */
  async resolve(input: { sdkVersion: unknown; platform: unknown }): Promise<BaseLibraryView | null> {
    const { sdkVersion, platform } = parseBaseLibraryQuery(input);
    const chosen = selectBaseLibrary(await this.libraries.list({ platform, enabled: true }), sdkVersion);
    return chosen ? toBaseLibraryView(chosen) : null;
  }

  async downloadUrl(library: BaseLibraryView, expiresInSec: number): Promise<string> {
    return this.objects.presignedGetUrl(library.packageKey, expiresInSec);
  }

  private async publish(type: string, library: BaseLibraryModel, actorId: string): Promise<void> {
    await this.events.publish(SdkTopic.BASE_LIBRARY, type, library._id, {
      baseLibraryId: library._id,
      version: library.version,
      platforms: library.platforms.join(','),
      minSdkVersion: library.minSdkVersion,
      enabled: library.enabled,
      actorId,
    });
  }
}
