import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphql } from 'graphql';
import { Client } from 'pg';
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Principal } from '../auth/principal';
import { createDocumentStore } from '../documents/document-store.factory';
import { ContractItem, TEST_POSTGRES_URL } from '../documents/documents.fixtures';
import type { DocumentStore } from '../documents/documents.port';
import type { DomainEvent } from '../events/event-bus.port';
import { MemoryEventBus } from '../events/memory-event-bus.driver';
import { buildSubgraph, OPERATION_LOGGED } from '../federation/build-subgraph';
import type { SubgraphContext } from '../federation/subgraph-context';
import { newId } from '../ids';
import { silentLogger } from '../logging/logger';
import { OutboxEntryModel } from '../outbox/outbox-entry.model';
import { TransactionalOutbox } from '../outbox/transactional-outbox';
import { describeOperation, OPERATION_LOG_TOPIC, type OperationRecordedPayload } from './operation-log';

@ObjectType()
class Item {
  @Field(() => ID) id!: string;
}

let outbox: TransactionalOutbox;
let store: DocumentStore;
const items = () => store.collection(ContractItem);

/** A subgraph whose mutations write through the outbox the way services do. */
@Resolver()
class ItemResolver {
  @Query(() => Boolean)
  ok(): boolean {
    return true;
  }

  @Mutation(() => Item)
  async createItem(
    @Arg('orgId') orgId: string,
    @Arg('slug') slug: string,
    @Arg('password', { nullable: true }) password?: string,
  ): Promise<Item> {
    return outbox.transaction(async () => {
      const item = await items().insertOne({ orgId, slug, status: 'DRAFT', score: 0, tags: [] });
      await outbox.enqueue('contract.items', {
        type: 'item.created',
        key: item._id,
        payload: { orgId, slug, password, token: 'tok-secret-value' },
      });
      return { id: item._id };
    });
  }

  @Mutation(() => Item)
  async createThenFail(@Arg('orgId') orgId: string, @Arg('slug') slug: string): Promise<Item> {
    return outbox.transaction(async () => {
      const item = await items().insertOne({ orgId, slug, status: 'DRAFT', score: 0, tags: [] });
      await outbox.enqueue('contract.items', {
        type: 'item.created',
        key: item._id,
        payload: { orgId, slug },
      });
      throw new Error('refused after the write');
    });
  }

  @Mutation(() => Item)
  async twoUnits(@Arg('orgId') orgId: string, @Arg('slug') slug: string): Promise<Item> {
    const first = await outbox.transaction(async () => {
      const item = await items().insertOne({ orgId, slug, status: 'DRAFT', score: 0, tags: [] });
      await outbox.enqueue('contract.items', { type: 'item.created', key: item._id, payload: { orgId } });
      return item;
    });
    await outbox.transaction(async () => {
      await items().updateOne({ _id: first._id }, { $set: { score: 1 } });
      await outbox.enqueue('contract.items', { type: 'item.published', key: first._id, payload: { orgId } });
    });
    return { id: first._id };
  }

  @Mutation(() => Item)
  async described(@Arg('orgId') orgId: string, @Arg('slug') slug: string): Promise<Item> {
    describeOperation({
      target: { type: 'widget', id: 'w-1' },
      summary: 'renamed the widget',
      organizationId: orgId,
    });
    return outbox.transaction(async () => {
      const item = await items().insertOne({ orgId, slug, status: 'DRAFT', score: 0, tags: [] });
      await outbox.enqueue('contract.items', { type: 'item.created', key: item._id, payload: {} });
      return { id: item._id };
    });
  }

  @Mutation(() => Boolean)
  async noUnit(@Arg('id') _id: string, @Ctx() _ctx: SubgraphContext): Promise<boolean> {
    return true;
  }
}

interface StoreCase {
  name: string;
  open(): Promise<DocumentStore>;
  cleanup(): Promise<void>;
}
const sqliteCase = (): StoreCase => {
  let dir = '';
  return {
    name: 'sqlite',
    async open() {
      dir = await mkdtemp(join(tmpdir(), 'grove-oplog-'));
      return createDocumentStore({ driver: 'sqlite', dataDir: dir });
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
};
const postgresCase = (): StoreCase => {
  const schema = `grove_oplog_${newId().toLowerCase()}`;
  return {
    name: 'postgres',
    open: () =>
      createDocumentStore({ driver: 'postgres', postgresUrl: TEST_POSTGRES_URL, postgresSchema: schema }),
    async cleanup() {
      const client = new Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
};

describe.each([sqliteCase(), postgresCase()])('operation log on $name', (storeCase) => {
  let bus: MemoryEventBus;
  let lines: Array<DomainEvent<OperationRecordedPayload>>;
  let schema: Awaited<ReturnType<typeof buildSubgraph>>['schema'];
  const now = Date.parse('2026-03-04T05:06:07Z');
  const user: Principal = {
    kind: 'user',
    userId: 'u-1',
    sessionId: 's-1',
    operatorRoles: [],
    memberships: [{ orgId: 'org-a', role: 'ORG_ADMIN' }],
  };
  const context = (requestId: string, principal: Principal = user): SubgraphContext => ({
    principal,
    requestId,
    clientIp: '203.0.113.9',
    logger: silentLogger(),
  });
  const run = (source: string, requestId: string, principal?: Principal) =>
    graphql({ schema, source, contextValue: context(requestId, principal) });
  const linesOf = async (requestId: string) => {
    await outbox.close();
    outbox = new TransactionalOutbox({ documents: store, bus, source: 'items', now: () => now });
    return lines.filter((line) => line.payload.requestId === requestId);
  };
  const storedLines = async (requestId: string) =>
    (await store.collection(OutboxEntryModel).find({ topic: OPERATION_LOG_TOPIC }))
      .map((entry) => JSON.parse(entry.event) as DomainEvent<OperationRecordedPayload>)
      .filter((e) => e.payload.requestId === requestId);

  beforeAll(async () => {
    store = await storeCase.open();
    bus = new MemoryEventBus();
    lines = [];
    await bus.subscribe<OperationRecordedPayload>(OPERATION_LOG_TOPIC, 'watcher', async (event) => {
      lines.push(event);
    });
    outbox = new TransactionalOutbox({ documents: store, bus, source: 'items', now: () => now });
    ({ schema } = await buildSubgraph({
      name: 'items',
      resolvers: [ItemResolver],
      instances: [new ItemResolver()],
      operationLog: outbox,
    }));
  });
  afterAll(async () => {
    await outbox.close();
    await bus.close();
    await store.close();
    await storeCase.cleanup();
  });

  it('a mutation writes exactly one line with actor, organization, action, target, request id, IP and time, in its unit of work', async () => {
    const slug = `a-${newId().toLowerCase()}`;
    const result = await run(`mutation { createItem(orgId: "org-a", slug: "${slug}") { id } }`, 'req-create');
    expect(result.errors).toBeUndefined();
    const id = (result.data?.createItem as { id: string }).id;
    const stored = await storedLines('req-create');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ type: 'operation.recorded', headers: { 'schema-version': '1' } });
    expect(stored[0].payload).toEqual({
      action: 'createItem',
      subgraph: 'items',
      actorKind: 'user',
      actorId: 'user:u-1',
      organizationId: 'org-a',
      targetType: 'item',
      targetId: id,
      summary: `item.created ${id} {orgId=org-a, slug=${slug}, token=[redacted]}`,
      changes: ['item.created'],
      requestId: 'req-create',
      clientIp: '203.0.113.9',
      at: '2026-03-04T05:06:07.000Z',
      atomic: true,
    });
    expect(await linesOf('req-create')).toHaveLength(1);
  });

  it('never puts a secret in the summary', async () => {
    const result = await run(
      `mutation { createItem(orgId: "org-a", slug: "s-${newId().toLowerCase()}", password: "hunter2-Secret") { id } }`,
      'req-secret',
    );
    expect(result.errors).toBeUndefined();
    const [line] = await storedLines('req-secret');
    expect(line.payload.summary).toContain('password=[redacted]');
    expect(JSON.stringify(line)).not.toContain('hunter2-Secret');
    expect(JSON.stringify(line)).not.toContain('tok-secret-value');
  });

  it('a mutation whose unit of work rolls back writes no line and no change', async () => {
    const slug = `f-${newId().toLowerCase()}`;
    const result = await run(
      `mutation { createThenFail(orgId: "org-a", slug: "${slug}") { id } }`,
      'req-fail',
    );
    expect(result.errors?.[0].message).toBe('refused after the write');
    expect(await items().findOne({ slug })).toBeNull();
    expect(await storedLines('req-fail')).toEqual([]);
    expect(await linesOf('req-fail')).toEqual([]);
  });

  it('a mutation of two units of work writes one line, with the first', async () => {
    const result = await run(
      `mutation { twoUnits(orgId: "org-b", slug: "t-${newId().toLowerCase()}") { id } }`,
      'req-two',
      {
        kind: 'user',
        userId: 'op-1',
        sessionId: 's',
        operatorRoles: ['OPERATOR_ADMIN'],
        memberships: [],
      },
    );
    expect(result.errors).toBeUndefined();
    const stored = await storedLines('req-two');
    expect(stored).toHaveLength(1);
    expect(stored[0].payload).toMatchObject({
      actorKind: 'operator',
      actorId: 'user:op-1',
      organizationId: 'org-b',
      changes: ['item.created'],
      atomic: true,
    });
  });

  it('services may name the target and summary', async () => {
    const result = await run(
      `mutation { described(orgId: "org-c", slug: "d-${newId().toLowerCase()}") { id } }`,
      'req-described',
      { kind: 'apiClient', clientId: 'c-1', orgId: 'org-c', scopes: [] },
    );
    expect(result.errors).toBeUndefined();
    const [line] = await storedLines('req-described');
    expect(line.payload).toMatchObject({
      actorKind: 'apiClient',
      actorId: 'apiClient:c-1',
      organizationId: 'org-c',
      targetType: 'widget',
      targetId: 'w-1',
      summary: 'renamed the widget',
    });
  });

  it('a mutation that committed no unit of work still gets its line, marked not atomic, targeting its id argument', async () => {
    const result = await run(`mutation { noUnit(id: "thing-9") }`, 'req-none');
    expect(result.errors).toBeUndefined();
    const stored = await storedLines('req-none');
    expect(stored).toHaveLength(1);
    expect(stored[0].payload).toMatchObject({
      action: 'noUnit',
      atomic: false,
      targetType: 'id',
      targetId: 'thing-9',
      organizationId: 'org-a',
      summary: 'no events; arguments: id',
      changes: [],
    });
  });

  it('every Mutation field is marked as logged; queries are not wrapped', () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    expect(mutations.map((field) => (field as unknown as Record<symbol, boolean>)[OPERATION_LOGGED])).toEqual(
      mutations.map(() => true),
    );
    expect(
      (schema.getQueryType()!.getFields().ok as unknown as Record<symbol, boolean>)[OPERATION_LOGGED],
    ).toBeUndefined();
  });
});
