import { ErrorCode } from '../errors/platform-errors';
import { MongoDocumentStore } from './mongo-document.driver';
import { ContractItem } from './documents.fixtures';

/**
 * What the MongoDB driver must do without a reachable server (the full contract against a real server
 * runs in documents.contract.test.ts when MONGODB_URL is set).
 */
describe('MongoDocumentStore without a reachable server', () => {
  // Port 9 (discard) on loopback: nothing listens, so the connection is refused.
  const store = new MongoDocumentStore({
    url: 'mongodb://127.0.0.1:9/grove_unreachable',
    serverSelectionTimeoutMS: 300,
  });
  afterAll(() => store.close());

  it('reports UNAVAILABLE from ping and from operations, naming no backend', async () => {
    await expect(store.ping()).rejects.toMatchObject({
      code: ErrorCode.UNAVAILABLE,
      message: 'The document database is unavailable',
    });
    await expect(store.collection(ContractItem).findById('x')).rejects.toMatchObject({
      code: ErrorCode.UNAVAILABLE,
    });
    // A failed first connection is retried, not remembered.
    await expect(store.ping()).rejects.toMatchObject({ code: ErrorCode.UNAVAILABLE });
  });

  it('rejects filters outside the grammar before contacting the server', async () => {
    await expect(store.collection(ContractItem).find({ $where: '1' })).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
    });
  });
});

describe('MongoDocumentStore after close', () => {
  it('refuses work instead of reconnecting', async () => {
    const store = new MongoDocumentStore({
      url: 'mongodb://127.0.0.1:9/grove_unreachable',
      serverSelectionTimeoutMS: 300,
    });
    await store.close();
    await expect(store.ping()).rejects.toMatchObject({
      code: ErrorCode.UNAVAILABLE,
      message: 'The document store is closed',
    });
  });
});
