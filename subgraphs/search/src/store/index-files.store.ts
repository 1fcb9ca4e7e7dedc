import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';

/** What changed in the index, by id: the projection re-reads it from the owner when the entry is replayed. */
export interface JournalEntry {
  sequence: number;
  kind: 'app' | 'organization';
  id: string;
}

export interface Journal {
  /** Entries up to `base` were dropped (they are in the snapshot taken at `base`). */
  base: number;
  entries: JournalEntry[];
}

/**
 * The embedded index's files in its own directory (one per search process, ADR 0011 addendum): `index.snapshot`
 * (see engine/embedded-snapshot.ts) and `journal.log`, whose first line is `base <sequence>` and then one
 * `<sequence>\t<kind>\t<id>` line per change applied. Writes are serialized; replacing a file is write-then-rename.
 */
export class IndexFilesStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string) {}

  get snapshotPath(): string {
    return join(this.dir, 'index.snapshot');
  }

  get journalPath(): string {
    return join(this.dir, 'journal.log');
  }

  async readSnapshot(): Promise<Buffer | null> {
    return readIfExists(this.snapshotPath);
  }

  async writeSnapshot(snapshot: Buffer): Promise<void> {
    await this.serialized(() => this.replace(this.snapshotPath, snapshot));
  }

  /** null when there is no journal (or not one of ours). A torn last line (crash while appending) is left out. */
  async readJournal(): Promise<Journal | null> {
    const content = await readIfExists(this.journalPath);
    if (!content) return null;
    const lines = content.toString('utf8').split('\n');
    const base = /^base (\d+)$/.exec(lines[0] ?? '');
    if (!base) return null;
    const entries: JournalEntry[] = [];
    // The last element is after the final newline: empty, or a line whose append did not complete.
    for (const line of lines.slice(1, -1)) {
      const [sequence, kind, id] = line.split('\t');
      if (!/^\d+$/.test(sequence) || (kind !== 'app' && kind !== 'organization') || !id) return null;
      entries.push({ sequence: Number(sequence), kind, id });
    }
    return { base: Number(base[1]), entries };
  }

  async append(entry: JournalEntry): Promise<void> {
    await this.serialized(async () => {
      const file = await open(this.journalPath, 'a');
      try {
        await file.write(`${entry.sequence}\t${entry.kind}\t${entry.id}\n`);
      } finally {
        await file.close();
      }
    });
  }

  /** Starts the journal over at `base` with the entries after it (`entries()` is read once the file is ours). */
  async rewriteJournal(base: number, entries: () => readonly JournalEntry[]): Promise<void> {
    await this.serialized(() =>
      this.replace(
        this.journalPath,
        Buffer.from(
          [`base ${base}`, ...entries().map((e) => `${e.sequence}\t${e.kind}\t${e.id}`)].join('\n') + '\n',
          'utf8',
        ),
      ),
    );
  }

  private async replace(path: string, content: Buffer): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    const file = await open(temporary, 'w');
    try {
      await file.write(content);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
