import { TransactionalOutbox, type PlatformRuntime } from '@grove/platform';

/** Past the default lease of `runtime.outbox()` (30 s): what a crashed process left is due. */
const PAST_THE_LEASE_MS = 31_000;

/**
 * The outbox relay of another replica of `source` (or of the process after a restart), its clock `aheadMs` in the
 * future so entries a "crashed" outbox left behind are due: `await relay.relayPending()` publishes them. Simulate the
 * crash with `await runtime.outbox(source).close()` before the write (its commits then stay in the outbox). Close it.
 */
export function restartedOutboxRelay(
  runtime: Pick<PlatformRuntime, 'documents' | 'events'>,
  source: string,
  aheadMs = PAST_THE_LEASE_MS,
): TransactionalOutbox {
  return new TransactionalOutbox({
    documents: runtime.documents,
    bus: runtime.events,
    source,
    now: () => Date.now() + aheadMs,
  });
}
