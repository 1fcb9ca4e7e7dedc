import {
  contractHandler,
  hostAppEvents,
  miniProgramEvents,
  organizationEvents,
  CATALOGUE_IDS_MAX_TAKE,
  type CatalogueEntry,
  type CatalogueOrganization,
  type CatalogueReadHandlers,
} from '@grove/contracts';
import {
  idempotentHandler,
  type EventBus,
  type KeyValueStore,
  type Logger,
  type Subscription,
} from '@grove/platform';
import { CatalogueStatus, type IndexedMiniProgram, type SearchEngine } from '../engine/search-engine.port';

/**
 * Where the projection notes each change before applying it (the embedded index's journal, see
 * index-persistence.ts): a restarted process replays what its snapshot may miss.
 */
export interface ChangeJournal {
  record(kind: 'app' | 'organization', id: string): Promise<number>;
  done(sequence: number): void;
}

/** Documents re-read per page when an organization's details change. */
const REINDEX_PAGE = 200;

/** Where a mini-program stands for search: frozen (itself or its organization) wins, then published, then delisted. */
export function catalogueStatus(
  entry: CatalogueEntry,
  organization: CatalogueOrganization | null,
): CatalogueStatus {
  if (entry.frozen || organization?.frozen) return CatalogueStatus.FROZEN;
  if (entry.published) return CatalogueStatus.PUBLISHED;
  return entry.delisted ? CatalogueStatus.DELISTED : CatalogueStatus.DRAFT;
}

export function toIndexedMiniProgram(
  entry: CatalogueEntry,
  organization: CatalogueOrganization | null,
): IndexedMiniProgram {
  return {
    appId: entry.appId,
    orgId: entry.orgId,
    organizationName: organization?.name ?? '',
    name: entry.name,
    aliases: entry.aliases,
    keywords: entry.tags,
    category: entry.category,
    description: entry.description ?? '',
    logoKey: entry.logoKey,
    status: catalogueStatus(entry, organization),
    pages: entry.pages,
    searchable: entry.searchable,
    hostAppIds: entry.hostAppIds,
  };
}

/**
 * Keeps the search index in step with app-manage and account. Their events carry ids only, so each event makes the
 * index re-read what it names from the owner (the catalogue reads) and write the current state: applying an event
 * twice, late or out of order converges on the owner's state, and a rebuild is the same code over every id.
 */
export class CatalogueProjection {
  /** While a rebuild runs: what events changed meanwhile (the rebuild may have read it before the change). */
  private changedDuringRebuild: Set<string> | null = null;

  constructor(
    private readonly engine: SearchEngine,
    private readonly reads: CatalogueReadHandlers,
    private readonly logger: Logger,
    private readonly journal?: ChangeJournal,
  ) {}

  /** Re-reads what the journal recorded after the snapshot (each id once), in order. */
  async replay(entries: ReadonlyArray<{ kind: 'app' | 'organization'; id: string }>): Promise<void> {
    const seen = new Set<string>();
    for (const { kind, id } of entries) {
      if (seen.has(`${kind}:${id}`)) continue;
      seen.add(`${kind}:${id}`);
      if (kind === 'app') await this.refreshApp(id);
      else await this.refreshOrganization(id);
    }
    this.logger.info({ replayed: seen.size }, 'search index caught up with the changes after its snapshot');
  }

  /** An event's change, journaled first when the index is persisted. */
  private async applyChange(kind: 'app' | 'organization', id: string): Promise<void> {
    this.changedDuringRebuild?.add(`${kind}:${id}`);
    const sequence = await this.journal?.record(kind, id);
    try {
      if (kind === 'app') await this.refreshApp(id);
      else await this.refreshOrganization(id);
    } finally {
      if (sequence !== undefined) this.journal?.done(sequence);
    }
  }

  /** Re-reads one mini-program and writes (or drops) its document. */
  async refreshApp(appId: string): Promise<void> {
    const entry = await this.reads.catalogueEntry({ appId });
    if (!entry) {
      await this.engine.remove([appId]);
      return;
    }
    const organization = await this.reads.catalogueOrganization({ orgId: entry.orgId });
    await this.engine.upsert([toIndexedMiniProgram(entry, organization)]);
  }

  /** An organization's name or freeze changed: its indexed mini-programs take the new details. */
  async refreshOrganization(orgId: string): Promise<void> {
    const organization = await this.reads.catalogueOrganization({ orgId });
    for (let offset = 0; ; offset += REINDEX_PAGE) {
      const page = await this.engine.search({
        text: '',
        filter: { orgIds: [orgId] },
        offset,
        limit: REINDEX_PAGE,
      });
      if (page.hits.length === 0) break;
      await this.engine.upsert(
        page.hits.map(({ document }) => ({
          ...document,
          organizationName: organization?.name ?? document.organizationName,
          // The organization's freeze lifts: the app's own state decides again (re-read below).
          status: organization?.frozen ? CatalogueStatus.FROZEN : document.status,
        })),
      );
      // Unfrozen: FROZEN documents may owe it to the organization only; the owner knows which.
      if (!organization?.frozen) {
        for (const hit of page.hits)
          if (hit.document.status === CatalogueStatus.FROZEN) await this.refreshApp(hit.document.appId);
      }
      if (page.hits.length < REINDEX_PAGE) break;
    }
  }

  /**
   * Reads every mini-program from app-manage into the (empty or stale) index, in place: the index answers meanwhile.
   * Then what the listing did not name is re-read (dropped when its owner no longer has it), and so is what events
   * changed while the rebuild ran, since the rebuild may have written what it read before the change. Returns how
   * many were indexed.
   */
  async rebuild(): Promise<number> {
    const changed = new Set<string>();
    this.changedDuringRebuild = changed;
    try {
      const listed = new Set<string>();
      const count = await this.indexAll(listed);
      for (const appId of await this.engine.appIds()) if (!listed.has(appId)) await this.refreshApp(appId);
      for (const key of changed) {
        const [kind, id] = key.split(':', 2) as ['app' | 'organization', string];
        if (kind === 'app') await this.refreshApp(id);
        else await this.refreshOrganization(id);
      }
      this.logger.info({ indexed: count }, 'search index rebuilt from app-manage and account');
      return count;
    } finally {
      if (this.changedDuringRebuild === changed) this.changedDuringRebuild = null;
    }
  }

  private async indexAll(listed: Set<string>): Promise<number> {
    const organizations = new Map<string, CatalogueOrganization | null>();
    let after: string | undefined;
    let count = 0;
    for (;;) {
      const { appIds, next } = await this.reads.catalogueAppIds({ after, take: CATALOGUE_IDS_MAX_TAKE });
      const documents: IndexedMiniProgram[] = [];
      for (const appId of appIds) {
        listed.add(appId);
        const entry = await this.reads.catalogueEntry({ appId });
        if (!entry) continue;
        if (!organizations.has(entry.orgId))
          organizations.set(entry.orgId, await this.reads.catalogueOrganization({ orgId: entry.orgId }));
        documents.push(toIndexedMiniProgram(entry, organizations.get(entry.orgId) ?? null));
      }
      await this.engine.upsert(documents);
      count += documents.length;
      if (!next) break;
      after = next;
    }
    return count;
  }

  /** Subscribes `group` to the owners' topics: mini-programs and their versions, links, organizations. */
  async subscribe(bus: EventBus, kv: KeyValueStore, group: string): Promise<Subscription> {
    const handle = (topic: string, handler: Parameters<typeof idempotentHandler>[2]) =>
      bus.subscribe<unknown>(topic, group, idempotentHandler(kv, group, handler));
    const subscriptions = await Promise.all([
      handle(
        miniProgramEvents.topic,
        contractHandler(miniProgramEvents, this.logger, async (event) =>
          this.applyChange('app', event.payload.appId),
        ),
      ),
      handle(
        hostAppEvents.topic,
        contractHandler(hostAppEvents, this.logger, async (event) => {
          // Only links change what a mini-program's document holds (its host apps); host-app events do not.
          if (event.type.startsWith('link.'))
            await this.applyChange('app', (event.payload as { appId: string }).appId);
        }),
      ),
      handle(
        organizationEvents.topic,
        contractHandler(organizationEvents, this.logger, async (event) =>
          this.applyChange('organization', event.payload.organizationId),
        ),
      ),
    ]);
    return { close: async () => void (await Promise.all(subscriptions.map((s) => s.close()))) };
  }
}
