import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders (docs/query-limits.md, "Batching"). A loader lives exactly as long as one subgraph
 * request: it is keyed by the request's context object, which graphql-js hands unchanged to every resolver of
 * the request (embedded mode builds one context per gateway fetch, a standalone subgraph one per HTTP request).
 * Within it, loads issued in the same tick become one batch and a key asked twice is loaded once; nothing is
 * cached across requests, so one caller's reads never answer another's.
 */
const loadersByRequest = new WeakMap<object, Map<string, DataLoader<unknown, unknown, unknown>>>();

export type BatchLoad<K, V> = (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>;

/** The request's loader named `name`, created on first use with `batch` (later calls' `batch` is ignored). */
export function requestLoader<K, V, C = K>(
  context: object,
  name: string,
  batch: BatchLoad<K, V>,
  options?: { cacheKey?: (key: K) => C; maxBatchSize?: number },
): DataLoader<K, V, C> {
  let loaders = loadersByRequest.get(context);
  if (!loaders) loadersByRequest.set(context, (loaders = new Map()));
  let loader = loaders.get(name) as DataLoader<K, V, C> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V, C>(batch, {
      cacheKeyFn: options?.cacheKey,
      maxBatchSize: options?.maxBatchSize,
    });
    loaders.set(name, loader as DataLoader<unknown, unknown, unknown>);
  }
  return loader;
}

/** Orders the rows of one batched read like the keys that asked for them (null where a key found nothing). */
export function alignByKey<K, T>(
  keys: readonly K[],
  rows: readonly T[],
  keyOf: (row: T) => K,
): Array<T | null> {
  const found = new Map<K, T>();
  for (const row of rows) found.set(keyOf(row), row);
  return keys.map((key) => found.get(key) ?? null);
}

/** Groups the rows of one batched read by the key that asked for them (an empty list where a key found nothing). */
export function groupByKey<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** One key per distinct representation: its fields in a fixed order, so `{id, __typename}` and `{__typename, id}` are one entity. */
export function representationKey(reference: Record<string, unknown>): string {
  return stableJson(reference);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
