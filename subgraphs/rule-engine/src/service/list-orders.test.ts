import { newId } from '@grove/platform';
import { readEveryOrder, TRANSACTIONAL_DOCUMENT_DRIVERS } from '@grove/testkit';
import { ReleasePlanState } from '../engine';
import { createApp, createHarness, type Harness } from '../rule-engine.test-support';
import { ReleasePlanModel } from '../store/release-plan.model';

/** Issue 11 item 4: every order of `releasePlans`, over each documents driver, returns every plan once in its order. */
describe.each(TRANSACTIONAL_DOCUMENT_DRIVERS)('releasePlans in every order (%s)', (driver) => {
  let h: Harness;
  let appId: string;
  beforeAll(async () => {
    h = await createHarness({ documents: driver });
    appId = await createApp(h);
    const other = await createApp(h);
    // Finished plans written as stored (no running slot), with equal times, states and percentages on purpose.
    const plans = h.runtime.documents.collection(ReleasePlanModel);
    const day = (d: number) => new Date(Date.UTC(2026, 0, d));
    const rows: Array<[ReleasePlanState, number, number, number]> = [
      [ReleasePlanState.COMPLETED, 20, 3, 3],
      [ReleasePlanState.REVERTED, 5, 2, 2],
      [ReleasePlanState.COMPLETED, 50, 4, 5],
      [ReleasePlanState.FAILED, 5, 2, 3],
      [ReleasePlanState.COMPLETED, 100, 1, 4],
    ];
    for (const [state, percentage, created, updated] of rows)
      for (const app of [appId, other])
        await plans.insertOne({
          _id: newId(),
          appId: app,
          orgId: h.orgA,
          grayVersionId: newId(),
          ruleId: newId(),
          state,
          percentage,
          startedBy: h.ownerA.userId,
          updatedBy: h.ownerA.userId,
          createdAt: day(created),
          updatedAt: day(updated),
        });
  }, 60_000);
  afterAll(() => h?.dispose());

  it('by start, last change, state and percentage, each with a cursor of its own order', async () => {
    const plans = h.engine.services.plans;
    const all = await plans.list(h.ownerA, appId, {});
    expect(all).toHaveLength(5);
    const result = await readEveryOrder({
      all,
      id: (p) => p.id,
      fields: {
        STARTED_AT: (p) => p.startedAt,
        UPDATED_AT: (p) => p.updatedAt,
        STATE: (p) => p.state,
        PERCENTAGE: (p) => p.percentage,
      },
      read: (orderBy, page) => plans.list(h.ownerA, appId, { orderBy, ...page }),
      take: 2,
    });
    expect(result.orders.map((o) => [o.order, o.actual])).toEqual(
      result.orders.map((o) => [o.order, o.expected]),
    );
    expect(result.mismatch).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: expect.objectContaining({ reason: 'CURSOR_ORDER_MISMATCH' }),
    });
  });
});
