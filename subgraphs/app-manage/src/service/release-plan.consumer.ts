import {
  RULE_ENGINE_EVENTS_TOPIC,
  RuleEngineEventType,
  ruleEngineEvents,
  contractHandler,
  type ReleasePlanPayload,
} from '@grove/contracts';
import {
  idempotentHandler,
  type EventBus,
  type KeyValueStore,
  type Logger,
  type Subscription,
} from '@grove/platform';
import type { ReleasePlanOutcome, ReleasePlanRef, VersionService } from './version.service';

export const APP_MANAGE_CONSUMER_GROUP = 'app-manage';

/** The plan reference a release-plan event carries (its payload already checked against the contract). */
export function releasePlanRef(payload: ReleasePlanPayload): ReleasePlanRef {
  return {
    planId: payload.planId,
    appId: payload.appId,
    orgId: payload.orgId,
    versionId: payload.grayVersionId,
    actorId: payload.actorId,
    percentage: payload.percentage,
    ruleId: payload.ruleId ?? undefined,
  };
}

/**
 * Release plans drive their version: started → GRAY, raised → its percentage, reverted/failed → APPROVED again,
 * completing → PUBLISHED (or refused). At-least-once delivery, each event applied once per group; every handler
 * is also safe to repeat.
 */
export async function subscribeToReleasePlans(
  events: EventBus,
  kv: KeyValueStore,
  versions: VersionService,
  logger: Logger,
): Promise<Subscription> {
  const T = RuleEngineEventType;
  const handlers: Partial<Record<string, (ref: ReleasePlanRef) => Promise<ReleasePlanOutcome>>> = {
    [T.RELEASE_PLAN_STARTED]: (ref) => versions.startGrayForPlan(ref),
    [T.RELEASE_PLAN_RAISED]: (ref) => versions.raiseGrayForPlan(ref),
    [T.RELEASE_PLAN_COMPLETING]: (ref) => versions.promoteCompletedGray(ref),
    [T.RELEASE_PLAN_REVERTED]: (ref) => versions.endGrayForPlan(ref),
    [T.RELEASE_PLAN_FAILED]: (ref) => versions.endGrayForPlan(ref),
  };
  return events.subscribe<unknown>(
    RULE_ENGINE_EVENTS_TOPIC,
    APP_MANAGE_CONSUMER_GROUP,
    idempotentHandler(
      kv,
      APP_MANAGE_CONSUMER_GROUP,
      // Events that do not match the rule-engine's contract are logged and skipped by contractHandler.
      contractHandler(ruleEngineEvents, logger, async (parsed) => {
        const handle = handlers[parsed.type];
        if (!handle || !('planId' in parsed.payload)) return;
        const ref = releasePlanRef(parsed.payload);
        const outcome = await handle(ref);
        logger.info(
          {
            eventId: parsed.event.id,
            type: parsed.type,
            planId: ref.planId,
            versionId: ref.versionId,
            outcome,
          },
          'release plan applied to its version',
        );
      }),
    ),
  );
}
