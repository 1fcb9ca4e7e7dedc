import { AppManageTopic, hostAppEvents, parseContractEvent } from '@grove/contracts';
import {
  idempotentHandler,
  type DomainEvent,
  type EventBus,
  type KeyValueStore,
  type Logger,
  type Subscription,
} from '@grove/platform';
import type { HostAppOwnershipStore } from '../store/host-app-ownership.store';
import { GLOBAL_SCOPE } from '../store/sdk-config.model';

/** app-manage's host app topic; its `host-app.*` events carry `{ hostAppId, orgId }` (contract in @grove/contracts). */
export const APP_MANAGE_HOST_APP_TOPIC = AppManageTopic.HOST_APP;
const HOST_APP_EVENT_PREFIX = 'host-app.';
export const SDK_CONSUMER_GROUP = 'sdk';

interface HostAppEventPayload {
  hostAppId?: unknown;
  orgId?: unknown;
}

/**
 * Keeps `HostAppOwnership { hostAppId, orgId }` from app-manage's events. Link events on the same topic are
 * ignored. Recording is an upsert of the same values, and the handler is wrapped in idempotentHandler, so
 * redeliveries change nothing.
 */
export class HostAppOwnershipProjection {
  constructor(
    private readonly owners: HostAppOwnershipStore,
    private readonly logger: Logger,
  ) {}

  async handle(event: DomainEvent<HostAppEventPayload>): Promise<void> {
    if (!event.type.startsWith(HOST_APP_EVENT_PREFIX)) return;
    const parsed = parseContractEvent(hostAppEvents, event);
    const payload = parsed.ok ? (parsed.payload as { hostAppId: string; orgId: string }) : undefined;
    if (!payload || payload.hostAppId === GLOBAL_SCOPE) {
      // Retrying cannot fix a malformed event; keep it visible in the logs instead of the dead-letter topic.
      this.logger.warn(
        { eventId: event.id, type: event.type, detail: parsed.ok ? 'reserved host app id' : parsed.detail },
        'host app event does not match its contract; skipped',
      );
      return;
    }
    await this.owners.record(payload.hostAppId, payload.orgId);
  }

  subscribe(bus: EventBus, kv: KeyValueStore): Promise<Subscription> {
    return bus.subscribe<HostAppEventPayload>(
      APP_MANAGE_HOST_APP_TOPIC,
      SDK_CONSUMER_GROUP,
      idempotentHandler(kv, SDK_CONSUMER_GROUP, (event) => this.handle(event)),
    );
  }
}
