import {
  OPERATION_LOG_TOPIC,
  OPERATION_RECORDED,
  OPERATION_SUMMARY_MAX,
  type OperationRecordedPayload,
} from '@grove/platform';
import { z } from 'zod';
import { defineTopic, eventSchema } from './event-contract';

/**
 * The operation log (issue 9 §5, ADR 0013): every mutation by a person or a third party, written by the platform kit
 * in the unit of work of the change (its transactional outbox) and stored by the analytics subgraph.
 */
export { OPERATION_LOG_TOPIC, OPERATION_RECORDED };
export const OperationLogEventType = { RECORDED: OPERATION_RECORDED } as const;

export const OPERATION_ACTOR_KINDS = ['user', 'operator', 'apiClient', 'hostApp', 'anonymous'] as const;

const nullableText = (max: number) => z.string().min(1).max(max).nullable();

export const operationRecordedPayload = z.object({
  action: z.string().min(1).max(128),
  subgraph: z.string().min(1).max(64),
  actorKind: z.enum(OPERATION_ACTOR_KINDS),
  actorId: nullableText(256),
  organizationId: nullableText(128),
  targetType: nullableText(64),
  targetId: nullableText(256),
  summary: z.string().max(OPERATION_SUMMARY_MAX),
  changes: z.array(z.string().min(1).max(128)).max(100),
  requestId: z.string().min(1).max(256),
  clientIp: nullableText(64),
  at: z.iso.datetime({ offset: true }),
  atomic: z.boolean(),
}) satisfies z.ZodType<OperationRecordedPayload>;
export type OperationRecordedEvent = z.infer<typeof operationRecordedPayload>;

export const operationLogEvents = defineTopic(OPERATION_LOG_TOPIC, {
  [OPERATION_RECORDED]: eventSchema(operationRecordedPayload),
});
