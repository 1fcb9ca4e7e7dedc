import { ConfigError, loadConfig, randomToken } from '@grove/platform';
import { routerEnvSchema } from './config';

describe('router config', () => {
  it('has safe defaults for a development machine', () => {
    const config = loadConfig(routerEnvSchema, {});
    expect(config).toMatchObject({
      PORT: 4000,
      HOST: '127.0.0.1',
      SUBGRAPH_MODE: 'embedded',
      SUPERGRAPH_PATH: 'schema/supergraph.graphql',
      INTROSPECTION: true,
      TRUST_PROXY: false,
      OTEL_SERVICE_NAME: 'grove-router',
    });
    expect(config.MAX_BODY_BYTES).toBeGreaterThan(0);
    expect(config.RATE_LIMIT_LOGIN_POINTS).toBeLessThan(config.RATE_LIMIT_IP_POINTS);
  });

  it('turns introspection off in production unless asked', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: randomToken(32),
      INTERNAL_TOKEN_SECRET: randomToken(32),
    };
    expect(loadConfig(routerEnvSchema, production).INTROSPECTION).toBe(false);
    expect(loadConfig(routerEnvSchema, { ...production, INTROSPECTION: 'true' }).INTROSPECTION).toBe(true);
  });

  it('parses SUBGRAPH_URLS and requires it in distributed mode', () => {
    const config = loadConfig(routerEnvSchema, {
      SUBGRAPH_MODE: 'distributed',
      SUBGRAPH_URLS: 'account=http://127.0.0.1:4101/graphql, catalog=https://catalog.internal/graphql',
    });
    expect(config.SUBGRAPH_URLS).toEqual({
      account: 'http://127.0.0.1:4101/graphql',
      catalog: 'https://catalog.internal/graphql',
    });
    expect(() => loadConfig(routerEnvSchema, { SUBGRAPH_MODE: 'distributed' })).toThrow(
      /SUBGRAPH_URLS: required when SUBGRAPH_MODE=distributed/,
    );
  });

  it('reads TRUST_PROXY as a flag, a hop count or a list of proxies', () => {
    expect(loadConfig(routerEnvSchema, { TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig(routerEnvSchema, { TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig(routerEnvSchema, { TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
  });

  it('reports every problem at once, including the platform rules', () => {
    let error: unknown;
    try {
      loadConfig(routerEnvSchema, {
        NODE_ENV: 'production',
        PORT: 'eighty',
        MAX_DEPTH: '0',
        SUBGRAPH_URLS: 'account=ftp://x,=http://y',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const field of ['PORT', 'MAX_DEPTH', 'SUBGRAPH_URLS', 'OTEL_EXPORTER_OTLP_ENDPOINT'])
      expect(problems).toContain(field);
    expect((error as ConfigError).problems.length).toBeGreaterThanOrEqual(5);
  });
});
