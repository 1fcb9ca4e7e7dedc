import { OPERATION_LOG_TOPIC, type OperationRecordedEvent } from '@grove/contracts';
import type { DomainEvent } from '@grove/platform';
import { eventually } from '@grove/testkit';
import { createHarness, errorCodes, execute, type Harness } from '../domain.test-support';

/** Whitelist changes commit with their operation log line (ADR 0013); a refused one writes none. */
describe('whitelist operation log', () => {
  let h: Harness;
  const lines: Array<DomainEvent<OperationRecordedEvent>> = [];
  beforeAll(async () => {
    h = await createHarness();
    await h.runtime.events.subscribe<OperationRecordedEvent>(
      OPERATION_LOG_TOPIC,
      'whitelist-test',
      async (event) => {
        lines.push(event);
      },
    );
  });
  afterAll(() => h.dispose());

  it('adding and removing a whitelisted domain write one atomic line each, naming the domain; a refusal writes none', async () => {
    expect(
      errorCodes(
        await execute(h, 'mutation { addWhitelistDomain(domain: "refused.example") { domain } }', h.ownerA),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await execute(h, 'mutation { addWhitelistDomain(domain: "partner.example") { domain } }', h.admin),
      ),
    ).toEqual([]);
    expect(
      errorCodes(await execute(h, 'mutation { removeWhitelistDomain(domain: "partner.example") }', h.admin)),
    ).toEqual([]);
    await eventually(() => expect(lines).toHaveLength(2));
    expect(lines.map((l) => l.payload)).toEqual([
      expect.objectContaining({
        action: 'addWhitelistDomain',
        subgraph: 'domain',
        actorKind: 'operator',
        actorId: `user:${h.admin.userId}`,
        organizationId: null,
        targetType: 'whitelist-domain',
        targetId: 'partner.example',
        summary: 'whitelisted partner.example',
        atomic: true,
      }),
      expect.objectContaining({ action: 'removeWhitelistDomain', targetId: 'partner.example', atomic: true }),
    ]);
  });
});
