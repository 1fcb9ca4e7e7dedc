import type { EventBus, Logger } from '@grove/platform';

/**
 * Topics this subgraph publishes on. `sdk.config` is keyed by the host app id of an override or `global`, so
 * the runtime read-model can drop exactly what changed; the others are keyed by the entity id.
 */
export const SdkTopic = {
  CONFIG: 'sdk.config',
  BASE_LIBRARY: 'sdk.base-library',
  SDK_VERSION: 'sdk.version',
  BUILD_REVIEW: 'sdk.build-review',
} as const;
export type SdkTopic = (typeof SdkTopic)[keyof typeof SdkTopic];

export type SdkEventPayload = Record<string, string | number | boolean | null | undefined>;

export class SdkEvents {
  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  /**
   * Published after the state change is written. A bus failure is logged, not thrown: the change already
   * happened and the caller must not retry it.
   */
  async publish(topic: SdkTopic, type: string, key: string, payload: SdkEventPayload): Promise<void> {
    try {
      await this.bus.publish(topic, { type, key, payload });
    } catch (error) {
      this.logger.error({ err: error, topic, type, key }, 'publishing sdk event failed');
    }
  }
}
