import { mkdir, open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/** Where a snapshot is streamed to (the engine's snapshot writer takes it). */
export interface FileSink {
  write(bytes: Uint8Array): Promise<void>;
}

/** A snapshot file open for reading: `read` fills `into` from `position`, throwing `ShortReadError` past the end. */
export interface FileSource {
  readonly size: number;
  read(into: Uint8Array, position: number): Promise<void>;
  close(): Promise<void>;
}

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
 * `<sequence>\t<kind>\t<id>` line per change applied. Writes are serialized; replacing a file is write to a temporary
 * file, fsync, rename over the old one, fsync the directory: a crash leaves the old file or the new one, whole.
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

  /** The snapshot file open for reading (`close()` it), or null when there is none. */
  async openSnapshot(): Promise<FileSource | null> {
    let file: FileHandle;
    try {
      file = await open(this.snapshotPath, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const { size } = await file.stat();
    return {
      size,
      read: async (into, position) => {
        let done = 0;
        while (done < into.length) {
          const { bytesRead } = await file.read(into, done, into.length - done, position + done);
          if (bytesRead === 0) throw new ShortReadError(this.snapshotPath);
          done += bytesRead;
        }
      },
      close: () => file.close(),
    };
  }

  /**
   * Streams a new snapshot through `write` (it gets the file as a sink), then puts it in place of the old one
   * atomically. Returns what `write` returns.
   */
  async writeSnapshot<T>(write: (sink: FileSink) => Promise<T>): Promise<T> {
    return this.serialized(() =>
      this.replaceWith(this.snapshotPath, async (file) =>
        write({
          write: async (bytes) => {
            let done = 0;
            while (done < bytes.length) {
              const { bytesWritten } = await file.write(bytes, done, bytes.length - done);
              done += bytesWritten;
            }
          },
        }),
      ),
    );
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
    await this.replaceWith(path, async (file) => void (await file.write(content)));
  }

  private async replaceWith<T>(path: string, write: (file: FileHandle) => Promise<T>): Promise<T> {
    await mkdir(this.dir, { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    const file = await open(temporary, 'w');
    let result: T;
    try {
      result = await write(file);
      await file.sync();
    } catch (error) {
      await file.close();
      await rm(temporary, { force: true });
      throw error;
    }
    await file.close();
    await rename(temporary, path);
    // The rename itself is durable once the directory is.
    const directory = await open(this.dir, 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
    return result;
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

/** A file shorter than what was asked of it (a truncated snapshot). */
export class ShortReadError extends Error {
  constructor(path: string) {
    super(`${path} ended before the bytes asked for (truncated)`);
  }
}
