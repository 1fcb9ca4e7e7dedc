import { EventEmitter } from 'node:events';
import { LRUCache } from 'lru-cache';
import { UnavailableError } from '../errors';
import type { KeyValueStore, SetOptions } from './cache.port';
import {
  checkChannel,
  checkIncrement,
  checkKey,
  checkValue,
  notAnIntegerError,
  ttlOf,
} from './key-value-input';

export interface MemoryKeyValueStoreOptions {
  /** Least recently used entries are evicted beyond this count. Default 10 000. */
  maxEntries?: number;
}

const INTEGER = /^-?\d+$/;

/**
 * In-process store for single-node deployments and tests. Every operation runs synchronously inside
 * one event-loop turn, which is what makes setIfAbsent/increment atomic here.
 */
export class MemoryKeyValueStore implements KeyValueStore {
  readonly driver = 'memory' as const;
  private readonly cache: LRUCache<string, string>;
  private readonly channels = new EventEmitter();
  private closed = false;

  constructor(options: MemoryKeyValueStoreOptions = {}) {
    this.cache = new LRUCache<string, string>({ max: options.maxEntries ?? 10_000 });
    this.channels.setMaxListeners(0);
  }

  async get(key: string): Promise<string | null> {
    this.assertOpen();
    checkKey(key);
    return this.cache.get(key) ?? null;
  }

  async getMany(keys: readonly string[]): Promise<Array<string | null>> {
    this.assertOpen();
    keys.forEach(checkKey);
    return keys.map((key) => this.cache.get(key) ?? null);
  }

  async set(key: string, value: string, options?: SetOptions): Promise<void> {
    this.assertOpen();
    checkKey(key);
    checkValue(value);
    // ttl 0 clears a previous TTL, like a plain Redis SET.
    this.cache.set(key, value, { ttl: ttlOf(options) ?? 0 });
  }

  async setIfAbsent(key: string, value: string, options?: SetOptions): Promise<boolean> {
    this.assertOpen();
    checkKey(key);
    checkValue(value);
    const ttl = ttlOf(options) ?? 0;
    if (this.cache.has(key)) return false;
    this.cache.set(key, value, { ttl });
    return true;
  }

  async delete(key: string): Promise<boolean> {
    this.assertOpen();
    checkKey(key);
    // has() is false for expired entries, so deleting an expired key reports false like Redis DEL.
    if (!this.cache.has(key)) return false;
    return this.cache.delete(key);
  }

  async increment(key: string, by = 1, options?: SetOptions): Promise<number> {
    this.assertOpen();
    checkKey(key);
    checkIncrement(by);
    const ttl = ttlOf(options) ?? 0;
    const current = this.cache.get(key);
    if (current === undefined) {
      this.cache.set(key, String(by), { ttl });
      return by;
    }
    const parsed = INTEGER.test(current) ? Number(current) : NaN;
    const next = parsed + by;
    if (!Number.isSafeInteger(parsed) || !Number.isSafeInteger(next)) throw notAnIntegerError();
    // Keep the TTL the key was created with.
    this.cache.set(key, String(next), { noUpdateTTL: true });
    return next;
  }

  async ttl(key: string): Promise<number | null> {
    this.assertOpen();
    checkKey(key);
    if (!this.cache.has(key)) return null;
    const remaining = this.cache.getRemainingTTL(key);
    if (!Number.isFinite(remaining)) return null;
    return Math.max(1, Math.ceil(remaining));
  }

  async publish(channel: string, message: string): Promise<void> {
    this.assertOpen();
    checkChannel(channel);
    checkValue(message);
    // Handlers run after publish resolves, as with a real broker; one failing handler cannot affect others.
    for (const listener of this.channels.listeners(channel) as Array<(m: string) => void>) {
      setImmediate(() => {
        try {
          listener(message);
        } catch {
          // Subscribers own their errors; a broadcast has no one to report back to.
        }
      });
    }
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>> {
    this.assertOpen();
    checkChannel(channel);
    let active = true;
    // Wrapped so the same handler subscribed twice can be removed independently, and so messages
    // already scheduled when unsubscribing are dropped.
    const listener = (message: string) => {
      if (active) handler(message);
    };
    this.channels.on(channel, listener);
    return async () => {
      if (!active) return;
      active = false;
      this.channels.off(channel, listener);
    };
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.channels.removeAllListeners();
    this.cache.clear();
  }

  private assertOpen(): void {
    if (this.closed) throw new UnavailableError('Cache unavailable');
  }
}
