import { idempotentHandler, type EventBus, type KeyValueStore, type Logger, type Subscription } from '@grove/platform';
import type { VersionService } from './version.service';

/**
 * The rule-engine's topic and event this subgraph reacts to. Named here rather than imported so
 * app-manage does not depend on the rule-engine package; a test pins them to the rule-engine's names.
 */
export const RULE_ENGINE_TOPIC = 'rule-engine';
export const RELEASE_PLAN_COMPLETED = 'release-plan.completed';
export const APP_MANAGE_CONSUMER_GROUP = 'app-manage';

interface ReleasePlanCompleted {
  appId: string;
  grayVersionId: string;
  actorId: string;
}

/** A completed release plan promotes its gray version to the published one (at-least-once, idempotent). */
export async function subscribeToReleasePlans(
  events: EventBus,
  kv: KeyValueStore,
  versions: VersionService,
  logger: Logger,
): Promise<Subscription> {
  return events.subscribe<Partial<ReleasePlanCompleted>>(
    RULE_ENGINE_TOPIC,
    APP_MANAGE_CONSUMER_GROUP,
    idempotentHandler(kv, APP_MANAGE_CONSUMER_GROUP, async (event) => {
      if (event.type !== RELEASE_PLAN_COMPLETED) return;
      const { grayVersionId, actorId } = event.payload;
      if (!grayVersionId || !actorId) {
        logger.warn({ eventId: event.id }, 'release-plan.completed without a gray version; ignored');
        return;
      }
      const published = await versions.promoteCompletedGray(grayVersionId, actorId);
      logger.info({ eventId: event.id, versionId: grayVersionId, status: published?.status }, 'completed release plan promoted');
    }),
  );
}
