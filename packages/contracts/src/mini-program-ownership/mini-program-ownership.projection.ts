import {
  ConflictError,
  idempotentHandler,
  type DocumentCollection,
  type DocumentStore,
  type DomainEvent,
  type EventBus,
  type KeyValueStore,
  type Logger,
  type ModelClass,
  type Subscription,
} from '@grove/platform';
import { AppManageTopic, miniProgramEvents, type MiniProgramPayload } from '../app-manage.events';
import { parseContractEvent, type ParsedEvent } from '../event-contract';
import { OwnedMiniProgramStatus, type MiniProgramOwnershipModel } from './mini-program-ownership.model';

/** Topic app-manage publishes mini-program events on. */
export const MINI_PROGRAM_EVENTS_TOPIC = AppManageTopic.MINI_PROGRAM;

export interface MiniProgramOwnership {
  appId: string;
  orgId: string;
  status: OwnedMiniProgramStatus;
}

/** Status each mini-program event implies; other `mini-program.*` events only refresh the owner. */
const STATUS_BY_TYPE: Record<string, OwnedMiniProgramStatus> = {
  'mini-program.created': OwnedMiniProgramStatus.ACTIVE,
  'mini-program.unfrozen': OwnedMiniProgramStatus.ACTIVE,
  'mini-program.frozen': OwnedMiniProgramStatus.FROZEN,
  'mini-program.deleted': OwnedMiniProgramStatus.DELETED,
};

/**
 * `{ appId, orgId, status }` of every mini-program, kept from app-manage's events (the same topic also carries
 * `version.*` events, whose `status` is a version status: those are ignored). Writes are upserts guarded by the
 * event time, so replays and redeliveries change nothing.
 */
export class MiniProgramOwnershipProjection {
  private readonly apps: DocumentCollection<MiniProgramOwnershipModel>;

  constructor(documents: DocumentStore, model: ModelClass<MiniProgramOwnershipModel>) {
    this.apps = documents.collection(model);
  }

  /** Null for unknown and deleted mini-programs alike. */
  async get(appId: string): Promise<MiniProgramOwnership | null> {
    const doc = await this.apps.findById(appId);
    return doc && doc.status !== OwnedMiniProgramStatus.DELETED
      ? { appId: doc._id, orgId: doc.orgId, status: doc.status }
      : null;
  }

  /**
   * Applies one app-manage event; false when it is not a mini-program event, does not match the contract, or is
   * older than what is stored.
   */
  async apply(event: DomainEvent<unknown>): Promise<boolean> {
    const parsed = parseContractEvent(miniProgramEvents, event);
    return parsed.ok ? this.write(parsed) : false;
  }

  private async write(parsed: ParsedEvent<typeof miniProgramEvents>): Promise<boolean> {
    if (!parsed.type.startsWith('mini-program.')) return false;
    const payload = parsed.payload as MiniProgramPayload;
    const appId = payload.appId;
    const at = parsed.event.occurredAt;
    const status = STATUS_BY_TYPE[parsed.type];
    const fresh = { _id: appId, lastEventAt: { $lte: at } };
    try {
      if (status) {
        await this.apps.updateOne(
          fresh,
          { $set: { orgId: payload.orgId, status, lastEventAt: at } },
          { upsert: true },
        );
        return true;
      }
      // A deleted app stays deleted: later events about it (e.g. a delayed update) only confirm the tombstone.
      const updated = await this.apps.updateOne(fresh, { $set: { orgId: payload.orgId, lastEventAt: at } });
      if (updated.matchedCount > 0) return true;
      if (await this.apps.findById(appId)) return false;
      // The creation event was never seen (e.g. the projection started later): an app that is updated exists.
      await this.apps.insertOne({
        _id: appId,
        orgId: payload.orgId,
        status: OwnedMiniProgramStatus.ACTIVE,
        lastEventAt: at,
      });
      return true;
    } catch (error) {
      // The upsert's insert collided with a stored document newer than this event: a stale replay.
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }

  /** Subscribes `group` to app-manage's mini-program events; each event is applied once per group. */
  subscribe(bus: EventBus, kv: KeyValueStore, group: string, logger: Logger): Promise<Subscription> {
    return bus.subscribe<unknown>(
      MINI_PROGRAM_EVENTS_TOPIC,
      group,
      idempotentHandler(kv, group, async (event) => {
        const parsed = parseContractEvent(miniProgramEvents, event);
        if (!parsed.ok) {
          // Logged and skipped, not dead-lettered: a retry cannot make the payload valid (docs/events-contracts.md).
          if (parsed.reason === 'invalid')
            logger.warn(
              { eventId: event.id, type: event.type, detail: parsed.detail },
              'mini-program event does not match its contract; skipped',
            );
          return;
        }
        const applied = await this.write(parsed);
        logger.debug(
          { eventId: event.id, type: event.type, key: event.key, applied },
          'mini-program projection',
        );
      }),
    );
  }
}
