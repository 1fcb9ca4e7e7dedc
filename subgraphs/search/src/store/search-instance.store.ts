import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Most search processes sharing one data directory (slots `slot-0` … `slot-63`). */
export const MAX_SEARCH_SLOTS = 64;

export interface SearchInstance {
  /** Random, created once per slot and kept in it: the consumer group survives restarts. */
  id: string;
  /** `search-<id>`: this process's consumer group on the owners' topics. */
  group: string;
  /** The slot's directory: where the index snapshot and journal live. */
  dir: string;
  /** Lets the slot go (on stop); a crashed holder's slot is taken back once its lock is stale. */
  release(): Promise<void>;
}

export interface ClaimOptions {
  now?: () => number;
  hostname?: string;
  pid?: number;
  /** Whether a process of this host is running (`kill(pid, 0)`). */
  isRunning?: (pid: number) => boolean;
  /** A lock of another host not refreshed for this long is stale. Default 30 s; refreshed every third of it. */
  staleMs?: number;
}

interface Lock {
  hostname: string;
  pid: number;
  heartbeatAt: number;
}

/**
 * The default consumer group outside Kubernetes (ADR 0011 addendum): each search process claims the first free slot
 * under the index directory and takes the slot's instance id as its group. A restarted process finds its slot free
 * again (its lock names this host and a process that is gone, or its own pid and host: a restarted container), so
 * it rejoins the same group, and the groups on the streams stay as many as the processes that ever ran at once.
 */
export async function claimSearchInstance(
  baseDir: string,
  options: ClaimOptions = {},
): Promise<SearchInstance> {
  const now = options.now ?? Date.now;
  const host = options.hostname ?? hostname();
  const pid = options.pid ?? process.pid;
  const isRunning = options.isRunning ?? processIsRunning;
  const staleMs = options.staleMs ?? 30_000;
  const held = (lock: Lock) => {
    if (lock.hostname === host) return lock.pid !== pid && isRunning(lock.pid);
    return now() - lock.heartbeatAt < staleMs;
  };

  for (let slot = 0; slot < MAX_SEARCH_SLOTS; slot++) {
    const dir = join(baseDir, `slot-${slot}`);
    await mkdir(dir, { recursive: true });
    const lockPath = join(dir, 'lock.json');
    const lock = await readLock(lockPath);
    if (lock && held(lock)) continue;
    const mine = (): Lock => ({ hostname: host, pid, heartbeatAt: now() });
    const temporary = `${lockPath}.${host}.${pid}.tmp`;
    await writeFile(temporary, JSON.stringify(mine()));
    await rename(temporary, lockPath);
    // Two processes taking the same slot at once: the last rename wins, the other moves on.
    const taken = await readLock(lockPath);
    if (!taken || taken.hostname !== host || taken.pid !== pid) continue;

    const id = await instanceIdOf(dir);
    const heartbeat = setInterval(() => {
      void writeFile(temporary, JSON.stringify(mine()))
        .then(() => rename(temporary, lockPath))
        .catch(() => undefined);
    }, staleMs / 3).unref();
    return {
      id,
      group: `search-${id}`,
      dir,
      release: async () => {
        clearInterval(heartbeat);
        const current = await readLock(lockPath);
        if (current && current.hostname === host && current.pid === pid)
          await unlink(lockPath).catch(() => undefined);
      },
    };
  }
  throw new Error(
    `All ${MAX_SEARCH_SLOTS} search index slots under ${baseDir} are held by running processes: set SEARCH_CONSUMER_GROUP and SEARCH_INDEX_DIR per process`,
  );
}

async function instanceIdOf(dir: string): Promise<string> {
  const path = join(dir, 'instance-id');
  const existing = await readFile(path, 'utf8').catch(() => null);
  if (existing && /^[a-z0-9]{12}$/.test(existing.trim())) return existing.trim();
  const id = randomBytes(6).toString('hex');
  const file = await open(path, 'w');
  try {
    await file.write(id);
    await file.sync();
  } finally {
    await file.close();
  }
  return id;
}

async function readLock(path: string): Promise<Lock | null> {
  try {
    const lock = JSON.parse(await readFile(path, 'utf8')) as Partial<Lock>;
    if (
      typeof lock.hostname !== 'string' ||
      typeof lock.pid !== 'number' ||
      typeof lock.heartbeatAt !== 'number'
    )
      return null;
    return lock as Lock;
  } catch {
    return null;
  }
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
