import type { DomainEvent, Logger } from '@grove/platform';
import { AppManageTopic, hostAppEvents, miniProgramEvents } from './app-manage.events';
import { contractEvent, contractHandler, parseContractEvent, SCHEMA_VERSION_HEADER } from './event-contract';
import { RuleEngineEventType, ruleEngineEvents } from './rule-engine.events';

const APP_ID = 'mp0123456789abcdef';

function received(
  event: Partial<DomainEvent<unknown>> & Pick<DomainEvent<unknown>, 'type' | 'payload'>,
): DomainEvent<unknown> {
  return { id: 'e1', occurredAt: '2024-01-01T00:00:00.000Z', ...event };
}

describe('event contracts', () => {
  it('stamps the schema version into the envelope and parses what it stamped', () => {
    const event = contractEvent(miniProgramEvents, 'mini-program.created', APP_ID, {
      appId: APP_ID,
      orgId: 'o1',
      actorId: 'u1',
    });
    expect(event.headers).toEqual({ [SCHEMA_VERSION_HEADER]: '1' });
    const parsed = parseContractEvent(miniProgramEvents, received(event));
    expect(parsed).toMatchObject({
      ok: true,
      type: 'mini-program.created',
      payload: { appId: APP_ID, orgId: 'o1' },
    });
  });

  it('reads events without a version header as version 1 and drops unknown fields', () => {
    const parsed = parseContractEvent(
      hostAppEvents,
      received({
        type: 'host-app.created',
        payload: { hostAppId: 'h1', orgId: 'o1', actorId: 'u1', extra: 1 },
      }),
    );
    expect(parsed.ok && parsed.payload).toEqual({ hostAppId: 'h1', orgId: 'o1', actorId: 'u1' });
  });

  it('tells a foreign type from an invalid payload or an unknown schema version', () => {
    expect(
      parseContractEvent(miniProgramEvents, received({ type: 'something.else', payload: {} })),
    ).toMatchObject({ ok: false, reason: 'foreign' });
    expect(
      parseContractEvent(
        miniProgramEvents,
        received({ type: 'mini-program.frozen', payload: { appId: 'nope', orgId: 'o1', actorId: 'u1' } }),
      ),
    ).toMatchObject({ ok: false, reason: 'invalid' });
    const future = received({
      type: RuleEngineEventType.RELEASE_PLAN_COMPLETED,
      payload: {},
      headers: { [SCHEMA_VERSION_HEADER]: '2' },
    });
    expect(parseContractEvent(ruleEngineEvents, future)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('contractHandler passes valid events on, ignores foreign ones and logs and skips invalid ones', async () => {
    const warnings: unknown[] = [];
    const logger = { warn: (o: unknown) => warnings.push(o) } as unknown as Logger;
    const seen: string[] = [];
    const handler = contractHandler(miniProgramEvents, logger, async (event) => {
      seen.push(event.type);
    });
    await handler(
      received({ type: 'mini-program.unfrozen', payload: { appId: APP_ID, orgId: 'o1', actorId: 'u1' } }),
    );
    await handler(received({ type: 'not.listed', payload: {} }));
    await handler(received({ id: 'bad', type: 'mini-program.frozen', payload: { appId: APP_ID } }));
    expect(seen).toEqual(['mini-program.unfrozen']);
    expect(warnings).toEqual([
      expect.objectContaining({
        topic: AppManageTopic.MINI_PROGRAM,
        eventId: 'bad',
        type: 'mini-program.frozen',
      }),
    ]);
  });
});
