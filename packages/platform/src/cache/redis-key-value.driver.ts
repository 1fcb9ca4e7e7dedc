import { UnavailableError } from '../errors';
import type { Logger } from '../logging/logger';
import type { KeyValueStore, SetOptions } from './cache.port';
import { checkChannel, checkIncrement, checkKey, checkValue, ttlOf } from './key-value-input';
import {
  closeRedisConnection,
  duplicateRedisConnection,
  runRedisCommand,
  toCacheError,
  type RedisClient,
} from './redis-connection';

export interface RedisKeyValueStoreOptions {
  client: RedisClient;
  /** Prepended to every key and channel. Default 'grove:'. */
  keyPrefix?: string;
  /** When true, close() also closes `client`; leave false for a connection shared with other users. */
  ownsClient?: boolean;
  logger?: Logger;
}

// TTL only on creation: EXISTS before INCRBY tells creation apart from "existed with value 0" or
// "existed without TTL", which PEXPIRE NX alone would get wrong. Runs atomically as one script.
const INCREMENT_SCRIPT = `
local existed = redis.call('EXISTS', KEYS[1])
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if existed == 0 and tonumber(ARGV[2]) > 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return value
`;
const INCREMENT_COMMAND = 'groveIncrementWithTtl';

type IncrementCommand = (key: string, by: string, ttlMs: string) => Promise<number>;
type Handler = (message: string) => void;

export class RedisKeyValueStore implements KeyValueStore {
  readonly driver = 'redis' as const;
  readonly keyPrefix: string;
  private readonly client: RedisClient;
  private readonly ownsClient: boolean;
  private readonly logger?: Logger;
  private subscriber?: RedisClient;
  private readonly handlers = new Map<string, Set<Handler>>();
  private closed = false;

  constructor(options: RedisKeyValueStoreOptions) {
    this.client = options.client;
    this.keyPrefix = options.keyPrefix ?? 'grove:';
    this.ownsClient = options.ownsClient ?? false;
    this.logger = options.logger;
    // defineCommand sends EVALSHA and falls back to EVAL; defining it once per (shared) client is enough.
    if (typeof (this.client as unknown as Record<string, unknown>)[INCREMENT_COMMAND] !== 'function') {
      this.client.defineCommand(INCREMENT_COMMAND, { numberOfKeys: 1, lua: INCREMENT_SCRIPT });
    }
  }

  async get(key: string): Promise<string | null> {
    checkKey(key);
    return this.run(() => this.client.get(this.keyPrefix + key));
  }

  async getMany(keys: readonly string[]): Promise<Array<string | null>> {
    keys.forEach(checkKey);
    if (keys.length === 0) return [];
    return this.run(() => this.client.mget(...keys.map((key) => this.keyPrefix + key)));
  }

  async set(key: string, value: string, options?: SetOptions): Promise<void> {
    checkKey(key);
    checkValue(value);
    const ttl = ttlOf(options);
    const full = this.keyPrefix + key;
    await this.run(() =>
      ttl === undefined ? this.client.set(full, value) : this.client.set(full, value, 'PX', ttl),
    );
  }

  async setIfAbsent(key: string, value: string, options?: SetOptions): Promise<boolean> {
    checkKey(key);
    checkValue(value);
    const ttl = ttlOf(options);
    const full = this.keyPrefix + key;
    const reply = await this.run(() =>
      ttl === undefined ? this.client.set(full, value, 'NX') : this.client.set(full, value, 'PX', ttl, 'NX'),
    );
    return reply === 'OK';
  }

  async delete(key: string): Promise<boolean> {
    checkKey(key);
    return (await this.run(() => this.client.del(this.keyPrefix + key))) > 0;
  }

  async increment(key: string, by = 1, options?: SetOptions): Promise<number> {
    checkKey(key);
    checkIncrement(by);
    const ttl = ttlOf(options) ?? 0;
    const command = (this.client as unknown as Record<string, IncrementCommand>)[INCREMENT_COMMAND].bind(
      this.client,
    );
    return Number(await this.run(() => command(this.keyPrefix + key, String(by), String(ttl))));
  }

  async ttl(key: string): Promise<number | null> {
    checkKey(key);
    const ms = await this.run(() => this.client.pttl(this.keyPrefix + key));
    // -2: no such key, -1: no expiry.
    return ms < 0 ? null : Math.max(1, ms);
  }

  async publish(channel: string, message: string): Promise<void> {
    checkChannel(channel);
    checkValue(message);
    await this.run(() => this.client.publish(this.keyPrefix + channel, message));
  }

  async subscribe(channel: string, handler: Handler): Promise<() => Promise<void>> {
    checkChannel(channel);
    this.assertOpen();
    const full = this.keyPrefix + channel;
    const subscriber = this.subscriberConnection();
    let set = this.handlers.get(full);
    if (!set) this.handlers.set(full, (set = new Set()));
    // A distinct function per call, so subscribing the same handler twice unsubscribes independently.
    const entry: Handler = (message) => handler(message);
    set.add(entry);
    try {
      // SUBSCRIBE is idempotent; awaiting it guarantees the next publish is received.
      await subscriber.subscribe(full);
    } catch (error) {
      this.removeHandler(full, entry);
      throw toCacheError(error);
    }
    let active = true;
    return async () => {
      if (!active) return;
      active = false;
      if (this.removeHandler(full, entry) && !this.closed) {
        await this.run(() => subscriber.unsubscribe(full));
      }
    };
  }

  async ping(): Promise<void> {
    await this.run(() => this.client.ping());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.handlers.clear();
    if (this.subscriber) await closeRedisConnection(this.subscriber);
    if (this.ownsClient) await closeRedisConnection(this.client);
  }

  /** Pub/sub needs its own connection: a subscribed connection cannot run other commands. */
  private subscriberConnection(): RedisClient {
    if (!this.subscriber) {
      const subscriber = duplicateRedisConnection(this.client);
      subscriber.on('error', (error: Error) =>
        this.logger?.warn({ err: error.message }, 'cache subscriber connection error'),
      );
      subscriber.on('message', (channel: string, message: string) => this.dispatch(channel, message));
      this.subscriber = subscriber;
    }
    return this.subscriber;
  }

  private dispatch(channel: string, message: string): void {
    for (const handler of this.handlers.get(channel) ?? []) {
      try {
        handler(message);
      } catch (error) {
        this.logger?.warn(
          { err: error instanceof Error ? error.message : String(error), channel },
          'cache subscriber handler failed',
        );
      }
    }
  }

  /** Returns true when the channel has no handlers left. */
  private removeHandler(channel: string, entry: Handler): boolean {
    const set = this.handlers.get(channel);
    if (!set) return false;
    set.delete(entry);
    if (set.size > 0) return false;
    this.handlers.delete(channel);
    return true;
  }

  private async run<T>(command: () => Promise<T>): Promise<T> {
    this.assertOpen();
    try {
      return await runRedisCommand(this.client, command);
    } catch (error) {
      throw toCacheError(error);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new UnavailableError('Cache unavailable');
  }
}
