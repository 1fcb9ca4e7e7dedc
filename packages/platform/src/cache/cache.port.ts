/** Cache / key-value port with TTLs and a broadcast channel (cache invalidation across processes). */
export interface SetOptions {
  ttlMs?: number;
}

export interface KeyValueStore {
  readonly driver: 'memory' | 'redis';
  get(key: string): Promise<string | null>;
  /**
   * Several keys in one round trip (Redis MGET), answers in the order asked. On a Redis cluster the keys must
   * share a hash slot: give them a common `{hash tag}`.
   */
  getMany(keys: readonly string[]): Promise<Array<string | null>>;
  set(key: string, value: string, options?: SetOptions): Promise<void>;
  /** Sets only when absent (nonce replay guards, idempotency marks, locks). True when it was set. */
  setIfAbsent(key: string, value: string, options?: SetOptions): Promise<boolean>;
  delete(key: string): Promise<boolean>;
  /** Atomic increment; the TTL applies when the key is created. */
  increment(key: string, by?: number, options?: SetOptions): Promise<number>;
  /** Remaining time to live in ms; null when the key is absent or has no TTL. */
  ttl(key: string): Promise<number | null>;
  publish(channel: string, message: string): Promise<void>;
  /** Returns an unsubscribe function. */
  subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
