import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** Journal file of the in-process bus, under DATA_DIR (apart from documents.sqlite: no shared write lock). */
export const EVENT_JOURNAL_FILE = 'events-journal.sqlite';

export interface JournalEntry {
  seq: number;
  serialized: string;
}

/**
 * What makes chosen topics of the in-process bus survive a crash (docs/adr/0010): an event is written here, with one
 * pending row per consumer group ever seen on its topic, before `publish` returns; a group's row is deleted once its
 * handler succeeded (or the event was dead-lettered). A restarted process replays each group's pending rows when the
 * group subscribes again. At-least-once: a crash after the handler and before the acknowledgement replays the event,
 * so consumers of durable topics deduplicate by event id, as on Redis Streams and Kafka.
 */
export class EventJournal {
  private readonly db: Database.Database;
  private readonly groupsOf = new Map<string, string[]>();
  private readonly insertEvent: Database.Statement<[string, string]>;
  private readonly insertPending: Database.Statement<[string, number]>;
  private readonly deletePending: Database.Statement<[string, number]>;
  private readonly deleteOrphan: Database.Statement<[number, number]>;
  private readonly append: (topic: string, serialized: string) => number;

  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // A process crash loses nothing committed under WAL with synchronous=NORMAL; only a power loss could.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS journal_groups (topic TEXT NOT NULL, grp TEXT NOT NULL, PRIMARY KEY (topic, grp));
      CREATE TABLE IF NOT EXISTS journal_events (seq INTEGER PRIMARY KEY AUTOINCREMENT, topic TEXT NOT NULL, event TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS journal_pending (grp TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (grp, seq));
    `);
    for (const row of this.db.prepare('SELECT topic, grp FROM journal_groups').all() as Array<{
      topic: string;
      grp: string;
    }>) {
      this.groupsOf.set(row.topic, [...(this.groupsOf.get(row.topic) ?? []), row.grp]);
    }
    this.insertEvent = this.db.prepare('INSERT INTO journal_events (topic, event) VALUES (?, ?)');
    this.insertPending = this.db.prepare('INSERT OR IGNORE INTO journal_pending (grp, seq) VALUES (?, ?)');
    this.deletePending = this.db.prepare('DELETE FROM journal_pending WHERE grp = ? AND seq = ?');
    this.deleteOrphan = this.db.prepare(
      'DELETE FROM journal_events WHERE seq = ? AND NOT EXISTS (SELECT 1 FROM journal_pending WHERE seq = ?)',
    );
    this.append = this.db.transaction((topic: string, serialized: string) => {
      const seq = Number(this.insertEvent.run(topic, serialized).lastInsertRowid);
      for (const group of this.groupsOf.get(topic) ?? []) this.insertPending.run(group, seq);
      return seq;
    });
  }

  /** Stores an event for every group known on its topic; answers its sequence number (none when no group waits). */
  write(topic: string, serialized: string): number | undefined {
    if (!this.groupsOf.get(topic)?.length) return undefined;
    return this.append(topic, serialized);
  }

  /** Records a group of the topic (every later event waits for it) and answers what it has not acknowledged, in order. */
  register(topic: string, group: string): JournalEntry[] {
    const groups = this.groupsOf.get(topic) ?? [];
    if (!groups.includes(group)) {
      this.db.prepare('INSERT OR IGNORE INTO journal_groups (topic, grp) VALUES (?, ?)').run(topic, group);
      this.groupsOf.set(topic, [...groups, group]);
    }
    return (
      this.db
        .prepare(
          'SELECT e.seq AS seq, e.event AS serialized FROM journal_pending p JOIN journal_events e ON e.seq = p.seq WHERE p.grp = ? AND e.topic = ? ORDER BY e.seq',
        )
        .all(group, topic) as JournalEntry[]
    ).map((row) => ({ seq: Number(row.seq), serialized: row.serialized }));
  }

  /** The group is done with the event; the event goes when no group waits for it. */
  acknowledge(group: string, seq: number): void {
    this.deletePending.run(group, seq);
    this.deleteOrphan.run(seq, seq);
  }

  /** Events some group has not acknowledged (tests, diagnostics). */
  pendingCount(topic: string, group: string): number {
    const row = this.db
      .prepare(
        'SELECT COUNT(*) AS n FROM journal_pending p JOIN journal_events e ON e.seq = p.seq WHERE p.grp = ? AND e.topic = ?',
      )
      .get(group, topic) as { n: number };
    return Number(row.n);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
