import {
  MINI_PROGRAM_EVENTS_TOPIC,
  contractHandler,
  miniProgramEvents,
  type MiniProgramOwnershipProjection,
} from '@grove/contracts';
import {
  idempotentHandler,
  type EventBus,
  type KeyValueStore,
  type Logger,
  type Subscription,
} from '@grove/platform';
import type { VersionStatusProjection } from '../projection/version-status.projection';
import type { ReleasePlanService } from './release-plan.service';

export interface AppManageEventTargets {
  miniPrograms: MiniProgramOwnershipProjection;
  versions: VersionStatusProjection;
  plans: ReleasePlanService;
}

/**
 * One consumer (group `group`) of app-manage's mini-program topic: keeps the ownership and version projections and
 * moves COMPLETING plans to COMPLETED or FAILED on app-manage's answer. At-least-once, each event applied once.
 */
export function subscribeToAppManageEvents(
  bus: EventBus,
  kv: KeyValueStore,
  group: string,
  targets: AppManageEventTargets,
  logger: Logger,
): Promise<Subscription> {
  return bus.subscribe<unknown>(
    MINI_PROGRAM_EVENTS_TOPIC,
    group,
    idempotentHandler(
      kv,
      group,
      contractHandler(miniProgramEvents, logger, async (parsed) => {
        await targets.miniPrograms.apply(parsed.event);
        await targets.versions.apply(parsed.event);
        let moved = false;
        if (parsed.type === 'version.published' && parsed.payload.releasePlanId) {
          moved = await targets.plans.confirmCompleted(
            parsed.payload.releasePlanId,
            parsed.payload.versionId,
            parsed.payload.actorId,
          );
        }
        if (parsed.type === 'version.release-plan-refused') {
          const { releasePlanId, versionId, reason, actorId } = parsed.payload;
          moved = await targets.plans.failByOwner(releasePlanId, versionId, reason, actorId);
        }
        if (moved)
          logger.info({ eventId: parsed.event.id, type: parsed.type }, 'release plan answered by app-manage');
      }),
    ),
  );
}
