import type { Logger } from 'pino';
import type { DocumentStore } from '../documents/documents.port';
import type { KeyValueStore } from '../cache/cache.port';
import type { RateLimiterFactory } from '../rate-limit/rate-limit.port';
import type { EventBus } from '../events/event-bus.port';
import type { TransactionalOutbox } from '../outbox/transactional-outbox';
import type { TokenService } from '../auth/token.service';
import type { DependencyFallbacks } from './dependency-fallbacks';
import type { AuthorizationEpochs } from '../auth/authorization-epochs';
import type { PlatformConfig } from '../config/platform-config';

/**
 * The drivers one process uses, chosen by configuration. Subgraph factories take this and nothing
 * else from the environment, so the same code runs embedded (all in one process) or distributed.
 */
export interface PlatformRuntime {
  config: PlatformConfig;
  logger: Logger;
  documents: DocumentStore;
  kv: KeyValueStore;
  rateLimits: RateLimiterFactory;
  events: EventBus;
  /**
   * The transactional outbox of one service (`source`, e.g. the subgraph name) over `documents` and `events`:
   * one per source and process, its relay started on first use and stopped by `close()` (docs/events.md).
   */
  outbox(source: string): TransactionalOutbox;
  tokens: TokenService;
  /** Degraded mode: what callers did without the cache store, for metrics and the log (docs/resilience.md). */
  fallbacks: DependencyFallbacks;
  /** Revocation records on `kv` (docs/adr/0006-authorization-epochs.md): the account service writes, everyone checks. */
  authorization: AuthorizationEpochs;
  /** Throws when a driver is unreachable (for /readyz). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface CreatePlatformRuntimeOptions {
  logger: Logger;
  /** Keep documents in memory instead of under DATA_DIR (tests, composition). */
  inMemoryDocuments?: boolean;
  /**
   * In-process bus only: topics whose events are journaled under DATA_DIR until every consumer group handled them,
   * so a crash between accepting and consuming loses nothing (Redis Streams and Kafka are durable already).
   */
  durableTopics?: readonly string[];
}
