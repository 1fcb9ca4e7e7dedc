import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * AsyncLocalStorage whose async hooks are on only while one of its `run` calls is in flight. Under Node 20 an enabled
 * AsyncLocalStorage makes every promise of the process pay an init hook (about a quarter of the router's throughput,
 * see tracing/tracing.ts); units of work are short and rare next to reads, so the storage turns itself off between
 * them and reads (GraphQL queries, the SDK runtime) run without the hooks. Outside a `run`, `getStore()` is undefined.
 */
export class ScopedAsyncStorage<T> {
  private readonly storage = new AsyncLocalStorage<T>();
  private active = 0;

  getStore(): T | undefined {
    return this.active > 0 ? this.storage.getStore() : undefined;
  }

  /** Runs `fn` with `store` as the current store (re-enabling the hooks if they were off). */
  async run<R>(store: T, fn: () => Promise<R>): Promise<R> {
    this.active++;
    try {
      return await this.storage.run(store, fn);
    } finally {
      // Work the caller did not await loses the store from here on, as it would after any run.
      if (--this.active === 0) this.storage.disable();
    }
  }

  /** In flight `run` calls (tests). */
  get runs(): number {
    return this.active;
  }
}
