import 'reflect-metadata';
import {
  contractEvent,
  OPERATION_LOG_TOPIC,
  OPERATION_RECORDED,
  operationLogEvents,
  type OperationRecordedEvent,
} from '@grove/contracts';
import { newId, silentLogger, type Principal, type UserPrincipal } from '@grove/platform';
import { createTestRuntime, eventually, type TestRuntime } from '@grove/testkit';
import { graphql, type ExecutionResult } from 'graphql';
import { createAnalyticsSubgraph, type AnalyticsSubgraph } from '../analytics.subgraph';

const T0 = Date.parse('2026-06-01T08:00:00Z');
const DAY = 24 * 3600_000;

const user = (
  memberships: UserPrincipal['memberships'],
  operatorRoles: UserPrincipal['operatorRoles'] = [],
): UserPrincipal => ({
  kind: 'user',
  userId: newId(),
  sessionId: newId(),
  operatorRoles,
  memberships,
});

const LIST = `query($filter: OperationLogFilterInput, $take: Int, $after: String) {
  operationLog(filter: $filter, take: $take, after: $after) { items { id at action actorId organizationId targetId summary requestId clientIp atomic cursor } nextCursor }
}`;
const CSV = `query($filter: OperationLogFilterInput, $rows: Int, $after: String) { operationLogCsv(filter: $filter, rows: $rows, after: $after) { csv rows nextCursor } }`;

interface Item {
  id: string;
  at: string;
  action: string;
  actorId: string | null;
  organizationId: string | null;
  targetId: string | null;
  summary: string;
  requestId: string;
  clientIp: string | null;
  atomic: boolean;
  cursor: string;
}

describe('operation log (analytics subgraph)', () => {
  let runtime: TestRuntime;
  let analytics: AnalyticsSubgraph;
  let now = T0 + 10 * DAY;
  const orgA = `org-a-${newId()}`;
  const orgB = `org-b-${newId()}`;
  const operator = user([], ['OPERATOR_REVIEWER']);
  const adminA = user([{ orgId: orgA, role: 'ORG_ADMIN' }]);
  const ownerB = user([{ orgId: orgB, role: 'ORG_OWNER' }]);
  const adminBoth = user([
    { orgId: orgA, role: 'ORG_ADMIN' },
    { orgId: orgB, role: 'ORG_OWNER' },
  ]);
  const developerA = user([{ orgId: orgA, role: 'ORG_DEVELOPER' }]);

  const line = (n: number, extra: Partial<OperationRecordedEvent> = {}): OperationRecordedEvent => ({
    action: n % 2 === 0 ? 'createMiniProgram' : 'updateMiniProgram',
    subgraph: 'app-manage',
    actorKind: 'user',
    actorId: n % 3 === 0 ? 'user:alice' : 'user:bob',
    organizationId: n < 10 ? orgA : orgB,
    targetType: 'mini-program',
    targetId: `mp-${n % 4}`,
    summary: `mini-program.updated mp-${n % 4}`,
    changes: ['mini-program.updated'],
    requestId: `req-${n}`,
    clientIp: '198.51.100.4',
    at: new Date(T0 + n * 60_000).toISOString(),
    atomic: true,
    ...extra,
  });
  const publish = (id: string, payload: unknown) =>
    runtime.events.publish(OPERATION_LOG_TOPIC, {
      id,
      ...contractEvent(operationLogEvents, OPERATION_RECORDED, 'k', payload as OperationRecordedEvent),
    });
  const ask = async (principal: Principal, source: string, variables: Record<string, unknown> = {}) =>
    (await graphql({
      schema: analytics.schema,
      source,
      variableValues: variables,
      contextValue: { principal, requestId: 'test', logger: silentLogger() },
    })) as ExecutionResult<{
      operationLog: { items: Item[]; nextCursor: string | null };
      operationLogCsv: { csv: string; rows: number; nextCursor: string | null };
    }>;
  const items = async (principal: Principal, filter: Record<string, unknown> = {}, take = 200) => {
    const result = await ask(principal, LIST, { filter, take });
    expect(result.errors).toBeUndefined();
    return result.data!.operationLog.items;
  };
  const codeOf = (result: ExecutionResult) =>
    (result.errors?.[0]?.originalError as { code?: string } | undefined)?.code;

  beforeAll(async () => {
    runtime = await createTestRuntime();
    analytics = await createAnalyticsSubgraph(runtime, {
      settings: {
        rollupIntervalMs: 0,
        storeDriver: 'sqlite',
        operationLogPruneIntervalMs: 0,
        operationLogRetentionDays: 30,
      },
      now: () => now,
    });
    for (let n = 0; n < 20; n++) await publish(`line-${String(n).padStart(2, '0')}`, line(n));
    // A redelivery of a line (same event id) is stored once; a line that breaks the contract is skipped.
    await publish('line-03', line(3, { summary: 'redelivered' }));
    await publish('bad-line', { action: '' });
    await eventually(async () =>
      expect(await analytics.services.operationLogStore.list({}, 100)).toHaveLength(20),
    );
  });
  afterAll(async () => {
    await analytics?.close();
    await runtime?.dispose();
  });

  it('stores each line once by event id, as sent', async () => {
    const all = await items(operator);
    expect(all).toHaveLength(20);
    expect(all.find((i) => i.id === 'line-03')).toMatchObject({
      summary: 'mini-program.updated mp-3',
      requestId: 'req-3',
      clientIp: '198.51.100.4',
      actorId: 'user:alice',
      organizationId: orgA,
    });
    expect(all.some((i) => i.id === 'bad-line')).toBe(false);
  });

  it('operators read every organization; admins only theirs; others are refused', async () => {
    expect(new Set((await items(operator)).map((i) => i.organizationId))).toEqual(new Set([orgA, orgB]));
    expect((await items(adminA)).map((i) => i.organizationId)).toEqual(Array(10).fill(orgA));
    expect((await items(ownerB)).map((i) => i.organizationId)).toEqual(Array(10).fill(orgB));
    expect(await items(adminBoth)).toHaveLength(20);
    // Another organization's id is refused, not answered empty.
    expect(codeOf(await ask(adminA, LIST, { filter: { organizationId: orgB } }))).toBe('FORBIDDEN');
    expect(codeOf(await ask(ownerB, CSV, { filter: { organizationId: orgA } }))).toBe('FORBIDDEN');
    expect(codeOf(await ask(developerA, LIST))).toBe('FORBIDDEN');
    expect(codeOf(await ask({ kind: 'anonymous' }, LIST))).toBe('UNAUTHENTICATED');
    expect(codeOf(await ask({ kind: 'apiClient', clientId: 'c', orgId: orgA, scopes: [] }, LIST))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('filters by actor, action, target, organization and time', async () => {
    const ids = (list: Item[]) => list.map((i) => i.requestId).sort();
    const expected = (keep: (n: number) => boolean) =>
      Array.from({ length: 20 }, (_, n) => n)
        .filter(keep)
        .map((n) => `req-${n}`)
        .sort();
    expect(ids(await items(operator, { actor: 'user:alice' }))).toEqual(expected((n) => n % 3 === 0));
    expect(ids(await items(operator, { actor: 'alice', action: 'createMiniProgram' }))).toEqual(
      expected((n) => n % 3 === 0 && n % 2 === 0),
    );
    expect(ids(await items(operator, { target: 'mp-1', organizationId: orgB }))).toEqual(
      expected((n) => n % 4 === 1 && n >= 10),
    );
    expect(
      ids(
        await items(adminA, {
          from: new Date(T0 + 5 * 60_000).toISOString(),
          to: new Date(T0 + 12 * 60_000).toISOString(),
        }),
      ),
    ).toEqual(expected((n) => n >= 5 && n < 10));
    expect(
      codeOf(
        await ask(operator, LIST, {
          filter: { from: new Date(T0 + 60_000).toISOString(), to: new Date(T0).toISOString() },
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask(operator, LIST, { filter: { actor: 'x'.repeat(300) } }))).toBe('BAD_USER_INPUT');
  });

  it('pages newest first with opaque cursors, without gaps or repeats', async () => {
    const seen: Item[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const result = await ask(operator, LIST, { take: 7, after });
      expect(result.errors).toBeUndefined();
      seen.push(...result.data!.operationLog.items);
      after = result.data!.operationLog.nextCursor;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen.map((i) => i.requestId)).toEqual(Array.from({ length: 20 }, (_, n) => `req-${19 - n}`));
    expect(codeOf(await ask(operator, LIST, { after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask(operator, LIST, { take: 201 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask(operator, LIST, { take: 0 }))).toBe('BAD_USER_INPUT');
  });

  it('exports CSV in chunks: quoted commas, quotes and line breaks, formulas neutralized', async () => {
    const nasty = line(30, {
      organizationId: orgA,
      at: new Date(T0 + 40 * 60_000).toISOString(),
      summary: 'renamed to "Shop, Inc."\nsecond line',
      targetId: '=HYPERLINK("http://evil.example","x")',
      actorId: '@SUM(1+1)',
      requestId: '+cmd',
      clientIp: '-2+3',
    });
    await publish('line-nasty', nasty);
    await eventually(async () =>
      expect(await analytics.services.operationLogStore.list({ targetId: nasty.targetId! }, 1)).toHaveLength(
        1,
      ),
    );
    const result = await ask(adminA, CSV, { rows: 2 });
    expect(result.errors).toBeUndefined();
    const chunk = result.data!.operationLogCsv;
    expect(chunk.rows).toBe(2);
    const [header, first] = chunk.csv.split('\r\n');
    expect(header).toBe(
      'time,actor_kind,actor,organization,action,target_type,target,summary,changes,request_id,client_ip,atomic,id',
    );
    expect(first).toBe(
      `${nasty.at},user,'@SUM(1+1),${orgA},createMiniProgram,mini-program,"'=HYPERLINK(""http://evil.example"",""x"")","renamed to ""Shop, Inc.""\nsecond line",mini-program.updated,'+cmd,'-2+3,true,line-nasty`,
    );
    // The next chunk carries no header and continues where the first stopped.
    const next = await ask(adminA, CSV, { rows: 2, after: chunk.nextCursor });
    expect(next.data!.operationLogCsv.csv.startsWith('time,')).toBe(false);
    expect(next.data!.operationLogCsv.csv).toContain(',req-8,');
  });

  it('deletes lines older than the retention', async () => {
    now = T0 + 30 * DAY + 10 * 60_000;
    const pruned = await analytics.services.operationLog.prune();
    expect(pruned).toBe(10);
    expect((await items(operator)).every((i) => Date.parse(i.at) >= T0 + 10 * 60_000)).toBe(true);
  });
});
