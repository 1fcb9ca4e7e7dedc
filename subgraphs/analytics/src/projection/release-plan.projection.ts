import {
  RULE_ENGINE_EVENTS_TOPIC,
  parseContractEvent,
  ruleEngineEvents,
  type ReleasePlanPayload,
} from '@grove/contracts';
import {
  ConflictError,
  idempotentHandler,
  type DocumentStore,
  type DomainEvent,
  type EventBus,
  type KeyValueStore,
  type Logger,
  type Subscription,
} from '@grove/platform';
import { AnalyticsReleasePlanMarkModel, AnalyticsReleasePlanModel } from './analytics-release-plan.model';

export interface PlanOwnership {
  planId: string;
  appId: string;
  orgId: string;
  grayVersionId: string;
  state: string;
  percentage: number;
}

export interface PlanMark {
  type: string;
  state: string;
  percentage: number;
  at: string;
}

/**
 * Release plans and their timeline, kept from rule-engine's `release-plan.*` events (published through its outbox).
 * Idempotent: a mark is keyed by the event id, the plan's state only moves forward in event time.
 */
export class ReleasePlanProjection {
  constructor(private readonly documents: DocumentStore) {}

  private get plans() {
    return this.documents.collection(AnalyticsReleasePlanModel);
  }

  private get marks() {
    return this.documents.collection(AnalyticsReleasePlanMarkModel);
  }

  async get(planId: string): Promise<PlanOwnership | null> {
    const doc = await this.plans.findById(planId);
    return doc
      ? {
          planId: doc._id,
          appId: doc.appId,
          orgId: doc.orgId,
          grayVersionId: doc.grayVersionId,
          state: doc.state,
          percentage: doc.percentage,
        }
      : null;
  }

  /** The plan's changes, oldest first. */
  async timeline(planId: string): Promise<PlanMark[]> {
    const docs = await this.marks.find({ planId }, { sort: { at: 1, _id: 1 } });
    return docs.map((m) => ({ type: m.type, state: m.state, percentage: m.percentage, at: m.at }));
  }

  /** Applies one rule-engine event; false when it is not a release-plan event of the contract. */
  async apply(event: DomainEvent<unknown>): Promise<boolean> {
    const parsed = parseContractEvent(ruleEngineEvents, event);
    if (!parsed.ok || !parsed.type.startsWith('release-plan.')) return false;
    const payload = parsed.payload as ReleasePlanPayload;
    const at = payload.changedAt ?? event.occurredAt;
    try {
      await this.marks.insertOne({
        _id: event.id,
        planId: payload.planId,
        type: parsed.type,
        state: payload.state,
        percentage: payload.percentage,
        at,
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
    const fields = {
      appId: payload.appId,
      orgId: payload.orgId,
      grayVersionId: payload.grayVersionId,
      state: payload.state,
      percentage: payload.percentage,
      lastEventAt: at,
    };
    try {
      await this.plans.updateOne(
        { _id: payload.planId, lastEventAt: { $lte: at } },
        { $set: fields },
        { upsert: true },
      );
    } catch (error) {
      // The upsert's insert met a stored plan newer than this event: a late redelivery, the mark above is enough.
      if (!(error instanceof ConflictError)) throw error;
    }
    return true;
  }

  subscribe(bus: EventBus, kv: KeyValueStore, group: string, logger: Logger): Promise<Subscription> {
    return bus.subscribe<unknown>(
      RULE_ENGINE_EVENTS_TOPIC,
      group,
      idempotentHandler(kv, group, async (event) => {
        const parsed = parseContractEvent(ruleEngineEvents, event);
        if (!parsed.ok) {
          if (parsed.reason === 'invalid')
            logger.warn(
              { eventId: event.id, type: event.type, detail: parsed.detail },
              'rule-engine event does not match its contract; skipped',
            );
          return;
        }
        await this.apply(event);
      }),
    );
  }
}
