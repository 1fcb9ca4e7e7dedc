import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode, PlatformError } from '../errors/platform-errors';
import { NedbDocumentStore } from './nedb-document.driver';
import { ContractItem } from './documents.fixtures';

/** Embedded-only guarantees beyond the shared contract (documents.contract.test.ts). */
describe('NedbDocumentStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'grove-nedb-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one datafile per collection under <dataDir>/documents', async () => {
    const store = new NedbDocumentStore({ dataDir: dir });
    await store
      .collection(ContractItem)
      .insertOne({ orgId: 'o', slug: 'file', status: 'DRAFT', score: 0, tags: [] });
    await store.close();
    expect(await readdir(join(dir, 'documents'))).toEqual(['contract-items.db']);
    expect(await readFile(join(dir, 'documents', 'contract-items.db'), 'utf8')).toContain('"slug":"file"');
  });

  it('in-memory mode writes nothing to disk and forgets on close', async () => {
    const store = new NedbDocumentStore({ inMemory: true, dataDir: dir });
    await store
      .collection(ContractItem)
      .insertOne({ orgId: 'o', slug: 'mem', status: 'DRAFT', score: 0, tags: [] });
    expect(await store.collection(ContractItem).count()).toBe(1);
    await store.close();
    expect(await readdir(dir)).toEqual([]);
    const again = new NedbDocumentStore({ inMemory: true });
    expect(await again.collection(ContractItem).count()).toBe(0);
    await again.close();
  });

  it('rolls back an updateMany that hits a unique index part-way', async () => {
    const store = new NedbDocumentStore({ inMemory: true });
    const items = store.collection(ContractItem);
    for (const slug of ['a', 'b', 'c'])
      await items.insertOne({ _id: slug, orgId: 'o', slug, status: 'DRAFT', score: 0, tags: [] });
    const error = await items
      .updateMany({}, { $set: { code: 'SAME', status: 'APPROVED' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).code).toBe(ErrorCode.CONFLICT);
    expect(await items.count({ status: 'APPROVED' })).toBe(0);
    expect(await items.count({ code: { $exists: true } })).toBe(0);
    await store.close();
  });

  it('refuses work after close', async () => {
    const store = new NedbDocumentStore({ inMemory: true });
    const items = store.collection(ContractItem);
    await store.close();
    await expect(items.count()).rejects.toMatchObject({ code: ErrorCode.UNAVAILABLE });
    expect(() => store.collection(ContractItem)).toThrow(PlatformError);
  });
});
