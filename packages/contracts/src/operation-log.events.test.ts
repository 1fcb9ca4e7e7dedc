import { operationRecord, type OperationState } from '@grove/platform';
import { contractEvent, parseContractEvent } from './event-contract';
import {
  OPERATION_LOG_TOPIC,
  OPERATION_RECORDED,
  operationLogEvents,
  operationRecordedPayload,
} from './operation-log.events';

const state = (overrides: Partial<OperationState> = {}): OperationState => ({
  action: 'freezeMiniProgram',
  subgraph: 'app-manage',
  principal: {
    kind: 'user',
    userId: 'u1',
    sessionId: 's1',
    operatorRoles: ['OPERATOR_ADMIN'],
    memberships: [],
  },
  requestId: 'req-1',
  clientIp: '198.51.100.7',
  args: { appId: 'mp0123456789abcdef' },
  details: {},
  logged: false,
  ...overrides,
});

describe('operation log contract', () => {
  it('is the topic the platform kit writes', () => {
    expect(operationLogEvents.topic).toBe(OPERATION_LOG_TOPIC);
    expect(OPERATION_LOG_TOPIC).toBe('operations.log');
    expect(Object.keys(operationLogEvents.events)).toEqual([OPERATION_RECORDED]);
  });

  it('accepts what the platform kit records, with and without events', () => {
    const withEvents = operationRecord(
      state(),
      [{ type: 'mini-program.frozen', key: 'mp0123456789abcdef', payload: { orgId: 'o1', reason: 'x' } }],
      new Date(0),
      true,
    );
    const without = operationRecord(state({ principal: { kind: 'anonymous' } }), [], new Date(0), false);
    for (const payload of [withEvents, without]) {
      const parsed = parseContractEvent(operationLogEvents, {
        id: 'e1',
        occurredAt: new Date(0).toISOString(),
        ...contractEvent(operationLogEvents, OPERATION_RECORDED, 'k', payload),
      });
      expect(parsed.ok).toBe(true);
    }
    expect(withEvents).toMatchObject({
      organizationId: 'o1',
      targetType: 'mini-program',
      actorKind: 'operator',
    });
    expect(without).toMatchObject({
      actorKind: 'anonymous',
      actorId: null,
      targetType: 'app',
      targetId: 'mp0123456789abcdef',
    });
  });

  it('refuses a malformed line', () => {
    expect(operationRecordedPayload.safeParse({ action: '' }).success).toBe(false);
  });
});
