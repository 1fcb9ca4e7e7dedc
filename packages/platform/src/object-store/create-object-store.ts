import { FsObjectStore, type FsObjectStoreOptions } from './fs-object-store.driver';
import type { ObjectStore } from './object-store.port';
import type { S3ObjectStoreOptions } from './s3-object-store.driver';

export type ObjectStoreOptions =
  ({ driver: 'fs' } & FsObjectStoreOptions) | ({ driver: 's3' } & S3ObjectStoreOptions);

/**
 * Opens the configured driver; fails fast when its root directory or bucket cannot be prepared. The S3 driver
 * (and the minio client, ~25 MB of a process) is loaded only when selected.
 */
export async function createObjectStore(options: ObjectStoreOptions): Promise<ObjectStore> {
  switch (options.driver) {
    case 'fs': {
      const { driver: _driver, ...fsOptions } = options;
      return FsObjectStore.open(fsOptions);
    }
    case 's3': {
      const { driver: _driver, ...s3Options } = options;
      const { S3ObjectStore } = await import('./s3-object-store.driver');
      return S3ObjectStore.open(s3Options);
    }
    default:
      throw new Error(`Unknown object store driver: ${(options as { driver: unknown }).driver}`);
  }
}
