import type { Logger } from '@grove/platform';
import type { EmbeddedSearchEngine } from '../engine/embedded.engine';
import {
  readSnapshot,
  readSnapshotHeader,
  SnapshotError,
  writeSnapshot,
  type SnapshotMarker,
} from '../engine/embedded-snapshot';
import { ShortReadError, type IndexFilesStore, type JournalEntry } from '../store/index-files.store';
import type { ChangeJournal } from './catalogue.projection';

export interface IndexPersistenceOptions {
  /** A snapshot older than this is rebuilt instead (the events after it may no longer be on the streams). */
  maxAgeMs: number;
  now: () => number;
  /** The database's identity: a snapshot of another database's index is rebuilt. */
  identity: string;
}

/**
 * Snapshot and journal of the embedded index (ADR 0011, issue-10 addendum). Every change the projection applies is
 * journaled first (`record`) and marked applied after (`done`); a snapshot's marker is the last sequence applied with
 * nothing before it still in flight, so loading the snapshot and replaying the journal after the marker re-reads
 * everything the snapshot may miss. Missing, corrupt, foreign (format, analyzer, database) or too old: rebuild.
 */
export class IndexPersistence implements ChangeJournal {
  private sequence = 0;
  private readonly inFlight = new Set<number>();
  private entries: JournalEntry[] = [];
  private savedThrough = 0;
  private saving: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly engine: EmbeddedSearchEngine,
    private readonly files: IndexFilesStore,
    private readonly options: IndexPersistenceOptions,
    private readonly logger: Logger,
  ) {}

  /**
   * Loads the snapshot into the engine. Returns the journal entries to replay, or null when the index must be
   * rebuilt from the owners (the engine is then left empty).
   */
  async restore(): Promise<JournalEntry[] | null> {
    const [snapshot, journal] = await Promise.all([this.files.openSnapshot(), this.files.readJournal()]);
    this.sequence = (journal?.entries ?? []).reduce(
      (max, e) => Math.max(max, e.sequence),
      journal?.base ?? 0,
    );
    let replay: JournalEntry[] | null = null;
    if (snapshot) {
      try {
        replay = await this.load(snapshot, journal);
      } catch (error) {
        if (!(error instanceof SnapshotError || error instanceof ShortReadError)) throw error;
        this.logger.warn({ err: error, dir: this.files.dir }, 'search index snapshot unusable; rebuilding');
      } finally {
        await snapshot.close();
      }
    }
    this.entries = replay ?? [];
    if (replay === null) {
      this.savedThrough = this.sequence;
      await this.engine.clear();
    }
    // The journal starts over from what is kept (a rebuild reads everything: nothing before it is needed).
    await this.files.rewriteJournal(this.savedThrough, () => this.entries);
    return replay;
  }

  /**
   * The header first (a snapshot of another database, too old or beyond the journal is refused before its bulk is
   * read), then the whole file into the engine. Returns the entries to replay, or null to rebuild.
   */
  private async load(
    snapshot: NonNullable<Awaited<ReturnType<IndexFilesStore['openSnapshot']>>>,
    journal: Awaited<ReturnType<IndexFilesStore['readJournal']>>,
  ): Promise<JournalEntry[] | null> {
    const { marker } = await readSnapshotHeader(snapshot);
    if (marker.identity !== this.options.identity) {
      this.logger.warn({ dir: this.files.dir }, 'search index snapshot is of another database; rebuilding');
      return null;
    }
    const age = this.options.now() - marker.savedAt;
    if (age > this.options.maxAgeMs) {
      this.logger.info({ ageMs: age }, 'search index snapshot too old to catch up; rebuilding');
      return null;
    }
    if (!journal || journal.base > marker.journalSequence) {
      this.logger.warn(
        { dir: this.files.dir },
        'search index journal does not reach back to the snapshot; rebuilding',
      );
      return null;
    }
    const { state } = await readSnapshot(snapshot);
    this.engine.load(state);
    this.savedThrough = marker.journalSequence;
    this.logger.info(
      { documents: await this.engine.count(), journalSequence: marker.journalSequence, bytes: snapshot.size },
      'search index loaded from its snapshot',
    );
    return journal.entries.filter((entry) => entry.sequence > marker.journalSequence);
  }

  async record(kind: JournalEntry['kind'], id: string): Promise<number> {
    const entry: JournalEntry = { sequence: ++this.sequence, kind, id };
    this.inFlight.add(entry.sequence);
    this.entries.push(entry);
    await this.files.append(entry);
    return entry.sequence;
  }

  done(sequence: number): void {
    this.inFlight.delete(sequence);
  }

  /** Whether changes were applied since the last snapshot. */
  dirty(): boolean {
    return this.sequence > this.savedThrough;
  }

  /**
   * Writes a snapshot of the index as it is now, then drops the journal entries it covers. One save at a time: an
   * older snapshot written after a newer one's journal cut would miss the entries in between.
   */
  async save(): Promise<SnapshotMarker> {
    const next = this.saving.then(
      () => this.saveNow(),
      () => this.saveNow(),
    );
    this.saving = next;
    return next;
  }

  private async saveNow(): Promise<SnapshotMarker> {
    const marker: SnapshotMarker = {
      journalSequence: this.inFlight.size > 0 ? Math.min(...this.inFlight) - 1 : this.sequence,
      savedAt: this.options.now(),
      identity: this.options.identity,
    };
    // Frozen in the same turn as the marker (consistent with it); written while searches and writes go on.
    const frozen = this.engine.freeze();
    let bytes: number;
    try {
      bytes = await this.files.writeSnapshot((sink) => writeSnapshot(frozen, marker, sink));
    } finally {
      frozen.release();
    }
    this.savedThrough = Math.max(this.savedThrough, marker.journalSequence);
    await this.files.rewriteJournal(marker.journalSequence, () => {
      this.entries = this.entries.filter((entry) => entry.sequence > marker.journalSequence);
      return this.entries;
    });
    this.logger.debug({ bytes, ...marker }, 'search index snapshot written');
    return marker;
  }
}
