import {
  internalReadsOverHttp,
  readOrigins,
  runtimeReads,
  RUNTIME_READS_PATH,
  type RuntimeReadHandlers,
  type RuntimeReadOwner,
} from '@grove/contracts';
import type { Logger } from '@grove/platform';

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

/**
 * The runtime reads as calls to the owning services (distributed profile): `POST <origin>/internal/runtime-reads/v1/<read>`
 * with the runtime's service credential (the internal-read client of @grove/contracts): errors the owner raised on
 * purpose come back as the same platform error, anything else is UNAVAILABLE (`RUNTIME_READ_FAILED`).
 */
export function runtimeReadsOverHttp(options: RuntimeReadsOverHttpOptions): RuntimeReadHandlers {
  return internalReadsOverHttp({
    ...options,
    reads: runtimeReads,
    path: RUNTIME_READS_PATH,
    what: 'runtime read',
    failureReason: 'RUNTIME_READ_FAILED',
  });
}

/** The owners of the runtime reads, from SUBGRAPH_URLS; throws naming every owner that has no URL. */
export function runtimeReadOrigins(subgraphUrls: Record<string, string>): Record<RuntimeReadOwner, string> {
  return readOrigins(runtimeReads, subgraphUrls, 'the SDK runtime reads from these services');
}
