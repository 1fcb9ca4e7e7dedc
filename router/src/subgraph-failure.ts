import { GraphQLError, Kind, type DocumentNode, type SelectionSetNode } from 'graphql';

/** Extension code of a field whose subgraph could not be reached; the other fields of the answer are complete. */
export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

/** What the client reads: no host, port, URL or cause (those are in the router's log line). */
export const SUBGRAPH_UNAVAILABLE_MESSAGE = 'A service this field needs is unavailable; retry later';

export type SubgraphFailureReason =
  'refused' | 'timeout' | 'network' | 'http_5xx' | 'http_4xx' | 'bad_response' | 'circuit_open';

export interface SubgraphFailure {
  reason: SubgraphFailureReason;
  /** For the log: the system error code (ECONNREFUSED, ETIMEDOUT …), `HTTP 503`, or CIRCUIT_OPEN. */
  cause: string;
  /** The original error's message, for the log only. */
  detail?: string;
}

const REFUSED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const TIMED_OUT = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
]);

/**
 * Classifies what a RemoteGraphQLDataSource fetch threw: Node's fetch (`TypeError: fetch failed` with the system error as
 * `cause`, a `TimeoutError` from the abort signal), an HTTP error status, or a body that is not a GraphQL answer.
 */
export function classifySubgraphFailure(error: unknown): SubgraphFailure {
  type Thrown = {
    code?: unknown;
    name?: unknown;
    type?: unknown;
    message?: unknown;
    cause?: unknown;
    extensions?: { response?: { status?: unknown } };
  };
  const e = error as Thrown | null;
  const cause = (e?.cause && typeof e.cause === 'object' ? e.cause : undefined) as Thrown | undefined;
  const detail =
    [e?.message, cause?.message].filter((m): m is string => typeof m === 'string').join(': ') ||
    String(error);
  const status =
    e instanceof GraphQLError
      ? e.extensions?.response && (e.extensions.response as { status?: unknown }).status
      : undefined;
  if (typeof status === 'number')
    return { reason: status >= 500 ? 'http_5xx' : 'http_4xx', cause: `HTTP ${status}`, detail };
  const code =
    typeof e?.code === 'string' ? e.code : typeof cause?.code === 'string' ? cause.code : undefined;
  if (
    e?.name === 'TimeoutError' ||
    cause?.name === 'TimeoutError' ||
    e?.type === 'request-timeout' ||
    e?.type === 'body-timeout' ||
    (code && TIMED_OUT.has(code))
  ) {
    return { reason: 'timeout', cause: code ?? 'TIMEOUT', detail };
  }
  if (code && REFUSED.has(code)) return { reason: 'refused', cause: code, detail };
  if (code) return { reason: 'network', cause: code, detail };
  return { reason: 'bad_response', cause: 'BAD_RESPONSE', detail };
}

interface FailedError {
  message: string;
  path?: Array<string | number>;
  extensions: Record<string, unknown>;
}

/**
 * The errors a failed fetch answers with, one per field the fetch was to fill, so the gateway places each at its
 * path in the client's answer and completes the other fields. Root fetch: the root fields' response keys. Entity
 * fetch (`_entities`): the entity fields of the first representation, which the gateway maps back onto the
 * client's path (`me.notes`); naming every entity of a long list would repeat the same error.
 */
export function subgraphFailureErrors(document: DocumentNode | undefined, service: string): FailedError[] {
  const extensions = { code: SUBGRAPH_UNAVAILABLE, service };
  const operation = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION)
    return [{ message: SUBGRAPH_UNAVAILABLE_MESSAGE, extensions }];
  const roots = responseKeys(operation.selectionSet);
  const entities = operation.selectionSet.selections.find(
    (s) => s.kind === Kind.FIELD && s.name.value === '_entities',
  );
  const paths: Array<Array<string | number>> =
    entities?.kind === Kind.FIELD && entities.selectionSet
      ? responseKeys(entities.selectionSet).map((key) => [entities.alias?.value ?? '_entities', 0, key])
      : roots.map((key) => [key]);
  if (!paths.length) return [{ message: SUBGRAPH_UNAVAILABLE_MESSAGE, extensions }];
  return paths.map((path) => ({ message: SUBGRAPH_UNAVAILABLE_MESSAGE, path, extensions }));
}

/** Response keys of a selection set, through inline fragments (entity fetches select `... on User { … }`). */
function responseKeys(selectionSet: SelectionSetNode): string[] {
  const keys = new Set<string>();
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') keys.add(selection.alias?.value ?? selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      for (const key of responseKeys(selection.selectionSet)) keys.add(key);
    }
  }
  return [...keys];
}

export interface CircuitBreakerOptions {
  /** Consecutive failed fetches that open the circuit; 0 turns the breaker off. */
  failureThreshold: number;
  /** How long an open circuit answers without fetching before one probe fetch may go out. */
  cooldownMs: number;
  now?: () => number;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * Per-subgraph breaker: after `failureThreshold` consecutive failures the subgraph's fields fail at once for
 * `cooldownMs` (no connection attempts, no waiting for timeouts), then a single probe fetch decides: success closes
 * the circuit, failure opens it for another cooldown. Requests that arrive while the probe is out fail fast too.
 */
export class SubgraphCircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private probing = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    if (this.options.failureThreshold <= 0 || this.failures < this.options.failureThreshold) return 'closed';
    return this.now() < this.openUntil || this.probing ? 'open' : 'half-open';
  }

  /** Whether a fetch may go out now (claims the probe slot when half-open). */
  allow(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open') return false;
    this.probing = true;
    return true;
  }

  /** Records a completed fetch; answers the state change it caused, if any (for the log). */
  success(): 'closed' | undefined {
    const wasOpen = this.options.failureThreshold > 0 && this.failures >= this.options.failureThreshold;
    this.failures = 0;
    this.probing = false;
    return wasOpen ? 'closed' : undefined;
  }

  failure(): 'opened' | undefined {
    if (this.options.failureThreshold <= 0) return undefined;
    this.failures++;
    const probeFailed = this.probing;
    this.probing = false;
    if (this.failures < this.options.failureThreshold) return undefined;
    this.openUntil = this.now() + this.options.cooldownMs;
    return probeFailed || this.failures === this.options.failureThreshold ? 'opened' : undefined;
  }
}
