import { SearchTopic, schemaHeaders, searchSettingsEvents } from '@grove/contracts';
import {
  Permission,
  requireOperatorPermission,
  type Logger,
  type Principal,
  type TransactionalOutbox,
} from '@grove/platform';

/** What a rebuild does: re-read the whole catalogue from the owners into the index (returns how many were indexed). */
export type RebuildIndex = () => Promise<number>;

/**
 * Rebuilds on demand (issue 10 item 1): an operator asks once, through the outbox (`index.rebuild-requested` on
 * `search.settings`), and every search process with an index of its own rebuilds it in place from the owners — the
 * index keeps answering meanwhile, and what the owners no longer hold is dropped. One rebuild runs at a time per
 * process; requests arriving during one run one more after it, not one each.
 */
export class SearchIndexService {
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly rebuildIndex: RebuildIndex,
    private readonly logger: Logger,
  ) {}

  /** Operators (platform:configure): every search process rebuilds its index from app-manage and account. */
  async requestRebuild(p: Principal): Promise<boolean> {
    const user = requireOperatorPermission(p, Permission.PLATFORM_CONFIGURE);
    await this.outbox.transaction(async () => {
      await this.outbox.enqueue(SearchTopic.SETTINGS, {
        type: 'index.rebuild-requested',
        key: 'index',
        payload: { actorId: user.userId },
        headers: schemaHeaders(searchSettingsEvents, 'index.rebuild-requested'),
      });
    });
    return true;
  }

  /** Whether a rebuild on demand is running in this process (readiness reports it; searches go on). */
  rebuilding(): boolean {
    return this.running !== null;
  }

  /** Starts a rebuild in the background (the event handler does not wait for it); resolves when it has run. */
  start(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async () => {
      do {
        this.again = false;
        try {
          const indexed = await this.rebuildIndex();
          this.logger.info({ indexed }, 'search index rebuilt on demand');
        } catch (error) {
          // The owners are down: the index stays as it was, and the operator may ask again.
          this.logger.warn({ err: error }, 'search index rebuild on demand failed');
        }
      } while (this.again && !this.closed);
    };
    this.running = run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Stops after the rebuild in progress (if any). */
  async close(): Promise<void> {
    this.closed = true;
    await this.running;
  }
}
