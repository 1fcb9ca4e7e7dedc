export type { ObjectInfo, ObjectStore, ObjectStoreDriver, PutObjectOptions } from './object-store.port';
export { MAX_OBJECT_KEY_LENGTH, MAX_PRESIGN_EXPIRY_SEC, validateObjectKey } from './object-input';
export { FsObjectStore, type FsObjectStoreOptions } from './fs-object-store.driver';
// The S3 class is reached through createObjectStore so the minio client loads only when selected.
export type { S3ObjectStore, S3ObjectStoreOptions } from './s3-object-store.driver';
export { createObjectStore, type ObjectStoreOptions } from './create-object-store';
export {
  OBJECT_URL_PATH,
  verifyPresignedObjectUrl,
  type VerifiedObjectUrl,
  type VerifyObjectUrlOptions,
} from './object-url-signing';
export {
  checkObjectStoreConfig,
  objectStoreEnvShape,
  objectStoreOptionsFromConfig,
  type ObjectStoreConfig,
} from './object-store.config';
