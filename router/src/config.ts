import { z } from 'zod';
import { checkPlatformConfig, envBoolean, operationLimitsEnvShape, platformEnvShape } from '@grove/platform';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** The Prometheus port convention of OpenTelemetry exporters. */
export const DEFAULT_METRICS_PORT = 9464;

/**
 * `TRUST_PROXY` as fastify's `trustProxy`: `true`/`false`, a hop count, or a comma list of
 * addresses/CIDRs of the proxies in front of the router. Off by default so a client cannot spoof
 * its IP (and dodge the per-IP rate limit) with `X-Forwarded-For`.
 */
const trustProxy = z
  .string()
  .default('false')
  .transform((value): boolean | number | string[] => {
    const v = value.trim().toLowerCase();
    if (v === 'true' || v === 'false') return v === 'true';
    if (/^\d+$/.test(v)) return Number(v);
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  });

/**
 * `SUBGRAPH_URLS=account=http://127.0.0.1:4101/graphql,catalog=http://...` → `{ account: 'http://...' }`.
 */
export const subgraphUrls = z.string().transform((value, ctx) => {
  const urls: Record<string, string> = {};
  for (const entry of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = entry.indexOf('=');
    const name = eq > 0 ? entry.slice(0, eq).trim() : '';
    const url = eq > 0 ? entry.slice(eq + 1).trim() : '';
    if (!/^[a-z][a-z0-9-]*$/.test(name) || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      ctx.addIssue({ code: 'custom', message: `"${entry}" is not name=http(s)://host:port/path` });
      continue;
    }
    urls[name] = url;
  }
  return urls;
});

/** The router's own variables (on top of the platform ones every deployable shares). */
export const routerEnvShape = {
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /**
   * Loopback by default so a development machine never exposes the API by accident; containers
   * and production hosts set HOST=0.0.0.0 explicitly.
   */
  HOST: z.string().default('127.0.0.1'),
  /**
   * Prometheus metrics are served on their own listener, never on the API port: loopback by default; containers
   * set METRICS_HOST=0.0.0.0 and expose METRICS_PORT to the scraper only (infra/k8s/base/router.yaml).
   */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().default('127.0.0.1'),
  SUBGRAPH_MODE: z.enum(['embedded', 'distributed']).default('embedded'),
  SUBGRAPH_URLS: subgraphUrls.optional(),
  SUPERGRAPH_PATH: z.string().default('schema/supergraph.graphql'),
  /**
   * The built web console (`npm run build -w console`), served at /console (docs/console.md); an empty value serves
   * none. Relative paths are resolved from the working directory, as SUPERGRAPH_PATH is.
   */
  CONSOLE_DIR: z.string().default('console/dist'),
  /** Distributed mode: a subgraph fetch (connect, answer and body) taking longer fails its fields (docs/resilience.md). */
  SUBGRAPH_TIMEOUT_MS: positiveInt(10_000),
  /** Consecutive failed fetches after which a subgraph's fields fail fast for the cooldown; 0 turns the breaker off. */
  SUBGRAPH_BREAKER_FAILURES: z.coerce.number().int().min(0).default(5),
  SUBGRAPH_BREAKER_COOLDOWN_MS: positiveInt(5_000),
  /** Distributed mode: retries of a query fetch refused, reset or answered 5xx (mutations are never retried). */
  SUBGRAPH_QUERY_RETRIES: z.coerce.number().int().min(0).max(3).default(1),
  RATE_LIMIT_WINDOW_SEC: positiveInt(60),
  RATE_LIMIT_IP_POINTS: positiveInt(600),
  RATE_LIMIT_USER_POINTS: positiveInt(1200),
  RATE_LIMIT_LOGIN_POINTS: positiveInt(10),
  RATE_LIMIT_LOGIN_WINDOW_SEC: positiveInt(300),
  RATE_LIMIT_LOGIN_IP_POINTS: positiveInt(60),
  RATE_LIMIT_UPLOAD_POINTS: positiveInt(30),
  RATE_LIMIT_HOST_APP_POINTS: positiveInt(30_000),
  ...operationLimitsEnvShape,
  MAX_BODY_BYTES: positiveInt(256 * 1024),
  MAX_RESPONSE_BYTES: positiveInt(4 * 1024 * 1024),
  INTROSPECTION: envBoolean.optional(),
  /**
   * @apollo/gateway reports this host's facts (CPU, memory, versions) to Apollo's endpoint every hour unless told not
   * to: off by default, since a private deployment must not call out (and an isolated network only sees failures).
   */
  APOLLO_TELEMETRY_DISABLED: envBoolean.default(true),
  // OTEL_EXPORTER_OTLP_ENDPOINT comes from platformEnvShape (subgraphs export traces too).
  OTEL_SERVICE_NAME: z.string().default('grove-router'),
  TRUST_PROXY: trustProxy,
};

/** The router deployable's variables; it shares driver/token variables with every subgraph. */
export const routerEnvSchema = z
  .object({ ...platformEnvShape, ...routerEnvShape })
  .superRefine((config, ctx) => {
    checkPlatformConfig(config, ctx);
    if (config.SUBGRAPH_MODE === 'distributed' && !Object.keys(config.SUBGRAPH_URLS ?? {}).length) {
      ctx.addIssue({
        code: 'custom',
        path: ['SUBGRAPH_URLS'],
        message: 'required when SUBGRAPH_MODE=distributed',
      });
    }
  })
  .transform((config) => ({
    ...config,
    // Introspection is a development convenience; production hides the schema unless asked.
    INTROSPECTION: config.INTROSPECTION ?? config.NODE_ENV !== 'production',
    // 9464 unless the API port is ephemeral (PORT=0: tests, several routers on one host), then ephemeral too.
    METRICS_PORT: config.METRICS_PORT ?? (config.PORT === 0 ? 0 : DEFAULT_METRICS_PORT),
  }));

export type RouterConfig = z.infer<typeof routerEnvSchema>;
