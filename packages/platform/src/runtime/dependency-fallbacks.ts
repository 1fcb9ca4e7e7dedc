import type { Logger } from '../logging/logger';

/** A shared dependency a process can run without, in degraded mode (docs/resilience.md). */
export type DegradableDependency = 'cache';

export type FallbackListener = (dependency: DegradableDependency, fallback: string) => void;

/** One warning per dependency and fallback at most this often, with the count since the last one: no log flood. */
const LOG_EVERY_MS = 10_000;

/**
 * Counts the times a caller did without a dependency (a rate limit taken in process because the cache store was
 * down, a read-model entry read from the sources …). The router turns the counts into
 * `grove_dependency_fallbacks_total`.
 */
export class DependencyFallbacks {
  private readonly listeners = new Set<FallbackListener>();
  private readonly unlogged = new Map<string, { count: number; loggedAt: number }>();

  constructor(
    private readonly logger?: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  record(dependency: DegradableDependency, fallback: string, error?: unknown): void {
    const now = this.now();
    for (const listener of this.listeners) listener(dependency, fallback);
    const key = `${dependency}:${fallback}`;
    const entry = this.unlogged.get(key) ?? { count: 0, loggedAt: 0 };
    entry.count++;
    this.unlogged.set(key, entry);
    if (now - entry.loggedAt < LOG_EVERY_MS) return;
    this.logger?.warn(
      { dependency, fallback, count: entry.count, cause: causeOf(error) },
      `${dependency} unavailable: ${fallback} falls back (degraded mode)`,
    );
    entry.count = 0;
    entry.loggedAt = now;
  }

  /** Returns the unsubscribe function. */
  onFallback(listener: FallbackListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The innermost message: `connect ECONNREFUSED 127.0.0.1:6379` rather than the platform's neutral wording. */
function causeOf(error: unknown): string | undefined {
  let current = error as { message?: unknown; cause?: unknown } | undefined;
  while (current?.cause) current = current.cause as typeof current;
  return typeof current?.message === 'string' ? current.message : undefined;
}
