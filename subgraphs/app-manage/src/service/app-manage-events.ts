import type { EventBus, Logger } from '@grove/platform';

/** Topics this subgraph publishes on; the key is the app id (mini-programs) or the host app id. */
export const AppManageTopic = {
  MINI_PROGRAM: 'app-manage.mini-program',
  HOST_APP: 'app-manage.host-app',
} as const;
export type AppManageTopic = (typeof AppManageTopic)[keyof typeof AppManageTopic];

export type EventPayload = Record<string, string | number | boolean | null | undefined>;

export class AppManageEvents {
  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  /**
   * Published after the state change is written. A bus failure is logged, not thrown: the change already
   * happened and the caller must not retry it.
   */
  async publish(topic: AppManageTopic, type: string, key: string, payload: EventPayload): Promise<void> {
    try {
      await this.bus.publish(topic, { type, key, payload });
    } catch (error) {
      this.logger.error({ err: error, topic, type, key }, 'publishing app-manage event failed');
    }
  }
}
