export * from './documents.port';
export { createDocumentStore, type CreateDocumentStoreOptions } from './document-store.factory';
export { NedbDocumentStore, type NedbDocumentStoreOptions } from './nedb-document.driver';
export { MongoDocumentStore, type MongoDocumentStoreOptions } from './mongo-document.driver';
export { SqliteDocumentStore, type SqliteDocumentStoreOptions } from './sqlite-document.driver';
export { PostgresDocumentStore, type PostgresDocumentStoreOptions } from './postgres-document.driver';
export {
  getModelMetadata,
  defaultCollectionName,
  type ModelMetadata,
  type IndexSpec,
  type TimestampFields,
} from './model-metadata';
export { FIELD_OPERATORS, LOGICAL_OPERATORS, UPDATE_OPERATORS } from './document-grammar';
export { compact, stamped, setUnset, escapeRegex } from './update-helpers';
