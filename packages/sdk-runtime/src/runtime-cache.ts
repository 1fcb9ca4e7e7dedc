import { LRUCache } from 'lru-cache';
import type { DependencyFallbacks, KeyValueStore, Logger } from '@grove/platform';

/** Pub/sub channel on which every process announces dropped keys, so the others evict their in-process copies. */
export const RUNTIME_INVALIDATE_CHANNEL = 'runtime:invalidate';

export interface CacheCodec<T> {
  encode(value: T): string;
  /** Throw to treat the stored entry as a miss (e.g. it was sealed with another key). */
  decode(text: string): T;
}

const jsonCodec: CacheCodec<unknown> = {
  encode: (value) => JSON.stringify(value),
  decode: (text) => JSON.parse(text) as unknown,
};

export interface RuntimeCacheOptions {
  kvTtlMs: number;
  localTtlMs: number;
  localMaxEntries: number;
  /** Degraded mode: a shared-store read that failed is answered from the sources and counted here (throttled log). */
  fallbacks?: DependencyFallbacks;
}

interface Boxed {
  value: unknown;
}

/**
 * Two-level read-through cache: an in-process LRU (short TTL) in front of the shared key-value store (longer TTL),
 * filled from the sources on a miss. `invalidate` deletes the shared entry and broadcasts the key; every process
 * (this one included) drops its LRU copy when the broadcast arrives. A load that overlaps an invalidation of its key
 * is returned but not stored, so an answer read before a change cannot be cached after it.
 */
export class RuntimeCache {
  private readonly local: LRUCache<string, Boxed>;
  /** Logical clock of invalidations, and the clock value at which each recently invalidated key was dropped. */
  private clock = 0;
  private readonly invalidatedAt = new LRUCache<string, number>({ max: 100_000, ttl: 5 * 60_000 });
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private unsubscribe?: () => Promise<void>;

  constructor(
    private readonly kv: KeyValueStore,
    private readonly logger: Logger,
    private readonly options: RuntimeCacheOptions,
  ) {
    this.local = new LRUCache<string, Boxed>({ max: options.localMaxEntries, ttl: options.localTtlMs });
  }

  async start(): Promise<void> {
    this.unsubscribe = await this.kv.subscribe(RUNTIME_INVALIDATE_CHANNEL, (key) => this.dropLocal(key));
  }

  async close(): Promise<void> {
    await this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Cached value of `key`, loading (once per process at a time) and storing it on a miss. */
  async get<T>(
    key: string,
    load: () => Promise<T>,
    codec: CacheCodec<T> = jsonCodec as CacheCodec<T>,
  ): Promise<T> {
    const hit = this.local.get(key);
    if (hit) return hit.value as T;
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const promise = this.fill(key, load, codec).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  /**
   * The in-process copy of `key` without touching the shared store or the sources: `{ value }` on a hit, undefined
   * otherwise. Lets a hot route answer synchronously (no promise chain) when everything it needs is local.
   */
  peek<T>(key: string): { value: T } | undefined {
    return this.local.get(key) as { value: T } | undefined;
  }

  /** Taken before reading the sources; a value loaded after it is stored only if its key was not invalidated since. */
  token(): number {
    return this.clock;
  }

  /** Stores a value obtained elsewhere (e.g. two entries from one source call), unless `key` was invalidated since `token`. */
  async put<T>(
    key: string,
    value: T,
    token: number,
    codec: CacheCodec<T> = jsonCodec as CacheCodec<T>,
  ): Promise<void> {
    if (!this.unchangedSince(key, token)) return;
    this.local.set(key, { value });
    await this.kvWrite(key, codec.encode(value));
  }

  /** Deletes the shared entries and tells every process to drop its copies. */
  async invalidate(keys: string[]): Promise<void> {
    for (const key of keys) {
      this.dropLocal(key);
      try {
        await this.kv.delete(key);
        await this.kv.publish(RUNTIME_INVALIDATE_CHANNEL, key);
      } catch (error) {
        // The short local TTL bounds staleness when the shared store cannot be reached.
        this.logger.error({ err: error, key }, 'runtime cache invalidation failed');
      }
    }
  }

  /**
   * A counter naming the current generation of a family of keys (bumped instead of deleting them all). It lives in
   * the shared store without a TTL and is only cached locally, never written back.
   */
  async generation(name: string): Promise<number> {
    const key = generationKey(name);
    const hit = this.local.get(key);
    if (hit) return hit.value as number;
    const token = this.token();
    const raw = await this.kvRead(key);
    const value = raw === null ? 0 : Number(raw);
    if (this.unchangedSince(key, token)) this.local.set(key, { value });
    return value;
  }

  async bumpGeneration(name: string): Promise<void> {
    const key = generationKey(name);
    this.dropLocal(key);
    try {
      await this.kv.increment(key);
      await this.kv.publish(RUNTIME_INVALIDATE_CHANNEL, key);
    } catch (error) {
      this.logger.error({ err: error, key }, 'runtime cache generation bump failed');
    }
  }

  dropLocal(key: string): void {
    this.invalidatedAt.set(key, ++this.clock);
    this.local.delete(key);
  }

  private unchangedSince(key: string, token: number): boolean {
    return (this.invalidatedAt.get(key) ?? 0) <= token;
  }

  private async fill<T>(key: string, load: () => Promise<T>, codec: CacheCodec<T>): Promise<T> {
    const token = this.token();
    const stored = await this.kvRead(key);
    if (stored !== null) {
      try {
        const value = codec.decode(stored);
        if (this.unchangedSince(key, token)) this.local.set(key, { value });
        return value;
      } catch (error) {
        this.logger.warn({ err: error, key }, 'unreadable runtime cache entry; reloading');
      }
    }
    const value = await load();
    await this.put(key, value, token, codec);
    return value;
  }

  private async kvRead(key: string): Promise<string | null> {
    try {
      return await this.kv.get(key);
    } catch (error) {
      if (this.options.fallbacks) this.options.fallbacks.record('cache', 'runtime_read_model', error);
      else this.logger.warn({ err: error, key }, 'runtime cache read failed; using the sources');
      return null;
    }
  }

  private async kvWrite(key: string, text: string): Promise<void> {
    try {
      await this.kv.set(key, text, { ttlMs: this.options.kvTtlMs });
    } catch (error) {
      // Counted with the failed read that came first; one line per write would flood the log during an outage.
      if (!this.options.fallbacks) this.logger.warn({ err: error, key }, 'runtime cache write failed');
    }
  }
}

function generationKey(name: string): string {
  return `sdkrt:gen:${name}`;
}
