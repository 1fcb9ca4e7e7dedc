import { ConfigError, type EnvSource } from './config-loader';

/**
 * Start-up refusals that no single zod schema can express:
 *
 * 1. Topology. A process that shares its data with other processes (a standalone subgraph, a router in
 *    distributed mode) must not run on drivers whose state lives inside one process or on one disk: the
 *    other processes would never see it. Each driver is classified here once.
 * 2. Secrets. Production refuses placeholder secrets: the `change-me…` samples, anything shorter than
 *    32 bytes, and every sample value committed in this repository (a test keeps that list complete).
 */

/** Drivers whose state is shared between processes (safe for standalone services), per port. */
export const SHARED_DRIVERS = {
  DOCUMENTS_DRIVER: ['postgres', 'mongodb'],
  EVENTS_DRIVER: ['redis', 'kafka'],
  OBJECT_STORE_DRIVER: ['s3'],
} as const;

/** Drivers that only work inside one process (or on one process's disk): the embedded profile only. */
export const EMBEDDED_ONLY_DRIVERS = {
  DOCUMENTS_DRIVER: ['embedded', 'nedb', 'sqlite'],
  EVENTS_DRIVER: ['memory'],
  /*
   * fs is refused even with an explicit OBJECT_STORE_DIR on a shared mount: the fs driver serializes
   * writes to one key with an in-process lock map, so two processes writing the same key through one
   * directory interleave (rename keeps each file whole, not the order), and no test covers a shared
   * mount. Standalone services use S3 (MinIO in both server profiles).
   */
  OBJECT_STORE_DRIVER: ['fs'],
} as const;

type TopologyVariable = keyof typeof SHARED_DRIVERS;

const WHAT: Record<TopologyVariable, string> = {
  DOCUMENTS_DRIVER: 'keeps documents in files of this process',
  EVENTS_DRIVER: 'delivers events only inside this process',
  OBJECT_STORE_DRIVER: 'keeps objects on this process’s disk',
};

/** Grove's own secrets: production needs each to be random and at least 32 bytes long. */
export const GROVE_SECRET_VARIABLES = [
  'JWT_SECRET',
  'INTERNAL_TOKEN_SECRET',
  'APP_SECRET_ENCRYPTION_KEY',
  'OBJECT_URL_SECRET',
  'SDK_RUNTIME_CACHE_KEY',
] as const;

/** Credentials whose length is not ours to choose, but which must still not be a committed sample. */
export const OTHER_SECRET_VARIABLES = ['S3_SECRET_KEY', 'BOOTSTRAP_ADMIN_PASSWORD'] as const;

export const MIN_PRODUCTION_SECRET_BYTES = 32;

/**
 * Secret values committed in this repository (samples, compose defaults, test fixtures). Production
 * refuses them whatever their length; `deployment-safety.test.ts` scans the tracked files and fails
 * when a committed secret value is neither here nor caught by the other rules.
 */
export const COMMITTED_SAMPLE_SECRETS: ReadonlySet<string> = new Set([
  'minioadmin',
  'e2e-Admin-password-2026',
]);

const PLACEHOLDER_PREFIX = /^change[-_ ]?me/i;

/** Why a secret value is a placeholder, or undefined when it is acceptable. */
export function placeholderReason(value: string, options: { minBytes?: number } = {}): string | undefined {
  if (PLACEHOLDER_PREFIX.test(value)) return 'is a placeholder (starts with "change-me")';
  if (COMMITTED_SAMPLE_SECRETS.has(value)) return 'is a sample value committed in the Grove repository';
  const minBytes = options.minBytes ?? 0;
  if (Buffer.byteLength(value, 'utf8') < minBytes) return `is shorter than ${minBytes} bytes`;
  return undefined;
}

/** Problems with the secrets set in `env` (production only; unset secrets are the schemas' business). */
export function placeholderSecretProblems(env: EnvSource, nodeEnv: string | undefined): string[] {
  if (nodeEnv !== 'production') return [];
  const problems: string[] = [];
  const check = (name: string, minBytes: number) => {
    const value = env[name];
    if (value === undefined || value === '') return;
    const reason = placeholderReason(value, { minBytes });
    // Never echo the value itself: it may be a real secret that is merely short.
    if (reason)
      problems.push(
        `${name}: ${reason}; production needs a random value of at least ${MIN_PRODUCTION_SECRET_BYTES} bytes (e.g. \`openssl rand -base64 48\`)`,
      );
  };
  for (const name of GROVE_SECRET_VARIABLES) check(name, MIN_PRODUCTION_SECRET_BYTES);
  for (const name of OTHER_SECRET_VARIABLES) check(name, 0);
  return problems;
}

/** The driver settings the topology check reads (every deployable's parsed config has the first two). */
export interface TopologyConfig {
  DOCUMENTS_DRIVER: string;
  EVENTS_DRIVER: string;
  OBJECT_STORE_DRIVER?: string;
}

/**
 * Problems of a process that shares state with others (`deployable` names it in the message). Every
 * driver not known to be shared is refused, so a driver added later is refused until it is classified.
 */
export function sharedTopologyProblems(config: TopologyConfig, deployable: string): string[] {
  const problems: string[] = [];
  for (const variable of Object.keys(SHARED_DRIVERS) as TopologyVariable[]) {
    const value = config[variable];
    if (value === undefined) continue; // this deployable does not use the port
    const shared: readonly string[] = SHARED_DRIVERS[variable];
    if (shared.includes(value)) continue;
    const embedded: readonly string[] = EMBEDDED_ONLY_DRIVERS[variable];
    const why = embedded.includes(value) ? WHAT[variable] : 'is not known to be shared between processes';
    problems.push(
      `${variable}=${value} ${why}; ${deployable} runs beside other processes and needs a shared one: ` +
        `${variable}=${shared.join(' or ')} (${value} is for the embedded profile, \`npm start\`)`,
    );
  }
  return problems;
}

/** Throws one ConfigError when a process that shares state with others runs on embedded-only drivers. */
export function assertSharedTopology(config: TopologyConfig, deployable: string): void {
  const problems = sharedTopologyProblems(config, deployable);
  if (problems.length) throw new ConfigError(problems);
}

export interface DeploymentCheck {
  /** Parsed configuration of the deployable (NODE_ENV and the driver variables are read). */
  config: TopologyConfig & { NODE_ENV: string };
  /** The raw environment (secrets that live in other schemas are read from it). */
  env: EnvSource;
  /** e.g. `standalone subgraph "account"`, `the router in distributed mode`. */
  deployable: string;
  /** True when the process shares state with other processes (the topology check applies). */
  shared: boolean;
}

/**
 * The start-up check of every deployable: topology (when `shared`) and production secrets, all problems
 * in one ConfigError (main.ts files print its message and exit 78).
 */
export function assertDeployable({ config, env, deployable, shared }: DeploymentCheck): void {
  const problems = [
    ...(shared ? sharedTopologyProblems(config, deployable) : []),
    ...placeholderSecretProblems(env, config.NODE_ENV),
  ];
  if (problems.length) throw new ConfigError(problems);
}
