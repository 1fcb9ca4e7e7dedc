import {
  OPERATION_LOG_TOPIC,
  OutboxEntryModel,
  type DocumentStore,
  type DomainEvent,
  type OperationRecordedPayload,
} from '@grove/platform';

/**
 * The operation log lines (ADR 0013) stored in the documents' outbox for a request id, in the order written: what
 * committed, whether or not the relay has published it yet.
 */
export async function storedOperationLines(
  documents: DocumentStore,
  requestId: string,
): Promise<OperationRecordedPayload[]> {
  const entries = await documents
    .collection(OutboxEntryModel)
    .find({ topic: OPERATION_LOG_TOPIC }, { sort: { createdAt: 1, _id: 1 } });
  return entries
    .map((entry) => (JSON.parse(entry.event) as DomainEvent<OperationRecordedPayload>).payload)
    .filter((line) => line.requestId === requestId);
}
