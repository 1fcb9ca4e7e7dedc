import { createTestRuntime, type TestRuntime } from '@grove/testkit';
import { loadConfig, newId, type EnvSource, type SubgraphModule, type UserPrincipal } from '@grove/platform';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { composeSupergraph } from '../compose-supergraph';
import { routerEnvSchema, type RouterConfig } from '../config';
import { createRouter, type Router } from '../create-router';
import { createNotesSubgraph, createPeopleSubgraph } from './test-subgraphs';

export interface TestRouter {
  router: Router;
  runtime: TestRuntime;
  config: RouterConfig;
  /** http://127.0.0.1:<port> */
  base: string;
  graphqlUrl: string;
  signToken(user?: Partial<Omit<UserPrincipal, 'kind'>>): Promise<string>;
  /** POST /graphql as JSON; returns status, headers and parsed body. */
  post(body: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  body: any;
}

export interface StartTestRouterOptions {
  /** Router variables (PORT is 0 unless set). */
  env?: EnvSource;
  /** Runtime variables (e.g. CACHE_DRIVER=redis). */
  runtimeEnv?: EnvSource;
  modules?: SubgraphModule[] | ((runtime: TestRuntime) => Promise<SubgraphModule[]>);
  supergraphSdl?: string;
  spanProcessors?: SpanProcessor[];
}

/** A real router on a loopback port over the two test subgraphs, on a real (in-memory) runtime. */
export async function startTestRouter(options: StartTestRouterOptions = {}): Promise<TestRouter> {
  const runtime = await createTestRuntime({ inMemory: true, env: options.runtimeEnv });
  const modules =
    typeof options.modules === 'function'
      ? await options.modules(runtime)
      : (options.modules ?? [await createPeopleSubgraph(), await createNotesSubgraph()]);
  const config = loadConfig(routerEnvSchema, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    ...options.env,
  });
  const supergraphSdl =
    options.supergraphSdl ?? composeSupergraph(modules.map((m) => ({ name: m.name, sdl: m.sdl })));
  const router = await createRouter({
    config,
    runtime,
    modules,
    supergraphSdl,
    spanProcessors: options.spanProcessors,
  });
  const graphqlUrl = await router.listen();
  const base = graphqlUrl.replace(/\/graphql$/, '');
  return {
    router,
    runtime,
    config,
    base,
    graphqlUrl,
    signToken: (user = {}) =>
      runtime.tokens.signAccessToken({
        userId: user.userId ?? newId(),
        sessionId: user.sessionId ?? newId(),
        operatorRoles: user.operatorRoles ?? [],
        memberships: user.memberships ?? [],
      }),
    post: async (body, headers = {}) => {
      const response = await fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return readResponse(response);
    },
    close: async () => {
      await router.close();
      await Promise.all(modules.map((m) => m.close?.()));
      await runtime.dispose();
    },
  };
}

export async function readResponse(response: Response): Promise<TestResponse> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON; tests assert on the text
  }
  return { status: response.status, headers: response.headers, body };
}
