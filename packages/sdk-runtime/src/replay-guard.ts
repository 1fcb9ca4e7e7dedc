import type { KeyValueStore } from '@grove/platform';

/**
 * Remembers request nonces so a signed request cannot be replayed while its timestamp is still acceptable.
 * A replay must carry the same (signed) timestamp, so a nonce only has to be remembered until its timestamp
 * falls out of the accepted skew window; after that the timestamp check refuses the replay by itself.
 */
export type NonceClaim =
  | 'claimed'
  | 'replayed'
  /** The timestamp is older than what this guard can still check (its records were dropped under load). */
  | 'too-old'
  /** The guard is full with nonces from the current time slice alone; the request is refused, nothing dropped. */
  | 'saturated';

export interface ReplayGuard {
  claim(scope: string, nonce: string, timestampMs: number): Promise<NonceClaim>;
}

const nonceKey = (scope: string, nonce: string) => `sdkrt:nonce:${scope}:${nonce}`;

/**
 * Shared store (Redis): SET NX with a TTL covering the rest of the timestamp's window. Every process that
 * shares the store refuses a nonce another one has seen.
 */
export class KeyValueReplayGuard implements ReplayGuard {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly maxSkewMs: number,
  ) {}

  async claim(scope: string, nonce: string, timestampMs: number): Promise<NonceClaim> {
    // The timestamp may lie up to maxSkew in the future, so it stays acceptable until timestamp + maxSkew.
    const ttlMs = Math.max(1000, timestampMs + this.maxSkewMs - Date.now() + 1000);
    return (await this.kv.setIfAbsent(nonceKey(scope, nonce), '1', { ttlMs })) ? 'claimed' : 'replayed';
  }
}

export interface MemoryReplayGuardOptions {
  maxSkewMs: number;
  /** Nonces held at most; beyond it the oldest time slice is dropped and its timestamps refused. Default 500 000. */
  maxEntries?: number;
  /** Width of a time slice (default 10 s). */
  sliceMs?: number;
  now?: () => number;
}

/**
 * Single-process guard with bounded memory and no silent holes. Nonces are grouped in slices by request
 * timestamp; a slice is dropped once all its timestamps are out of the window. An LRU that evicts a live
 * nonce would let that request be replayed; here, when the bound is reached, the oldest slice is dropped and
 * from then on timestamps in or before it are answered `too-old`, so under a flood the accepted window
 * shrinks instead of opening for replays. Slices newer than the request's are never dropped for it.
 */
export class MemoryReplayGuard implements ReplayGuard {
  private readonly slices = new Map<number, Set<string>>();
  private size = 0;
  /** Timestamps below this can no longer be checked against a complete record. */
  private floorMs = Number.NEGATIVE_INFINITY;
  private nextExpiryAt = 0;
  private readonly maxEntries: number;
  private readonly sliceMs: number;
  private readonly now: () => number;

  constructor(private readonly options: MemoryReplayGuardOptions) {
    this.maxEntries = options.maxEntries ?? 500_000;
    this.sliceMs = options.sliceMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  async claim(scope: string, nonce: string, timestampMs: number): Promise<NonceClaim> {
    this.expire();
    if (timestampMs < this.floorMs) return 'too-old';
    const start = timestampMs - (timestampMs % this.sliceMs);
    let slice = this.slices.get(start);
    const key = `${scope}\n${nonce}`;
    if (slice?.has(key)) return 'replayed';
    if (!slice) {
      slice = new Set();
      this.slices.set(start, slice);
    }
    slice.add(key);
    this.size++;
    if (this.size <= this.maxEntries) return 'claimed';
    this.dropOlderThan(start);
    if (this.size <= this.maxEntries) return 'claimed';
    // Only the newest slices are left: refuse this request rather than forget nonces that are still live.
    slice.delete(key);
    this.size--;
    return 'saturated';
  }

  /** Number of nonces held (for tests and metrics). */
  get entries(): number {
    return this.size;
  }

  private expire(): void {
    const now = this.now();
    // Slices are coarse, so looking for expired ones once a second is enough.
    if (now < this.nextExpiryAt) return;
    this.nextExpiryAt = now + 1000;
    const oldestAcceptable = now - this.options.maxSkewMs;
    for (const [start, slice] of this.slices) {
      if (start + this.sliceMs > oldestAcceptable) continue;
      this.slices.delete(start);
      this.size -= slice.size;
    }
  }

  /** Drops the oldest slices, never `keep` or newer ones, until the guard is back within its bound. */
  private dropOlderThan(keep: number): void {
    while (this.size > this.maxEntries) {
      let oldest = Number.POSITIVE_INFINITY;
      for (const start of this.slices.keys()) oldest = Math.min(oldest, start);
      if (oldest >= keep) return;
      this.size -= this.slices.get(oldest)!.size;
      this.slices.delete(oldest);
      this.floorMs = Math.max(this.floorMs, oldest + this.sliceMs);
    }
  }
}

/** The shared store when there is one; in one process on the memory driver, the bounded in-process guard. */
export function createReplayGuard(kv: KeyValueStore, maxSkewMs: number): ReplayGuard {
  return kv.driver === 'memory' ? new MemoryReplayGuard({ maxSkewMs }) : new KeyValueReplayGuard(kv, maxSkewMs);
}
