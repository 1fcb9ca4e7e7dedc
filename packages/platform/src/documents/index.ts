export * from './documents.port';
export { createDocumentStore, type CreateDocumentStoreOptions } from './document-store.factory';
// Driver classes are reached through createDocumentStore, so a process loads only the driver it runs
// (pg, better-sqlite3, nedb or the MongoDB client), not all four.
export type { NedbDocumentStore, NedbDocumentStoreOptions } from './nedb-document.driver';
export type { MongoDocumentStore, MongoDocumentStoreOptions } from './mongo-document.driver';
export type { SqliteDocumentStore, SqliteDocumentStoreOptions } from './sqlite-document.driver';
export type { PostgresDocumentStore, PostgresDocumentStoreOptions } from './postgres-document.driver';
export {
  getModelMetadata,
  defaultCollectionName,
  type ModelMetadata,
  type IndexSpec,
  type TimestampFields,
} from './model-metadata';
export { FIELD_OPERATORS, LOGICAL_OPERATORS, UPDATE_OPERATORS } from './document-grammar';
export { compact, stamped, setUnset, escapeRegex } from './update-helpers';
