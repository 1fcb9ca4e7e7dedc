import {
  RUNTIME_READ_NAMES,
  runtimeReads,
  RUNTIME_READS_PATH,
  type RuntimeReadHandlers,
  type RuntimeReadName,
  type RuntimeReadOwner,
} from '@grove/contracts';
import { ErrorCode, INTERNAL_PRINCIPAL_HEADER, PlatformError, UnavailableError, type Logger } from '@grove/platform';

export interface RuntimeReadsOverHttpOptions {
  /** Base URL of each owning service (its SUBGRAPH_URLS entry; the path is replaced). */
  origins: Record<RuntimeReadOwner, string>;
  /** The runtime's service credential (`TokenService.signServiceCall('sdk-runtime')`). */
  credential: () => Promise<string>;
  /** Per call; a read that takes longer answers UNAVAILABLE (the runtime answers 503 and the device retries). */
  timeoutMs: number;
  logger: Logger;
  /** Injected clock (ms) for the credential's reuse window. */
  now?: () => number;
}

/** Internal credentials live 60 s; one is reused for half of that. */
const CREDENTIAL_REUSE_MS = 30_000;

function originOf(url: string): string {
  return new URL(url).origin;
}

/**
 * The runtime reads as calls to the owning services (distributed profile): `POST <origin>/internal/runtime-reads/v1/<read>`
 * with the runtime's service credential, answers checked against the contract. Errors the owner raised on purpose
 * (bad parameters) come back as the same platform error; anything else (refused, timed out, malformed) is UNAVAILABLE,
 * logged once with the owner and the read.
 */
export function runtimeReadsOverHttp(options: RuntimeReadsOverHttpOptions): RuntimeReadHandlers {
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
  const origins = Object.fromEntries(Object.entries(options.origins).map(([owner, url]) => [owner, originOf(url)])) as Record<RuntimeReadOwner, string>;

  const call = async (name: RuntimeReadName, params: unknown): Promise<unknown> => {
    const contract = runtimeReads[name];
    const url = `${origins[contract.owner]}${RUNTIME_READS_PATH}/${name}`;
    let response: Response;
    let body: unknown;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_PRINCIPAL_HEADER]: await currentCredential() },
        body: JSON.stringify(params),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      body = await response.json();
    } catch (error) {
      options.logger.warn({ err: error, owner: contract.owner, read: name }, 'runtime read failed');
      throw new UnavailableError(`The ${contract.owner} service did not answer`, { reason: 'RUNTIME_READ_FAILED' });
    }
    if (response.ok) {
      const parsed = contract.result.safeParse((body as { result?: unknown } | null)?.result);
      if (parsed.success) return parsed.data;
      options.logger.error({ owner: contract.owner, read: name, issues: parsed.error.issues.slice(0, 5) }, 'runtime read answered outside the contract');
      throw new UnavailableError(`The ${contract.owner} service answered outside the runtime-read contract`, { reason: 'RUNTIME_READ_FAILED' });
    }
    const { code, error } = (body ?? {}) as { code?: string; error?: string };
    if (response.status < 500 && code && code in ErrorCode && code !== ErrorCode.UNAUTHENTICATED) {
      throw new PlatformError(code as ErrorCode, error ?? code);
    }
    options.logger.error({ owner: contract.owner, read: name, status: response.status, code }, 'runtime read refused');
    throw new UnavailableError(`The ${contract.owner} service refused the runtime read`, { reason: 'RUNTIME_READ_FAILED' });
  };

  return Object.fromEntries(RUNTIME_READ_NAMES.map((name) => [name, (params: unknown) => call(name, params)])) as unknown as RuntimeReadHandlers;
}

/** The owners of the runtime reads, from SUBGRAPH_URLS; throws naming every owner that has no URL. */
export function runtimeReadOrigins(subgraphUrls: Record<string, string>): Record<RuntimeReadOwner, string> {
  const owners = [...new Set(RUNTIME_READ_NAMES.map((name) => runtimeReads[name].owner))];
  const missing = owners.filter((owner) => !subgraphUrls[owner]);
  if (missing.length > 0) throw new Error(`SUBGRAPH_URLS has no entry for ${missing.join(', ')}: the SDK runtime reads from these services`);
  return Object.fromEntries(owners.map((owner) => [owner, subgraphUrls[owner]])) as Record<RuntimeReadOwner, string>;
}
