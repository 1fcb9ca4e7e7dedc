import {
  ErrorCode,
  INTERNAL_PRINCIPAL_HEADER,
  PlatformError,
  UnavailableError,
  type Logger,
} from '@grove/platform';
import { readNames, type ReadHandlers, type ReadSet } from './internal-reads.contract';

export interface InternalReadsOverHttpOptions<S extends ReadSet> {
  reads: S;
  /** e.g. `/internal/runtime-reads/v1`. */
  path: string;
  /** Base URL of each owner (its SUBGRAPH_URLS entry; only the origin is used). */
  origins: Record<S[keyof S]['owner'], string>;
  /** The asking service's credential (`TokenService.signServiceCall(<caller>)`). */
  credential: () => Promise<string>;
  /** Per call; a read that takes longer is UNAVAILABLE. */
  timeoutMs: number;
  logger: Logger;
  /** Name of the set in messages and logs, e.g. `runtime read`. */
  what: string;
  /** `details.reason` of the UNAVAILABLE errors, e.g. `RUNTIME_READ_FAILED`. */
  failureReason: string;
  /** Injected clock (ms) for the credential's reuse window. */
  now?: () => number;
}

/** Internal credentials live 60 s; one is reused for half of that. */
const CREDENTIAL_REUSE_MS = 30_000;

/**
 * The reads as calls to the owning services: `POST <origin><path>/<read>` with the asking service's credential,
 * answers checked against the contract. Errors the owner raised on purpose (bad parameters) come back as the same
 * platform error; anything else (refused, timed out, malformed, another caller's credential) is UNAVAILABLE, logged
 * once with the owner and the read, so nobody takes a failure for "nothing there".
 */
export function internalReadsOverHttp<S extends ReadSet>(
  options: InternalReadsOverHttpOptions<S>,
): ReadHandlers<S> {
  const now = options.now ?? Date.now;
  let credential: { token: Promise<string>; at: number } | undefined;
  const currentCredential = (): Promise<string> => {
    if (!credential || now() - credential.at >= CREDENTIAL_REUSE_MS) {
      const token = options.credential();
      credential = { token, at: now() };
      token.catch(() => (credential = undefined));
    }
    return credential.token;
  };
  const origins = Object.fromEntries(
    Object.entries(options.origins as Record<string, string>).map(([owner, url]) => [
      owner,
      new URL(url).origin,
    ]),
  ) as Record<string, string>;

  const call = async (name: keyof S & string, params: unknown): Promise<unknown> => {
    const contract = options.reads[name];
    let response: Response;
    let body: unknown;
    try {
      response = await fetch(`${origins[contract.owner]}${options.path}/${name}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [INTERNAL_PRINCIPAL_HEADER]: await currentCredential(),
        },
        body: JSON.stringify(params),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      body = await response.json();
    } catch (error) {
      options.logger.warn({ err: error, owner: contract.owner, read: name }, `${options.what} failed`);
      throw new UnavailableError(`The ${contract.owner} service did not answer`, {
        reason: options.failureReason,
      });
    }
    if (response.ok) {
      const parsed = contract.result.safeParse((body as { result?: unknown } | null)?.result);
      if (parsed.success) return parsed.data;
      options.logger.error(
        { owner: contract.owner, read: name, issues: parsed.error.issues.slice(0, 5) },
        `${options.what} answered outside the contract`,
      );
      throw new UnavailableError(
        `The ${contract.owner} service answered outside the ${options.what} contract`,
        { reason: options.failureReason },
      );
    }
    const { code, error } = (body ?? {}) as { code?: string; error?: string };
    if (response.status < 500 && code && code in ErrorCode && code !== ErrorCode.UNAUTHENTICATED) {
      throw new PlatformError(code as ErrorCode, error ?? code);
    }
    options.logger.error(
      { owner: contract.owner, read: name, status: response.status, code },
      `${options.what} refused`,
    );
    throw new UnavailableError(`The ${contract.owner} service refused the ${options.what}`, {
      reason: options.failureReason,
    });
  };

  return Object.fromEntries(
    readNames(options.reads).map((name) => [name, (params: unknown) => call(name, params)]),
  ) as unknown as ReadHandlers<S>;
}
