import type { Logger } from 'pino';
import type { DocumentStore, DocumentsDriver } from './documents.port';

export interface CreateDocumentStoreOptions {
  driver: DocumentsDriver;
  /** Embedded: `<dataDir>/documents.sqlite` (sqlite) or `<dataDir>/documents/*.db` (nedb). */
  dataDir?: string;
  /** Embedded: keep documents in memory only (tests, schema composition). */
  inMemory?: boolean;
  /** MongoDB: connection string, required for the 'mongodb' driver. */
  mongodbUrl?: string;
  /** PostgreSQL: connection string, required for the 'postgres' driver. */
  postgresUrl?: string;
  /** PostgreSQL: schema of the collection tables (default `public`). */
  postgresSchema?: string;
  logger?: Logger;
}

/** Builds the configured document store; server drivers' modules are only loaded when selected. */
export async function createDocumentStore(options: CreateDocumentStoreOptions): Promise<DocumentStore> {
  switch (options.driver) {
    case 'embedded': // the embedded profile's engine, SQLite since nedb was retired
    case 'sqlite': {
      const { SqliteDocumentStore } = await import('./sqlite-document.driver');
      return new SqliteDocumentStore({
        dataDir: options.dataDir,
        inMemory: options.inMemory,
        logger: options.logger,
      });
    }
    case 'nedb': {
      options.logger?.warn(
        'DOCUMENTS_DRIVER=nedb is deprecated and will be removed in the next release; DOCUMENTS_DRIVER=sqlite (the default) imports the nedb files on first start',
      );
      const { NedbDocumentStore } = await import('./nedb-document.driver');
      return new NedbDocumentStore({
        dataDir: options.dataDir,
        inMemory: options.inMemory,
        logger: options.logger,
      });
    }
    case 'postgres': {
      if (!options.postgresUrl)
        throw new Error('The postgres documents driver needs postgresUrl (POSTGRES_URL)');
      const { PostgresDocumentStore } = await import('./postgres-document.driver');
      return new PostgresDocumentStore({
        url: options.postgresUrl,
        schema: options.postgresSchema,
        logger: options.logger,
      });
    }
    case 'mongodb': {
      if (!options.mongodbUrl) throw new Error('The mongodb documents driver needs mongodbUrl (MONGODB_URL)');
      const { MongoDocumentStore } = await import('./mongo-document.driver');
      return new MongoDocumentStore({ url: options.mongodbUrl, logger: options.logger });
    }
    default:
      throw new Error(`Unknown documents driver '${String(options.driver)}'`);
  }
}
