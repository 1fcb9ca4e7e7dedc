import { Cluster, Redis, ReplyError, type ClusterNode, type RedisOptions } from 'ioredis';
import { BadUserInputError, PlatformError, UnavailableError } from '../errors';
import type { Logger } from '../logging/logger';
import { notAnIntegerError } from './key-value-input';

/** A single-node or cluster ioredis client; both expose the same command API. */
export type RedisClient = Redis | Cluster;

export interface RedisConnectionOptions {
  /** redis:// or rediss:// URL of a single node (or a proxy). */
  redisUrl?: string;
  /** Cluster seed nodes as `host:port` or URLs; credentials/TLS are taken from the first one. */
  redisClusterNodes?: string[];
  /** Connection problems are logged here (warn); without it they are swallowed, never printed. */
  logger?: Logger;
  /** Shown in CLIENT LIST, helps operators. */
  connectionName?: string;
  /** Bound of one connection attempt (REDIS_CONNECT_TIMEOUT_MS). Default 2 000. */
  connectTimeoutMs?: number;
  /** Bound of one KV or rate-limit command run through runRedisCommand (REDIS_COMMAND_TIMEOUT_MS). Default 1 000. */
  commandTimeoutMs?: number;
  /**
   * ioredis auto-pipelining: the commands issued in one event-loop turn leave in one write. For the connection the KV
   * store and rate limits share, where concurrent requests each send a few short commands (issue 8 item 5); never for
   * connections that block (event bus readers) or subscribe.
   */
  autoPipelining?: boolean;
}

export const DEFAULT_REDIS_COMMAND_TIMEOUT_MS = 1_000;

/** Connection state seen through its events: `down` from a lost (or refused) connection until it is ready again. */
interface ConnectionHealth {
  down: boolean;
  commandTimeoutMs: number;
}
const health = new WeakMap<RedisClient, ConnectionHealth>();

// Fail a command after a few reconnect attempts instead of queueing it for ~20 retries: callers
// would rather get a quick UNAVAILABLE than hang a request.
// Commands of the KV store and the rate limits are also bounded by runRedisCommand (fail at once while the
// connection is down). No ioredis commandTimeout: connections duplicated from this one (event bus readers) block
// on purpose.
const COMMON: RedisOptions = {
  maxRetriesPerRequest: 2,
  connectTimeout: 2_000,
  // ioredis arms this timer even when the socket is already gone (refused); keep the lingering short.
  disconnectTimeout: 500,
};

/**
 * Creates the one ioredis connection a process shares between the key-value store and the rate
 * limiter (pass it to createKeyValueStore({ redis }) and createRateLimiterFactory({ redis })).
 */
export function createRedisConnection(options: RedisConnectionOptions): RedisClient {
  const named: RedisOptions = {
    ...COMMON,
    ...(options.connectTimeoutMs ? { connectTimeout: options.connectTimeoutMs } : {}),
    ...(options.connectionName ? { connectionName: options.connectionName } : {}),
    ...(options.autoPipelining ? { enableAutoPipelining: true } : {}),
  };
  let client: RedisClient;
  if (options.redisClusterNodes?.length) {
    const urls = options.redisClusterNodes.map(parseNode);
    const first = urls[0];
    const nodes: ClusterNode[] = urls.map((u) => ({ host: u.hostname, port: Number(u.port || 6379) }));
    client = new Cluster(nodes, {
      redisOptions: {
        ...named,
        ...(first.username ? { username: decodeURIComponent(first.username) } : {}),
        ...(first.password ? { password: decodeURIComponent(first.password) } : {}),
        ...(first.protocol === 'rediss:' ? { tls: {} } : {}),
      },
    });
  } else if (options.redisUrl) {
    parseUrl(options.redisUrl);
    client = new Redis(options.redisUrl, named);
  } else {
    throw new BadUserInputError('Cache connection needs a URL or cluster nodes');
  }
  // ioredis prints unhandled 'error' events to stderr; route them to the logger instead.
  client.on('error', (error: Error) =>
    options.logger?.warn({ err: error.message }, 'cache connection error'),
  );
  const state: ConnectionHealth = {
    down: false,
    commandTimeoutMs: options.commandTimeoutMs ?? DEFAULT_REDIS_COMMAND_TIMEOUT_MS,
  };
  health.set(client, state);
  client.on('ready', () => (state.down = false));
  client.on('close', () => (state.down = true));
  client.on('end', () => (state.down = true));
  return client;
}

/** A connection of its own, for blocking reads or a subscription: same settings, never auto-pipelined. */
export function duplicateRedisConnection(client: RedisClient): RedisClient {
  return client instanceof Cluster
    ? client.duplicate(undefined, { enableAutoPipelining: false })
    : client.duplicate({ enableAutoPipelining: false });
}

/** True while the connection is known to be down (lost or refused, not ready again yet). */
export function redisConnectionDown(client: RedisClient): boolean {
  const state = health.get(client);
  // A client made elsewhere: its status says as much (ioredis keeps reconnecting in the background).
  return state
    ? state.down
    : client.status === 'reconnecting' || client.status === 'close' || client.status === 'end';
}

/**
 * Runs one command for a KV or rate-limit caller so a Redis outage costs it milliseconds, not seconds: UNAVAILABLE at
 * once while the connection is down (ioredis would queue the command until it reconnects or gives up), and after
 * the command timeout otherwise (a server that accepts connections but does not answer). Rejections of the command
 * itself pass through unchanged.
 */
export async function runRedisCommand<T>(client: RedisClient, command: () => Promise<T>): Promise<T> {
  if (redisConnectionDown(client))
    throw withCause(new UnavailableError('Cache unavailable'), new Error('cache connection is down'));
  const timeoutMs = health.get(client)?.commandTimeoutMs ?? DEFAULT_REDIS_COMMAND_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          withCause(
            new UnavailableError('Cache unavailable'),
            new Error(`cache command timed out after ${timeoutMs} ms`),
          ),
        ),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([command(), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** Quits gracefully when connected, otherwise drops the socket (quit would wait for a reconnect). */
export async function closeRedisConnection(client: RedisClient): Promise<void> {
  if (client.status === 'end') return;
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}

/**
 * Maps ioredis failures to platform errors. A ReplyError is the server refusing a command (a bug or a
 * bad stored value); anything else an ioredis command rejects with is a transport problem
 * (refused, closed, retries exhausted, cluster down) and becomes UNAVAILABLE. Messages never name
 * the backend; the original error stays on `cause` for logs.
 */
export function toCacheError(error: unknown): Error {
  if (error instanceof PlatformError) return error;
  if (error instanceof ReplyError) {
    const message = String((error as Error).message);
    if (/not an integer|out of range|overflow/i.test(message)) return notAnIntegerError();
    return withCause(new Error('Cache command rejected'), error);
  }
  return withCause(new UnavailableError('Cache unavailable'), error);
}

function withCause<E extends Error>(target: E, cause: unknown): E {
  target.cause = cause;
  return target;
}

function parseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new BadUserInputError('Cache URL is not a valid URL');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new BadUserInputError('Cache URL must use redis:// or rediss://');
  }
  return url;
}

function parseNode(node: string): URL {
  const trimmed = node.trim();
  return parseUrl(trimmed.includes('://') ? trimmed : `redis://${trimmed}`);
}
