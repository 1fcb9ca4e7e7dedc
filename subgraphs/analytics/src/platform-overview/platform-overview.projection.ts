import {
  AccountTopic,
  AppManageTopic,
  hostAppEvents,
  MINI_PROGRAM_EVENTS_TOPIC,
  miniProgramEvents,
  organizationEvents,
  parseContractEvent,
  type TopicContract,
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
import { dayOf } from '../service/reporting-day';
import { PlatformCounterModel, PlatformEntityModel } from './platform-overview.models';

/** The counters of the platform overview; each is stored as per-day changes. */
export const PlatformMetric = {
  ORGANIZATIONS_APPROVED: 'organizations.approved',
  ORGANIZATIONS_FROZEN: 'organizations.frozen',
  MINI_PROGRAMS_CREATED: 'mini-programs.created',
  MINI_PROGRAMS_DELETED: 'mini-programs.deleted',
  MINI_PROGRAMS_ONLINE: 'mini-programs.online',
  HOST_APPS_CREATED: 'host-apps.created',
  HOST_APPS_DELETED: 'host-apps.deleted',
} as const;
export type PlatformMetric = (typeof PlatformMetric)[keyof typeof PlatformMetric];

type Kind = PlatformEntityModel['kind'];
type State = Omit<PlatformEntityModel, '_id' | 'rev' | 'kind'>;
type Change = (state: State, at: number) => Partial<State> | null;

const EMPTY: State = {
  created: false,
  deleted: false,
  approved: false,
  published: false,
  publishedChangedAt: 0,
  frozen: false,
  frozenChangedAt: 0,
};

/** A flag that events can set both ways applies only when the event is newer than its last change. */
const published =
  (value: boolean): Change =>
  (s, at) =>
    at >= s.publishedChangedAt ? { published: value, publishedChangedAt: at } : null;
const frozen =
  (value: boolean): Change =>
  (s, at) =>
    at >= s.frozenChangedAt ? { frozen: value, frozenChangedAt: at } : null;

/** What each owner event means to the overview (other event types do not change it). */
const CHANGES: Record<Kind, Record<string, Change>> = {
  organization: {
    'organization.approved': () => ({ created: true, approved: true }),
    'organization.frozen': frozen(true),
    'organization.unfrozen': frozen(false),
  },
  'mini-program': {
    'mini-program.created': () => ({ created: true }),
    'mini-program.deleted': () => ({ deleted: true }),
    'mini-program.frozen': frozen(true),
    'mini-program.unfrozen': frozen(false),
    'version.published': published(true),
    'version.delisted': published(false),
    'version.force-delisted': published(false),
  },
  'host-app': {
    'host-app.created': () => ({ created: true }),
    'host-app.deleted': () => ({ deleted: true }),
  },
};

const isOnline = (s: State) => s.published && !s.frozen && !s.deleted;

/** The counter changes a transition makes: firsts count once, two-way facts count +1 and -1. */
export function counterChanges(kind: Kind, before: State, after: State): Array<[PlatformMetric, number]> {
  const out: Array<[PlatformMetric, number]> = [];
  const first = (metric: PlatformMetric, was: boolean, is: boolean) => !was && is && out.push([metric, 1]);
  const both = (metric: PlatformMetric, was: boolean, is: boolean) =>
    was !== is && out.push([metric, is ? 1 : -1]);
  if (kind === 'organization') {
    first(PlatformMetric.ORGANIZATIONS_APPROVED, before.approved, after.approved);
    both(
      PlatformMetric.ORGANIZATIONS_FROZEN,
      before.approved && before.frozen,
      after.approved && after.frozen,
    );
  } else if (kind === 'mini-program') {
    first(PlatformMetric.MINI_PROGRAMS_CREATED, before.created, after.created);
    first(PlatformMetric.MINI_PROGRAMS_DELETED, before.deleted, after.deleted);
    both(PlatformMetric.MINI_PROGRAMS_ONLINE, isOnline(before), isOnline(after));
  } else {
    first(PlatformMetric.HOST_APPS_CREATED, before.created, after.created);
    first(PlatformMetric.HOST_APPS_DELETED, before.deleted, after.deleted);
  }
  return out;
}

/**
 * app-spider's side of the platform overview: organizations, mini-programs and host apps counted per reporting day
 * from their owners' events. Each event moves one entity's facts with a conditional update and adds the counter
 * changes of that move in the same transaction, so a redelivered event (the same facts again) changes nothing and a
 * crash between the two cannot count half. Counts start with the events analytics received (docs/adr/0010-analytics-raw-store.md).
 */
export class PlatformOverviewProjection {
  constructor(
    private readonly documents: DocumentStore,
    private readonly timeZone: string,
    private readonly logger: Logger,
  ) {}

  async subscribe(bus: EventBus, kv: KeyValueStore, group: string): Promise<Subscription> {
    const topics: Array<[string, TopicContract, Kind, (payload: Record<string, unknown>) => string]> = [
      [AccountTopic.ORGANIZATION, organizationEvents, 'organization', (p) => String(p.organizationId)],
      [MINI_PROGRAM_EVENTS_TOPIC, miniProgramEvents, 'mini-program', (p) => String(p.appId)],
      [AppManageTopic.HOST_APP, hostAppEvents, 'host-app', (p) => String(p.hostAppId)],
    ];
    const subscriptions = await Promise.all(
      topics.map(([topic, contract, kind, idOf]) =>
        bus.subscribe<unknown>(
          topic,
          group,
          idempotentHandler(kv, group, async (event) => {
            const change = CHANGES[kind][event.type];
            if (!change) return;
            const parsed = parseContractEvent(contract, event);
            if (!parsed.ok) {
              if (parsed.reason === 'invalid')
                this.logger.warn(
                  { eventId: event.id, type: event.type, detail: parsed.detail },
                  'owner event does not match its contract; skipped',
                );
              return;
            }
            await this.apply(kind, idOf(parsed.payload as Record<string, unknown>), event, change);
          }),
        ),
      ),
    );
    return { close: async () => void (await Promise.all(subscriptions.map((s) => s.close()))) };
  }

  /** Applies one event's change to its entity and the day's counters; answers whether anything changed. */
  async apply(
    kind: Kind,
    id: string,
    event: Pick<DomainEvent, 'occurredAt'>,
    change: Change,
  ): Promise<boolean> {
    const at = Date.parse(event.occurredAt);
    const day = dayOf(at, this.timeZone);
    const _id = `${kind}:${id}`;
    return this.documents.transaction(async (tx) => {
      const entities = tx.collection(PlatformEntityModel);
      const current = await entities.findById(_id);
      const before: State = current ? pick(current) : EMPTY;
      const patch = change(before, at);
      if (!patch) return false;
      const after: State = { ...before, ...patch };
      const changes = counterChanges(kind, before, after);
      if (current) {
        const { matchedCount } = await entities.updateOne(
          { _id, rev: current.rev },
          { $set: { ...after, rev: current.rev + 1 } },
        );
        // Same-key events are handled one at a time; another consumer of this group got here first. Retried by the bus.
        if (matchedCount === 0)
          throw new ConflictError('The platform overview entity changed meanwhile', {
            reason: 'CONCURRENT_UPDATE',
          });
      } else {
        await entities.insertOne({ _id, kind, rev: 1, ...after });
      }
      const counters = tx.collection(PlatformCounterModel);
      for (const [metric, delta] of changes) {
        await counters.updateOne(
          { _id: `${day}:${metric}` },
          { $inc: { delta }, $set: { day, metric } },
          { upsert: true },
        );
      }
      return changes.length > 0;
    });
  }
}

function pick(doc: PlatformEntityModel): State {
  const { created, deleted, approved, published, publishedChangedAt, frozen, frozenChangedAt } = doc;
  return { created, deleted, approved, published, publishedChangedAt, frozen, frozenChangedAt };
}
