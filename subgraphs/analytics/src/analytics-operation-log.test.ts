import { graphql, type ExecutionResult } from 'graphql';
import { OPERATION_LOG_TOPIC, silentLogger, type Principal } from '@grove/platform';
import {
  OUTBOX_REFUSAL,
  refuseOutboxTopic,
  storedOperationLines,
  TRANSACTIONAL_DOCUMENT_DRIVERS,
} from '@grove/testkit';
import { createAnalyticsHarness, knownApp, type AnalyticsHarness } from './analytics.test-support';
import { CustomEventDeclarationModel } from './store/custom-event-declaration.model';
import { RecomputeRequestModel } from './store/recompute-request.model';

const DECLARE = `mutation($appId: ID!, $input: DeclareCustomEventInput!) {
  declareCustomEvent(appId: $appId, input: $input) { name } }`;
const REMOVE = `mutation($appId: ID!, $name: String!) { removeCustomEventDeclaration(appId: $appId, name: $name) }`;
const RECOMPUTE = `mutation($from: String!, $to: String!) { recomputeAnalytics(from: $from, to: $to) }`;

/**
 * The analytics mutations commit their change and its operation log line in one unit of work (ADR 0013), on both
 * documents drivers with transactions: custom event declarations, and recomputeAnalytics, whose change is the
 * recompute request it records before running it.
 */
describe.each(TRANSACTIONAL_DOCUMENT_DRIVERS)('analytics operation log on %s', (documents) => {
  let h: AnalyticsHarness;
  let appId: string;
  beforeAll(async () => {
    h = await createAnalyticsHarness({}, { documents });
    appId = await knownApp(h, h.orgA);
  });
  afterAll(() => h?.dispose());

  const run = (
    source: string,
    principal: Principal,
    variableValues: Record<string, unknown>,
    requestId: string,
  ) =>
    graphql({
      schema: h.analytics.schema,
      source,
      variableValues,
      contextValue: { principal, requestId, logger: silentLogger() },
    }) as Promise<ExecutionResult>;
  const codes = (result: ExecutionResult) =>
    (result.errors ?? []).map((e) =>
      OUTBOX_REFUSAL.test(e.message)
        ? 'REFUSED'
        : ((e.originalError as { code?: string } | undefined)?.code ?? e.message),
    );
  const lines = (requestId: string) => storedOperationLines(h.runtime.documents, requestId);
  const declarations = () => h.runtime.documents.collection(CustomEventDeclarationModel).find({ appId });
  const requests = () => h.runtime.documents.collection(RecomputeRequestModel).find({});
  const purchase = {
    name: 'purchase',
    displayName: 'Purchase',
    attributes: [{ name: 'sku', type: 'STRING' }],
  };

  it('declaring and removing a custom event write one atomic line each, naming the event; refusals write none', async () => {
    expect(codes(await run(DECLARE, h.ownerA, { appId, input: purchase }, 'req-declare'))).toEqual([]);
    expect(await lines('req-declare')).toEqual([
      expect.objectContaining({
        action: 'declareCustomEvent',
        subgraph: 'analytics',
        actorId: `user:${h.ownerA.userId}`,
        organizationId: h.orgA,
        targetType: 'mini-program',
        targetId: appId,
        summary: 'declared custom event purchase (Purchase); attributes sku:string',
        atomic: true,
      }),
    ]);
    expect(codes(await run(DECLARE, h.ownerB, { appId, input: purchase }, 'req-foreign'))).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      codes(await run(DECLARE, h.ownerA, { appId, input: { ...purchase, name: '9bad' } }, 'req-bad')),
    ).toEqual(['BAD_USER_INPUT']);
    expect(codes(await run(REMOVE, h.ownerA, { appId, name: 'nothing' }, 'req-missing'))).toEqual([
      'NOT_FOUND',
    ]);
    for (const refused of ['req-foreign', 'req-bad', 'req-missing']) expect(await lines(refused)).toEqual([]);

    expect(codes(await run(REMOVE, h.ownerA, { appId, name: 'purchase' }, 'req-remove'))).toEqual([]);
    expect(await lines('req-remove')).toEqual([
      expect.objectContaining({
        action: 'removeCustomEventDeclaration',
        targetId: appId,
        summary: 'removed custom event purchase',
        atomic: true,
      }),
    ]);
    expect(await declarations()).toEqual([]);
  });

  it('when the line cannot be written, the declaration change rolls back with it', async () => {
    expect(codes(await run(DECLARE, h.ownerA, { appId, input: purchase }, 'req-kept'))).toEqual([]);
    const lift = await refuseOutboxTopic(h.runtime, OPERATION_LOG_TOPIC);
    try {
      const renamed = { ...purchase, displayName: 'Renamed' };
      expect(codes(await run(DECLARE, h.ownerA, { appId, input: renamed }, 'req-no-line-1'))).toEqual([
        'REFUSED',
      ]);
      const other = { ...purchase, name: 'refund' };
      expect(codes(await run(DECLARE, h.ownerA, { appId, input: other }, 'req-no-line-2'))).toEqual([
        'REFUSED',
      ]);
      expect(codes(await run(REMOVE, h.ownerA, { appId, name: 'purchase' }, 'req-no-line-3'))).toEqual([
        'REFUSED',
      ]);
    } finally {
      await lift();
    }
    expect((await declarations()).map((d) => [d.name, d.displayName])).toEqual([['purchase', 'Purchase']]);
    for (const n of [1, 2, 3]) expect(await lines(`req-no-line-${n}`)).toEqual([]);
  });

  it('recomputeAnalytics records its request with one atomic line, then runs it; a refused request records neither', async () => {
    expect(
      codes(await run(RECOMPUTE, h.admin, { from: '2026-03-01', to: '2026-03-03' }, 'req-recompute')),
    ).toEqual([]);
    const [request] = await requests();
    expect(request).toMatchObject({
      from: '2026-03-01',
      to: '2026-03-03',
      days: 3,
      requestedBy: h.admin.userId,
      status: 'DONE',
      written: 0,
    });
    expect(await lines('req-recompute')).toEqual([
      expect.objectContaining({
        action: 'recomputeAnalytics',
        actorKind: 'operator',
        organizationId: null,
        targetType: 'analytics-recompute',
        targetId: request._id,
        summary: 'requested recompute of the daily rollups 2026-03-01..2026-03-03 (3 days)',
        atomic: true,
      }),
    ]);

    expect(
      codes(await run(RECOMPUTE, h.admin, { from: '2026-03-03', to: '2026-03-01' }, 'req-range')),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(await run(RECOMPUTE, h.ownerA, { from: '2026-03-01', to: '2026-03-01' }, 'req-owner')),
    ).toEqual(['FORBIDDEN']);
    const lift = await refuseOutboxTopic(h.runtime, OPERATION_LOG_TOPIC);
    try {
      expect(
        codes(await run(RECOMPUTE, h.admin, { from: '2026-03-01', to: '2026-03-01' }, 'req-no-line')),
      ).toEqual(['REFUSED']);
    } finally {
      await lift();
    }
    for (const refused of ['req-range', 'req-owner', 'req-no-line']) expect(await lines(refused)).toEqual([]);
    expect(await requests()).toHaveLength(1);
  });

  it('a recompute that fails after its request committed keeps the request, marked FAILED, and its one line', async () => {
    // The rollups' store going away under the recompute (last test: the harness closes it again, harmlessly).
    await h.analytics.services.store.close();
    const failed = await run(RECOMPUTE, h.admin, { from: '2026-04-01', to: '2026-04-02' }, 'req-failed');
    expect(failed.errors).toHaveLength(1);
    const request = (await requests()).find((r) => r.from === '2026-04-01');
    expect(request).toMatchObject({ status: 'FAILED', error: 'The database connection is not open' });
    expect(await lines('req-failed')).toEqual([
      expect.objectContaining({ targetId: request?._id, atomic: true }),
    ]);
  });
});
