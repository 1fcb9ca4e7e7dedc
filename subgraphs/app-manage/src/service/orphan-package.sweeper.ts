import type { Logger, ObjectStore } from '@grove/platform';
import type { PackageUploadStore } from '../store/package-upload.store';
import type { VersionStore } from '../store/version.store';

/** An upload still unsettled after this long belongs to a process that died (uploads take seconds). */
export const ORPHAN_PACKAGE_GRACE_MS = 60 * 60 * 1000;
const SWEEP_EVERY_MS = 10 * 60 * 1000;
const SWEEP_BATCH = 100;

export interface OrphanPackageSweeperDeps {
  uploads: PackageUploadStore;
  versions: Pick<VersionStore, 'findById'>;
  objects: Pick<ObjectStore, 'delete'>;
  logger: Logger;
  now?: () => Date;
}

/**
 * Deletes packages whose upload never settled: the object was stored, then the process died before the version was
 * committed (or before a failed upload removed it). A version that did commit keeps its package; only the stale
 * upload record goes. Safe with several replicas: deleting an object or a record twice is a no-op.
 */
export class OrphanPackageSweeper {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(private readonly deps: OrphanPackageSweeperDeps) {}

  /** One pass; how many orphan objects were deleted. */
  async sweep(): Promise<number> {
    const now = (this.deps.now ?? (() => new Date()))();
    let deleted = 0;
    for (const upload of await this.deps.uploads.stale(
      new Date(now.getTime() - ORPHAN_PACKAGE_GRACE_MS),
      SWEEP_BATCH,
    )) {
      const version = await this.deps.versions.findById(upload.versionId);
      if (!version || version.packageKey !== upload._id) {
        await this.deps.objects.delete(upload._id);
        deleted++;
      }
      await this.deps.uploads.settle(upload._id);
    }
    if (deleted > 0) this.deps.logger.warn({ deleted }, 'deleted packages of uploads that never committed');
    return deleted;
  }

  /** Sweeps now and every 10 minutes, in the background (one pass at a time). */
  start(): void {
    const pass = () => {
      this.running ??= this.sweep()
        .catch((error: unknown) => {
          this.deps.logger.warn({ err: error }, 'orphan package sweep failed; next pass retries');
          return 0;
        })
        .finally(() => (this.running = undefined));
    };
    pass();
    this.timer = setInterval(pass, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
