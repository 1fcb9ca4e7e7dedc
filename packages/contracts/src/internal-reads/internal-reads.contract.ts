import type { z } from 'zod';

/**
 * Internal reads (ADR 0009): named questions one service asks the services that own the data, each answered by
 * exactly one owner, with zod parameters and answer checked on both ends; in process in embedded mode, and
 * `POST <owner origin><path>/<read>` with the asking service's credential in the distributed profile. The SDK
 * runtime's reads (runtime-reads) and the search index's (catalogue-reads) are two sets defined with this.
 */
export interface ReadDefinition<
  O extends string = string,
  P extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  owner: O;
  params: P;
  result: R;
}

export type ReadSet = Record<string, ReadDefinition>;

export function defineRead<O extends string, P extends z.ZodType, R extends z.ZodType>(
  owner: O,
  params: P,
  result: R,
): ReadDefinition<O, P, R> {
  return { owner, params, result };
}

export type ReadParams<S extends ReadSet, N extends keyof S> = z.infer<S[N]['params']>;
export type ReadResult<S extends ReadSet, N extends keyof S> = z.infer<S[N]['result']>;
export type ReadHandler<S extends ReadSet, N extends keyof S> = (
  params: ReadParams<S, N>,
) => Promise<ReadResult<S, N>>;
/** Every read of the set: what the asking service needs, whoever answers. */
export type ReadHandlers<S extends ReadSet> = { [N in keyof S]: ReadHandler<S, N> };
/** The reads one owner answers. */
export type ReadsOwnedBy<S extends ReadSet, O extends string> = {
  [N in keyof S as S[N]['owner'] extends O ? N : never]: ReadHandler<S, N>;
};

export function readNames<S extends ReadSet>(reads: S): Array<keyof S & string> {
  return Object.keys(reads) as Array<keyof S & string>;
}

export function isReadName<S extends ReadSet>(reads: S, name: string): name is keyof S & string {
  return Object.prototype.hasOwnProperty.call(reads, name);
}

/** The owners' addresses from SUBGRAPH_URLS; throws naming every owner that has none (`purpose` says who asks). */
export function readOrigins<S extends ReadSet>(
  reads: S,
  subgraphUrls: Record<string, string>,
  purpose: string,
): Record<S[keyof S]['owner'], string> {
  const owners = [...new Set(readNames(reads).map((name) => reads[name].owner))];
  const missing = owners.filter((owner) => !subgraphUrls[owner]);
  if (missing.length > 0) throw new Error(`SUBGRAPH_URLS has no entry for ${missing.join(', ')}: ${purpose}`);
  return Object.fromEntries(owners.map((owner) => [owner, subgraphUrls[owner]])) as Record<
    S[keyof S]['owner'],
    string
  >;
}
