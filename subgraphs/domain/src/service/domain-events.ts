import type { EventBus, Logger } from '@grove/platform';

/** Topic of this subgraph's events; the key is the app id. */
export const DOMAIN_EVENTS_TOPIC = 'domain';
export const DomainEventType = { CHANGED: 'domain.changed' } as const;

export type DomainChange =
  | 'service-domains-replaced'
  | 'business-domain-added'
  | 'business-domain-verified'
  | 'business-domain-removed';

export interface DomainChangedPayload {
  appId: string;
  orgId: string;
  change: DomainChange;
  /** Service list kind or business domain name. */
  subject: string;
  actorId: string;
}

export class DomainEvents {
  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  /**
   * Published after the change is written, for runtime cache invalidation. A bus failure is logged, not thrown:
   * the change already happened and the caller must not retry it.
   */
  async changed(payload: DomainChangedPayload): Promise<void> {
    try {
      await this.bus.publish(DOMAIN_EVENTS_TOPIC, { type: DomainEventType.CHANGED, key: payload.appId, payload });
    } catch (error) {
      this.logger.error({ err: error, appId: payload.appId, change: payload.change }, 'publishing domain event failed');
    }
  }
}
