import type { z } from 'zod';
import { objectStoreEnvShape, platformEnvShape, subgraphServiceEnvShape } from '@grove/platform';
import { accountEnvShape } from '@grove/account';
import { analyticsEnvShape } from '@grove/analytics';
import { appManageEnvShape } from '@grove/app-manage';
import { domainEnvShape } from '@grove/domain';
import { licenseEnvShape } from '@grove/license';
import { ruleEngineEnvShape } from '@grove/rule-engine';
import { sdkEnvShape } from '@grove/sdk';
import { sdkRuntimeEnvShape } from '@grove/sdk-runtime';
import { searchEnvShape } from '@grove/search';
import { routerEnvShape } from './config';

/**
 * Every configuration variable of every deployable, rendered into `.env.example` and the README table
 * by `npm run env:docs`. A test fails when a schema gains a variable without a description here or
 * when the committed documents are stale, so the docs cannot drift from the zod schemas.
 */
type Shape = Record<string, z.ZodType>;

interface EnvSection {
  title: string;
  shape: Shape;
}

export const ENV_DESCRIPTIONS: Record<string, string> = {
  NODE_ENV: 'development | test | production; production requires real secrets and turns introspection off',
  LOG_LEVEL: 'pino level: fatal, error, warn, info, debug, trace, silent',
  LOG_PRETTY: 'pretty-print logs (default: on in development only)',
  DATA_DIR: 'where embedded drivers keep data (documents, objects, generated secrets)',
  DOCUMENTS_DRIVER:
    'documents port: sqlite (DATA_DIR/documents.sqlite; imports the nedb files of an older DATA_DIR/documents on first start) | embedded (alias of sqlite) | nedb (the previous embedded driver: deprecated, removed in the next release) | postgres | mongodb',
  MONGODB_URL: 'MongoDB connection string (replica set recommended); required for DOCUMENTS_DRIVER=mongodb',
  POSTGRES_URL: 'PostgreSQL connection string; required for DOCUMENTS_DRIVER=postgres',
  CACHE_DRIVER: 'cache / KV and rate-limit store: memory | redis',
  REDIS_URL: 'Redis URL for CACHE_DRIVER=redis',
  REDIS_CLUSTER_NODES: 'comma list of host:port for a Redis cluster (instead of REDIS_URL)',
  REDIS_KEY_PREFIX: 'prefix for every Redis key and channel',
  REDIS_CONNECT_TIMEOUT_MS: 'bound of one Redis connection attempt',
  REDIS_COMMAND_TIMEOUT_MS:
    'bound of one cache or rate-limit command; while the connection is down they fail at once and the callers degrade (docs/resilience.md)',
  EVENTS_DRIVER:
    'event bus: memory (in-process) | redis (Redis Streams on REDIS_URL / REDIS_CLUSTER_NODES, docs/events.md) | kafka (high volume)',
  EVENTS_REDIS_BLOCK_MS: 'redis event bus: longest blocking read of a subscriber',
  EVENTS_REDIS_CLAIM_IDLE_MS:
    "redis event bus: an unacknowledged event idle this long is a crashed consumer's and another consumer claims it",
  EVENTS_REDIS_MAX_DELIVERIES:
    'redis event bus: attempts before an event goes to <topic>.dlq when the subscriber sets no maxAttempts',
  EVENTS_REDIS_MAX_LEN: 'redis event bus: entries kept per topic, approximately (0: no bound)',
  EVENTS_REDIS_MAX_AGE_MS: 'redis event bus: age of the oldest entry kept, approximately (0: no bound)',
  KAFKA_BROKERS: 'comma list of Kafka brokers for EVENTS_DRIVER=kafka',
  KAFKA_CLIENT_ID: 'Kafka client id',
  JWT_ALGORITHM: 'access token signing: HS256 (shared secret) | RS256 (key pair)',
  JWT_SECRET: 'HS256 secret, at least 32 characters; generated under DATA_DIR when unset outside production',
  JWT_PRIVATE_KEY: 'RS256 private key (PEM), only where tokens are issued (account subgraph)',
  JWT_PUBLIC_KEY: 'RS256 public key (PEM) for verification',
  JWT_ISSUER: 'issuer claim of access tokens',
  ACCESS_TOKEN_TTL_SEC: 'access token lifetime',
  REFRESH_TOKEN_TTL_SEC: 'refresh token lifetime',
  INTERNAL_TOKEN_SECRET:
    'router → subgraph principal signing secret; generated under DATA_DIR when unset outside production',
  OTEL_EXPORTER_OTLP_ENDPOINT:
    'OTLP/HTTP endpoint for traces (router and standalone subgraphs); no export when unset',

  OBJECT_STORE_DRIVER: 'object store: fs (under OBJECT_STORE_DIR) | s3 (MinIO or any S3 endpoint)',
  OBJECT_STORE_DIR: 'fs driver root (default DATA_DIR/objects)',
  OBJECT_STORE_PUBLIC_URL:
    'public base URL of signed fs download links (the router serves /objects); npm start defaults it to http://localhost:<PORT>',
  OBJECT_URL_SECRET:
    'signing secret of fs download links; generated under DATA_DIR when unset outside production',
  S3_ENDPOINT: 'S3/MinIO host name or URL',
  S3_PORT: 'S3/MinIO port',
  S3_USE_SSL: 'use TLS to the S3 endpoint',
  S3_ACCESS_KEY: 'S3 access key',
  S3_SECRET_KEY: 'S3 secret key',
  S3_BUCKET: 'bucket (created when missing)',
  S3_REGION: 'S3 region',

  PORT: 'router HTTP port',
  HOST: 'router bind address (0.0.0.0 in containers)',
  METRICS_PORT:
    'port of the Prometheus /metrics listener, never the API port (default 9464; ephemeral when PORT=0)',
  METRICS_HOST:
    'bind address of the /metrics listener: loopback by default; 0.0.0.0 in containers, with the port reachable by the scraper only',
  SUBGRAPH_MODE: 'embedded (every subgraph in the router process) | distributed (SUBGRAPH_URLS)',
  SUBGRAPH_URLS: 'distributed mode: name=url,… e.g. account=http://127.0.0.1:4101/graphql',
  SUPERGRAPH_PATH: 'the composed supergraph the gateway loads',
  CONSOLE_DIR: 'the built web console served at /console (docs/console.md); empty serves none',
  SUBGRAPH_TIMEOUT_MS:
    "distributed mode: a subgraph fetch (connect, answer, body) taking longer fails that subgraph's fields with SUBGRAPH_UNAVAILABLE",
  SUBGRAPH_BREAKER_FAILURES:
    "distributed mode: consecutive failed fetches after which a subgraph's fields fail fast for the cooldown (0: no circuit breaker)",
  SUBGRAPH_BREAKER_COOLDOWN_MS:
    'how long an open circuit fails fast before one probe fetch decides whether it closes',
  SUBGRAPH_QUERY_RETRIES:
    'distributed mode: retries of a query fetch that was refused, reset or answered 5xx (never a mutation, never a timeout)',
  RATE_LIMIT_WINDOW_SEC: 'window of the per-IP, per-user, upload and host-app buckets',
  RATE_LIMIT_IP_POINTS: 'requests per window per client IP',
  RATE_LIMIT_USER_POINTS: 'requests per window per signed-in user',
  RATE_LIMIT_LOGIN_POINTS:
    'login attempts per login window per IP + identifier (every login field counts, aliases included)',
  RATE_LIMIT_LOGIN_WINDOW_SEC: 'login buckets window',
  RATE_LIMIT_LOGIN_IP_POINTS: 'login attempts per login window per IP, whatever the identifiers',
  RATE_LIMIT_UPLOAD_POINTS: 'uploads (/uploads/*) per window per signed-in user, on top of the user bucket',
  RATE_LIMIT_HOST_APP_POINTS:
    'SDK runtime requests per window per host app (counted once the signature is verified)',
  MAX_DEPTH:
    'maximum selection depth of an operation (router; standalone subgraphs: of callers without the router credential)',
  MAX_ALIASES: 'maximum aliases in an operation (router; standalone subgraphs likewise)',
  MAX_TOKENS: 'maximum lexical tokens in an operation (router; standalone subgraphs likewise)',
  MAX_COST:
    'maximum cost of an operation: 1 per field, a list times its page size (docs/query-limits.md); router and standalone subgraphs',
  MAX_INTROSPECTION_DEPTH:
    'maximum depth of an introspection selection (__schema, __type); the standard introspection query is 15 deep',
  MAX_BODY_BYTES: 'maximum request body size',
  MAX_RESPONSE_BYTES:
    'maximum size of a GraphQL answer; a larger one is replaced by a RESPONSE_TOO_LARGE error (docs/query-limits.md)',
  INTROSPECTION: 'allow schema introspection (default: on except in production)',
  APOLLO_TELEMETRY_DISABLED:
    "keep @apollo/gateway from probing cloud metadata endpoints and reporting this host's facts to Apollo every hour (false opts in)",
  OTEL_SERVICE_NAME:
    "service name on the router's exported spans (standalone subgraphs use grove-account, grove-sdk, …)",
  TRUST_PROXY: 'trust X-Forwarded-For: false | true | hop count | comma list of proxy addresses',

  SDK_RUNTIME_PREFIX: 'path prefix of the SDK runtime REST API',
  SDK_RUNTIME_CACHE_TTL_MS: 'lifetime of runtime read-model entries in the shared cache',
  SDK_RUNTIME_LOCAL_CACHE_TTL_MS: 'lifetime of the in-process copy in front of the shared cache',
  SDK_RUNTIME_MAX_SKEW_MS: 'allowed clock skew of signed SDK requests (x-timestamp)',
  SDK_RUNTIME_PACKAGE_DELIVERY: 'redirect (presigned URL) | stream; default redirect on S3, stream on fs',
  SDK_RUNTIME_PACKAGE_URL_TTL_SEC: 'lifetime of presigned package URLs',
  SDK_RUNTIME_CACHE_KEY:
    'key sealing SDK secrets in the shared cache; same in every process; generated under DATA_DIR when unset',
  SDK_RUNTIME_EXPOSURE_BUFFER:
    'exposure records (which version each device was served) waiting for the bus at most; beyond it they are dropped and counted (ADR 0012)',
  SDK_RUNTIME_EXPOSURE_FLUSH_MS:
    'a partial batch of exposure records waits at most this long before it is appended to the bus',
  TRIAL_TOKEN_SECRET:
    'HMAC key of trial (体验版) QR grants: app-manage signs, the SDK runtime checks; same in both; derived from APP_SECRET_ENCRYPTION_KEY when unset',

  ACCOUNT_PORT: 'account subgraph port (distributed mode)',
  ACCOUNT_HOST: 'account subgraph bind address',
  BOOTSTRAP_ADMIN_EMAIL: 'email of the first operator admin, created on first start',
  BOOTSTRAP_ADMIN_PASSWORD:
    'its password; when unset one is generated once into DATA_DIR/bootstrap-admin.txt',
  LOGIN_MAX_FAILURES:
    'failed logins of one account from one IP before that IP is locked out of it (the owner elsewhere is not)',
  LOGIN_FAILURE_WINDOW_SEC: 'window in which failures count',
  LOGIN_LOCK_SEC: 'how long an IP stays locked out of the account',
  LOGIN_MAX_DELAY_SEC:
    'cap of the account-wide delay (1 s, 2 s, 4 s …) once failures exceed LOGIN_MAX_FAILURES; sources that signed in before skip it',
  LOGIN_IP_POINTS: 'password checks per client IP per LOGIN_IP_WINDOW_SEC, whatever the identifiers',
  LOGIN_IP_WINDOW_SEC: 'window of LOGIN_IP_POINTS',
  PASSWORD_HASH_CONCURRENCY: 'password hashes computed at once per account process (default: the CPU count)',
  PASSWORD_HASH_QUEUE:
    'password hashes waiting for a slot; beyond it a login is refused at once (RATE_LIMITED, retry after 1 s)',
  INVITATION_TTL_SEC: 'lifetime of member invitations',
  PASSWORD_HASH_COST: 'scrypt cost as log2(N)',

  APP_MANAGE_PORT: 'app-manage subgraph port (distributed mode; also serves its upload routes)',
  APP_MANAGE_HOST: 'app-manage subgraph bind address',
  APP_SECRET_ENCRYPTION_KEY:
    'key for host-app SDK secrets at rest (AES-256-GCM); required in production; the router derives the trial grant key from it when TRIAL_TOKEN_SECRET is unset',
  MINI_PROGRAM_PACKAGE_MAX_BYTES:
    'largest accepted mini-program package (ZIP); the router reads it too (distributed mode: its cap when forwarding)',
  MINI_PROGRAM_LOGO_MAX_BYTES: 'largest accepted logo image',

  DOMAIN_PORT: 'domain subgraph port (distributed mode)',
  DOMAIN_HOST: 'domain subgraph bind address',
  DOMAIN_VERIFY_SCHEME: 'scheme used to fetch business-domain verification files',
  DOMAIN_VERIFY_PORT: 'port used to fetch verification files (default: the scheme default)',
  DOMAIN_VERIFY_TIMEOUT_MS: 'verification fetch timeout',
  DOMAIN_VERIFY_MAX_BYTES: 'largest verification file read',
  DOMAIN_VERIFY_RESOLVE_ADDRESS:
    'tests only: connect every verification to this address (refused in production)',

  LICENSE_PORT: 'license subgraph port (distributed mode)',
  LICENSE_HOST: 'license subgraph bind address',
  LICENSE_PUBLIC_KEY:
    'vendor Ed25519 public key (PEM) that licenses must be signed with (default: the evaluation key)',

  RULE_ENGINE_PORT: 'rule-engine subgraph port (distributed mode)',
  RULE_ENGINE_HOST: 'rule-engine subgraph bind address',
  RULE_ENGINE_COMPILED_CACHE_SIZE: 'compiled gray rules kept in memory',

  ANALYTICS_PORT: 'analytics subgraph port (distributed mode)',
  ANALYTICS_HOST: 'analytics subgraph bind address',
  ANALYTICS_STORE_DRIVER:
    'raw analytics event store: sqlite (DATA_DIR/analytics.sqlite) or postgres (POSTGRES_URL, partitioned by day); default follows DOCUMENTS_DRIVER',
  ANALYTICS_TIME_ZONE: 'the installation-wide reporting time zone of every day boundary',
  ANALYTICS_MAX_CLOCK_SKEW_MS: 'a device clock off by more than this has its events counted at received-at',
  ANALYTICS_SESSION_GAP_MS:
    'back in the foreground after at least this long in the background is a new launch',
  ANALYTICS_LATE_DAYS: 'days before today recomputed for late events; older events are dropped as too late',
  ANALYTICS_RETENTION_DAYS: 'raw analytics events older than this are deleted (rollups are kept)',
  ANALYTICS_ROLLUP_INTERVAL_MS:
    'how often rollups of the late window are recomputed (0: only by recomputeAnalytics)',
  ANALYTICS_TODAY_ROLLUP_INTERVAL_MS:
    'how often today alone is rolled up between passes over the late window (0: only with the window; off when ANALYTICS_ROLLUP_INTERVAL_MS is 0); bounds report-to-statistics lag',
  ANALYTICS_TEST_DEVICE_IDS: 'comma list of test device ids whose events are dropped',
  OPERATION_LOG_RETENTION_DAYS:
    'operation log lines (operationLog, ADR 0013) older than this many days are deleted',
  OPERATION_LOG_PRUNE_INTERVAL_MS: 'how often the operation log retention runs (0: never on a timer)',

  SDK_PORT: 'sdk subgraph port (distributed mode; also serves its upload routes)',
  SDK_HOST: 'sdk subgraph bind address',
  BASE_LIBRARY_MAX_BYTES: 'largest accepted base library package',
  SUBGRAPH_ACCEPT_USER_TOKENS:
    'standalone subgraphs: also accept end-user access tokens without the router credential (their MAX_* limits then apply to those callers); off: router only',
  SDK_ARTIFACT_MAX_BYTES:
    'largest accepted SDK artifact; the router reads it too (distributed mode: its cap when forwarding)',

  SEARCH_PORT: 'search subgraph port (distributed mode)',
  SEARCH_HOST: 'search subgraph bind address',
  SEARCH_CONSUMER_GROUP:
    "search: consumer group on app-manage's and account's events; one per search process (each keeps its own index). Unset with the embedded engine: search-<id> of the index slot the process claims (stable across restarts); unset otherwise: search",
  SEARCH_READ_TIMEOUT_MS: 'search: per catalogue read from app-manage or account (distributed mode)',
  SEARCH_ENGINE:
    "search: embedded (an inverted index in each search process, ADR 0011) | elasticsearch (the large profile: IK when the plugin is present, else smartcn, else Grove's analyzer; /readyz reports which)",
  ELASTICSEARCH_URL:
    'search: Elasticsearch node URL, required for SEARCH_ENGINE=elasticsearch; also runs the Elasticsearch engine contract tests',
  ELASTICSEARCH_INDEX: 'search: Elasticsearch index of the catalogue (created with its mapping when missing)',
  SEARCH_LOG_RETENTION_DAYS:
    'search: days a search log entry (query, hit count, click; devices: host app and hashed device id) is kept',
  SEARCH_STATS_RETENTION_DAYS: 'search: days the per-day query counters behind searchStatistics are kept',
  SEARCH_INDEX_DIR:
    'search, embedded engine: where each process keeps its index snapshot and change journal (default DATA_DIR/search-index; per process the subdirectory named after SEARCH_CONSUMER_GROUP, else the slot-<n> it claims; off: none, rebuilt on every start)',
  SEARCH_SNAPSHOT_INTERVAL_SECONDS:
    'search, embedded engine: how often a changed index is snapshotted (also after a rebuild and on stop)',
  SEARCH_SNAPSHOT_MAX_AGE_HOURS:
    "search, embedded engine: an older snapshot is rebuilt from the owners instead of loaded; keep below the event streams' retention",
};

export const ENV_SECTIONS: EnvSection[] = [
  { title: 'Platform (every deployable)', shape: platformEnvShape },
  { title: 'Object store (app-manage, sdk)', shape: objectStoreEnvShape },
  { title: 'Router', shape: routerEnvShape },
  { title: 'Standalone subgraphs (every subgraph service)', shape: subgraphServiceEnvShape },
  { title: 'SDK runtime REST API (router)', shape: sdkRuntimeEnvShape },
  { title: 'account subgraph', shape: accountEnvShape },
  { title: 'app-manage subgraph', shape: appManageEnvShape },
  { title: 'domain subgraph', shape: domainEnvShape },
  { title: 'license subgraph', shape: licenseEnvShape },
  { title: 'rule-engine subgraph', shape: ruleEngineEnvShape },
  { title: 'sdk subgraph', shape: sdkEnvShape },
  { title: 'analytics subgraph', shape: analyticsEnvShape },
  { title: 'search subgraph', shape: searchEnvShape },
];

export interface EnvVariable {
  name: string;
  section: string;
  /** The value used when unset, as text; undefined when there is none. */
  defaultValue?: string;
  required: boolean;
  description: string;
}

/** Each variable once, in its first section (subgraph shapes repeat the shared ones). */
export function envVariables(): EnvVariable[] {
  const seen = new Set<string>();
  const out: EnvVariable[] = [];
  for (const section of ENV_SECTIONS) {
    for (const [name, field] of Object.entries(section.shape)) {
      if (seen.has(name)) continue;
      seen.add(name);
      const probe = field.safeParse(undefined);
      const value = probe.success ? probe.data : undefined;
      out.push({
        name,
        section: section.title,
        defaultValue:
          value === undefined ? undefined : Array.isArray(value) ? value.join(',') : String(value),
        required: !probe.success,
        description: ENV_DESCRIPTIONS[name] ?? '',
      });
    }
  }
  return out;
}

export function renderEnvExample(variables = envVariables()): string {
  const lines = [
    '# Every variable Grove reads, with its default. Generated by `npm run env:docs`; do not edit by hand.',
    '# Unset variables take the default shown; commented lines have no default.',
  ];
  let section = '';
  for (const v of variables) {
    if (v.section !== section) {
      section = v.section;
      lines.push('', `# --- ${section} ---`);
    }
    lines.push(`# ${v.description}`);
    lines.push(v.defaultValue === undefined ? `# ${v.name}=` : `${v.name}=${v.defaultValue}`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderEnvTable(variables = envVariables()): string {
  const rows = ['| variable | default | what it does |', '|---|---|---|'];
  let section = '';
  for (const v of variables) {
    if (v.section !== section) {
      section = v.section;
      rows.push(`| **${section}** | | |`);
    }
    const fallback = v.defaultValue === undefined ? '—' : `\`${v.defaultValue}\``;
    rows.push(`| \`${v.name}\` | ${fallback} | ${v.description.replace(/\|/g, '\\|')} |`);
  }
  return rows.join('\n');
}

export const README_ENV_START = '<!-- env:start (generated by npm run env:docs) -->';
export const README_ENV_END = '<!-- env:end -->';

/** The README with its configuration table replaced by the current one. */
export function withEnvTable(readme: string, table = renderEnvTable()): string {
  const start = readme.indexOf(README_ENV_START);
  const end = readme.indexOf(README_ENV_END);
  if (start < 0 || end < start) throw new Error('README.md lacks the env table markers');
  return `${readme.slice(0, start + README_ENV_START.length)}\n${table}\n${readme.slice(end)}`;
}
