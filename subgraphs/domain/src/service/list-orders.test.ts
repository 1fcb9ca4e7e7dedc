import { readEveryOrder, TRANSACTIONAL_DOCUMENT_DRIVERS } from '@grove/testkit';
import { createHarness, type Harness } from '../domain.test-support';
import { WhitelistDomainModel } from '../store/whitelist-domain.model';

/** Issue 11 item 4: every order of `whitelistDomains`, over each documents driver, returns every domain once. */
describe.each(TRANSACTIONAL_DOCUMENT_DRIVERS)('whitelistDomains in every order (%s)', (driver) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ documents: driver });
    const stored = h.runtime.documents.collection(WhitelistDomainModel);
    const day = (d: number) => new Date(Date.UTC(2026, 0, d));
    // Added on days that do not follow the names, two on the same day.
    for (const [domain, d] of [
      ['c.example.com', 1],
      ['a.example.com', 3],
      ['xn--fiqs8s.example.com', 2],
      ['b.example.com', 2],
      ['d.example.com', 4],
    ] as const)
      await stored.insertOne({ _id: domain, addedBy: h.admin.userId, createdAt: day(d), updatedAt: day(d) });
  });
  afterAll(() => h?.dispose());

  it('by domain name and by when it was added', async () => {
    const whitelist = h.domain.services.whitelist;
    const all = await whitelist.list(h.reviewer, {});
    expect(all).toHaveLength(5);
    const result = await readEveryOrder({
      all,
      id: (d) => d.domain,
      fields: { DOMAIN: (d) => d.domain, CREATED_AT: (d) => d.createdAt },
      read: (orderBy, page) => whitelist.list(h.reviewer, { orderBy, ...page }),
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
