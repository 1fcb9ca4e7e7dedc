import { join } from 'node:path';
import type { Socket } from 'node:net';
import { createAppManageSubgraph, type AppManageSubgraph } from '@grove/app-manage';
import { createDomainSubgraph, type DomainSubgraph } from '@grove/domain';
import {
  FsObjectStore,
  loadConfig,
  newId,
  serveSubgraph,
  silentLogger,
  UnavailableError,
  type EnvSource,
  type RunningSubgraph,
  type UserPrincipal,
} from '@grove/platform';
import { createRuleEngineSubgraph, type RuleEngineSubgraph } from '@grove/rule-engine';
import { createSdkSubgraph, type SdkSubgraph } from '@grove/sdk';
import { createTestRuntime, type TestRuntime } from '@grove/testkit';
import { composeSupergraph } from '../compose-supergraph';
import { routerEnvSchema } from '../config';
import { createRouter, type Router } from '../create-router';
import { mountSdkRuntime } from '../sdk-runtime.mount';
import type { UploadProxyRoute } from '../upload-proxy.routes';
import { createNotesSubgraph, createPeopleSubgraph } from './test-subgraphs';

const noSearchService = async (): Promise<never> => {
  throw new UnavailableError('No search service runs in this fixture');
};

const URL_SECRET = 'test-url-signing-secret-of-sufficient-length';
/** Small limits so tests can go over them cheaply. */
export const TEST_MAX_PACKAGE_BYTES = 256 * 1024;

/** The real app-manage, sdk, rule-engine and domain modules on one test runtime and one fs object store. */
export interface RestPlatform {
  runtime: TestRuntime;
  objects: FsObjectStore;
  appManage: AppManageSubgraph;
  sdk: SdkSubgraph;
  ruleEngine: RuleEngineSubgraph;
  domain: DomainSubgraph;
  orgId: string;
  owner: UserPrincipal;
  dispose(): Promise<void>;
}

export async function createRestPlatform(): Promise<RestPlatform> {
  const runtime = await createTestRuntime({ inMemory: true });
  const objects = await FsObjectStore.open({
    rootDir: join(runtime.dataDir, 'objects'),
    publicBaseUrl: 'http://127.0.0.1:4000',
    urlSigningSecret: URL_SECRET,
  });
  const appManage = await createAppManageSubgraph(runtime, {
    objects,
    settings: { maxPackageBytes: TEST_MAX_PACKAGE_BYTES },
  });
  const sdk = await createSdkSubgraph(runtime, { objects });
  const ruleEngine = await createRuleEngineSubgraph(runtime);
  const domain = await createDomainSubgraph(runtime);
  const orgId = newId();
  return {
    runtime,
    objects,
    appManage,
    sdk,
    ruleEngine,
    domain,
    orgId,
    owner: {
      kind: 'user',
      userId: newId(),
      sessionId: newId(),
      operatorRoles: [],
      memberships: [{ orgId, role: 'ORG_OWNER' }],
    },
    async dispose() {
      await Promise.all([appManage.close?.(), sdk.close?.(), ruleEngine.close?.(), domain.close?.()]);
      await objects.close();
      await runtime.dispose();
    },
  };
}

export interface RestRouter {
  router: Router;
  base: string;
  /** Bytes the router read from every connection it accepted (closed or open). */
  bytesRead(): number;
  close(): Promise<void>;
}

/**
 * A real router over the platform: embedded (the four modules in process, plus the two test subgraphs the
 * supergraph is composed of) or distributed (uploads forwarded to app-manage and sdk served by serveSubgraph on
 * their own ports). Both mount the SDK runtime and `/objects/...` like `npm start` does.
 */
export async function startRestRouter(
  p: RestPlatform,
  options: { env?: EnvSource; mode?: 'embedded' | 'distributed'; uploadRoutes?: UploadProxyRoute[] } = {},
): Promise<RestRouter> {
  const testSubgraphs = [await createPeopleSubgraph(), await createNotesSubgraph()];
  const supergraphSdl = composeSupergraph(testSubgraphs.map((m) => ({ name: m.name, sdl: m.sdl })));
  const services: RunningSubgraph[] = [];
  let env: EnvSource = { NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', ...options.env };
  if (options.mode === 'distributed') {
    for (const module of [p.appManage, p.sdk])
      services.push(
        await serveSubgraph({ module, tokens: p.runtime.tokens, logger: silentLogger(), port: 0 }),
      );
    const [appManage, sdk] = services.map((s) => s.url);
    // The test subgraphs are never queried here; the gateway only needs URLs for them.
    env = {
      ...env,
      SUBGRAPH_MODE: 'distributed',
      SUBGRAPH_URLS: `people=http://127.0.0.1:9/graphql,notes=http://127.0.0.1:9/graphql,app-manage=${appManage},sdk=${sdk}`,
    };
  }
  const modules = options.mode === 'distributed' ? [] : [...testSubgraphs, p.appManage, p.sdk];
  const config = loadConfig(routerEnvSchema, env);
  const router = await createRouter({
    config,
    runtime: p.runtime,
    modules,
    supergraphSdl,
    uploadRoutes: options.uploadRoutes,
  });
  const sockets = new Set<Socket>();
  router.app.server.on('connection', (socket: Socket) => sockets.add(socket));
  await mountSdkRuntime(
    router.app,
    p.runtime,
    // No account module in this fixture: no organization is frozen; no search module: searches answer UNAVAILABLE.
    [
      p.appManage,
      p.sdk,
      p.ruleEngine,
      p.domain,
      {
        runtimeReads: {
          organizationFrozen: async () => false,
          searchApplets: noSearchService,
          searchHotWords: noSearchService,
          searchClicked: noSearchService,
        },
      },
    ],
    {
      NODE_ENV: 'test',
      DATA_DIR: p.runtime.dataDir,
      OBJECT_STORE_DIR: join(p.runtime.dataDir, 'objects'),
      OBJECT_URL_SECRET: URL_SECRET,
    },
    {
      consumeClient: (ip) => router.rateLimits.consumeIp(ip),
      consumeHostApp: (id) => router.rateLimits.consumeHostApp(id),
    },
  );
  const base = (await router.listen()).replace(/\/graphql$/, '');
  return {
    router,
    base,
    bytesRead: () => [...sockets].reduce((sum, socket) => sum + socket.bytesRead, 0),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await router.close();
      // app.close only: the modules belong to the platform, which disposes them.
      await Promise.all(services.map((s) => s.app.close()));
    },
  };
}

/** A valid W3C MiniApp package for the app: the one app-manage's own tests upload. */
export { w3cPackage as miniAppPackage } from '../../../subgraphs/app-manage/src/app-manage.test-support';
