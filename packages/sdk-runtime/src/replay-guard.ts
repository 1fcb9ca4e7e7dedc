import { hash, randomBytes } from 'node:crypto';
import { ErrorCode, isPlatformError, type DependencyFallbacks, type KeyValueStore } from '@grove/platform';

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
  /** The in-process guard answers synchronously (no promise on the hot path); a shared store's answer is a promise. */
  claim(scope: string, nonce: string, timestampMs: number): NonceClaim | Promise<NonceClaim>;
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
  private readonly slices = new Map<number, FingerprintSet>();
  /** Secret per process, so nobody can aim nonces at each other's fingerprints or at one probe chain of a FingerprintSet. */
  private readonly salt = randomBytes(16).toString('hex');
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

  claim(scope: string, nonce: string, timestampMs: number): NonceClaim {
    this.expire();
    if (timestampMs < this.floorMs) return 'too-old';
    const start = timestampMs - (timestampMs % this.sliceMs);
    let slice = this.slices.get(start);
    const digest = hash('sha256', `${this.salt}\n${scope}\n${nonce}`, 'buffer');
    const hi = digest.readUInt32LE(0);
    const lo = digest.readUInt32LE(4) || 1;
    if (slice?.has(hi, lo)) return 'replayed';
    if (this.size + 1 > this.maxEntries) {
      this.dropOlderThan(start);
      // Only the request's slice and newer ones are left: refuse it rather than forget nonces that are still live.
      if (this.size + 1 > this.maxEntries) return 'saturated';
    }
    if (!slice) {
      slice = new FingerprintSet();
      this.slices.set(start, slice);
    }
    slice.add(hi, lo);
    this.size++;
    return 'claimed';
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

  /** Drops the oldest slices, never `keep` or newer ones, until there is room for one more nonce. */
  private dropOlderThan(keep: number): void {
    while (this.size + 1 > this.maxEntries) {
      let oldest = Number.POSITIVE_INFINITY;
      for (const start of this.slices.keys()) oldest = Math.min(oldest, start);
      if (oldest >= keep) return;
      this.size -= this.slices.get(oldest)!.size;
      this.slices.delete(oldest);
      this.floorMs = Math.max(this.floorMs, oldest + this.sliceMs);
    }
  }
}

/**
 * Set of 64-bit fingerprints (two uint32 halves, `lo` never 0) in typed arrays with open addressing. Holding
 * hundreds of thousands of nonces as strings makes every garbage collection walk and copy them; typed arrays
 * are one object each. A false "replayed" needs two of the live nonces to share 64 salted SHA-256 bits.
 */
class FingerprintSet {
  private table = new Uint32Array(2 * 1024);
  private count = 0;

  has(hi: number, lo: number): boolean {
    return this.table[this.slot(this.table, hi, lo)! + 1] !== 0;
  }

  add(hi: number, lo: number): void {
    if (2 * (this.count + 1) > this.table.length / 2) this.grow();
    const at = this.slot(this.table, hi, lo);
    if (this.table[at + 1] !== 0) return;
    this.table[at] = hi;
    this.table[at + 1] = lo;
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  /** Index of `(hi, lo)` or of the empty pair where it belongs (linear probing; load factor stays <= 1/2). */
  private slot(table: Uint32Array, hi: number, lo: number): number {
    const mask = table.length / 2 - 1;
    let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & mask;
    while (table[2 * i + 1] !== 0 && (table[2 * i] !== hi || table[2 * i + 1] !== lo)) i = (i + 1) & mask;
    return 2 * i;
  }

  private grow(): void {
    const old = this.table;
    const table = new Uint32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === 0) continue;
      const at = this.slot(table, old[i]!, old[i + 1]!);
      table[at] = old[i]!;
      table[at + 1] = old[i + 1]!;
    }
    this.table = table;
  }
}

/**
 * The shared guard backed by this process's own: every nonce is also claimed in process, and when the shared store
 * is unavailable the process's verdict stands (degraded mode, counted in `fallbacks`) instead of refusing every SDK
 * request. The trade-off (docs/resilience.md): during an outage a captured request could be replayed once to each
 * other replica within the timestamp window; replays to the same process are still refused. Runtime requests are
 * signed reads, so a replay returns what the original request was answered, and nothing changes state.
 */
export class FallbackReplayGuard implements ReplayGuard {
  constructor(
    private readonly shared: ReplayGuard,
    private readonly local: MemoryReplayGuard,
    private readonly fallbacks?: DependencyFallbacks,
  ) {}

  async claim(scope: string, nonce: string, timestampMs: number): Promise<NonceClaim> {
    const local = this.local.claim(scope, nonce, timestampMs);
    try {
      const shared = await this.shared.claim(scope, nonce, timestampMs);
      // The shared record decides; the local one can only add a replay it saw itself.
      return local === 'replayed' ? 'replayed' : shared;
    } catch (error) {
      if (!isPlatformError(error) || error.code !== ErrorCode.UNAVAILABLE) throw error;
      this.fallbacks?.record('cache', 'replay_guard', error);
      return local;
    }
  }
}

/**
 * The shared store when there is one (with the in-process guard as its fallback); in one process on the memory
 * driver, the bounded in-process guard alone.
 */
export function createReplayGuard(
  kv: KeyValueStore,
  maxSkewMs: number,
  fallbacks?: DependencyFallbacks,
): ReplayGuard {
  if (kv.driver === 'memory') return new MemoryReplayGuard({ maxSkewMs });
  return new FallbackReplayGuard(
    new KeyValueReplayGuard(kv, maxSkewMs),
    new MemoryReplayGuard({ maxSkewMs }),
    fallbacks,
  );
}
