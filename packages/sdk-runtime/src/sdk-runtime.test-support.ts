import { join } from 'node:path';
import fastify, { type FastifyInstance } from 'fastify';
import { ZipFile } from 'yazl';
import { createAppManageSubgraph, LOCAL_SECRET_KEY_NAME, type AppManageSubgraph } from '@grove/app-manage';
import { deriveTrialTokenSecret } from '@grove/contracts';
import { createDomainSubgraph, type DomainSubgraph } from '@grove/domain';
import {
  FsObjectStore,
  loadOrCreateLocalSecret,
  newId,
  randomToken,
  UnavailableError,
  type EnvSource,
  type UserPrincipal,
} from '@grove/platform';
import { createRuleEngineSubgraph, type RuleEngineSubgraph } from '@grove/rule-engine';
import { createSdkSubgraph, type SdkSubgraph } from '@grove/sdk';
import { createTestRuntime, eventually, type TestRuntime } from '@grove/testkit';
import type { SdkRuntimeOptions } from './runtime-config';
import { signRuntimeRequest, type QueryInput } from './runtime-signature';
import { runtimeReadsFromModules, runtimeSourcesFromReads } from './runtime-sources.reads';
import type { RuntimeSources } from './runtime-sources';
import { registerSdkRuntimeRoutes, type SdkRuntimeHandle } from './sdk-runtime.routes';

/** Test and bench support: the real subgraph modules on a real test runtime, seeded through their services. */
export interface RuntimePlatform {
  runtime: TestRuntime;
  objects: FsObjectStore;
  appManage: AppManageSubgraph;
  ruleEngine: RuleEngineSubgraph;
  domain: DomainSubgraph;
  sdk: SdkSubgraph;
  sources: RuntimeSources;
  orgId: string;
  owner: UserPrincipal;
  reviewer: UserPrincipal;
  admin: UserPrincipal;
  dispose(): Promise<void>;
}

export interface HostAppKeys {
  hostAppId: string;
  sdkKey: string;
  sdkSecret: string;
}

export function userPrincipal(
  memberships: UserPrincipal['memberships'],
  operatorRoles: UserPrincipal['operatorRoles'] = [],
): UserPrincipal {
  return { kind: 'user', userId: newId(), sessionId: newId(), operatorRoles, memberships };
}

const noSearchService = async (): Promise<never> => {
  throw new UnavailableError('No search service runs in this test platform');
};
/** The search reads where no search service runs (the router's runtime search test covers them). */
const NO_SEARCH = {
  searchApplets: noSearchService,
  searchHotWords: noSearchService,
  searchClicked: noSearchService,
};

export async function createRuntimePlatform(
  options: { env?: EnvSource; durableTopics?: readonly string[] } = {},
): Promise<RuntimePlatform> {
  const runtime = await createTestRuntime({
    env: options.env,
    inMemory: true,
    durableTopics: options.durableTopics,
  });
  const objects = await FsObjectStore.open({
    rootDir: join(runtime.dataDir, 'objects'),
    publicBaseUrl: 'http://127.0.0.1:4000',
    urlSigningSecret: 'test-url-signing-secret-of-sufficient-length',
  });
  const appManage = await createAppManageSubgraph(runtime, { objects });
  const ruleEngine = await createRuleEngineSubgraph(runtime);
  const domain = await createDomainSubgraph(runtime);
  const sdk = await createSdkSubgraph(runtime, { objects });
  const orgId = newId();
  return {
    runtime,
    objects,
    appManage,
    ruleEngine,
    domain,
    sdk,
    // No account module here: no organization is frozen unless a test says otherwise. No search service either.
    sources: runtimeSourcesFromReads(
      runtimeReadsFromModules([appManage, ruleEngine, domain, sdk], {
        organizationFrozen: async () => false,
        ...NO_SEARCH,
      }),
    ),
    orgId,
    owner: userPrincipal([{ orgId, role: 'ORG_OWNER' }]),
    reviewer: userPrincipal([], ['OPERATOR_REVIEWER']),
    admin: userPrincipal([], ['OPERATOR_ADMIN']),
    async dispose() {
      await ruleEngine.close();
      await domain.close();
      await sdk.close?.();
      await objects.close();
      await runtime.dispose();
    },
  };
}

export async function buildZip(entries: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, data] of Object.entries(entries)) {
    zip.addBuffer(typeof data === 'string' ? Buffer.from(data) : data, name, {
      mtime: new Date('2026-01-01T00:00:00Z'),
    });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** A valid W3C MiniApp package (manifest, app.js, app.css, one page). */
export function miniAppPackage(appId: string, versionName: string, versionCode: number): Promise<Buffer> {
  return buildZip({
    'manifest.json': JSON.stringify({
      app_id: appId,
      name: 'Runtime demo',
      version: { code: versionCode, name: versionName },
      platform_version: { min_code: 3 },
      pages: ['pages/index/index'],
      icons: [{ src: 'images/icon.png' }],
    }),
    'app.js': `App({ version: '${versionName}' })`,
    'app.css': 'page { color: #333 }',
    'pages/index/index.html': `<view>hello ${versionName}</view>`,
    'images/icon.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
  });
}

let versionSeq = 0;

export async function createMiniProgram(
  p: RuntimePlatform,
  name = `Runtime ${randomToken(4)}`,
): Promise<string> {
  const app = await p.appManage.services.miniPrograms.create(p.owner, {
    orgId: p.orgId,
    name,
    category: 'tools',
    tags: [],
  });
  return app.appId;
}

/** Upload → submit → approve through the real services; returns the APPROVED version. */
export async function approvedVersion(p: RuntimePlatform, appId: string) {
  const seq = ++versionSeq;
  const name = `1.0.${seq}`;
  const { versions } = p.appManage.services;
  const uploaded = await versions.upload(p.owner, {
    appId,
    versionName: name,
    zip: await miniAppPackage(appId, name, seq),
  });
  await versions.submit(p.owner, uploaded.id);
  return versions.approve(p.reviewer, uploaded.id);
}

export async function publishedApplet(p: RuntimePlatform): Promise<{ appId: string; versionId: string }> {
  const appId = await createMiniProgram(p);
  const version = await approvedVersion(p, appId);
  await p.appManage.services.versions.publish(p.owner, version.id);
  return { appId, versionId: version.id };
}

export async function linkedHostApp(p: RuntimePlatform, appIds: string[]): Promise<HostAppKeys> {
  const created = await p.appManage.services.hostApps.create(p.owner, {
    orgId: p.orgId,
    name: `Host ${randomToken(4)}`,
    iosBundleIds: ['com.example.host'],
  });
  for (const appId of appIds) await p.appManage.services.links.link(p.owner, created.hostApp.id, appId);
  return { hostAppId: created.hostApp.id, sdkKey: created.sdkKey, sdkSecret: created.sdkSecret };
}

export interface RuntimeServer {
  app: FastifyInstance;
  handle: SdkRuntimeHandle;
  baseUrl: string;
  close(): Promise<void>;
}

/** A real fastify server with the runtime routes, listening on an ephemeral loopback port. */
export async function startRuntimeServer(
  p: Pick<RuntimePlatform, 'runtime' | 'objects' | 'sources'>,
  options: SdkRuntimeOptions = {},
): Promise<RuntimeServer> {
  const app = fastify({ logger: false });
  const handle = await registerSdkRuntimeRoutes(
    app,
    { runtime: p.runtime, objects: p.objects, sources: p.sources },
    options,
  );
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, handle, baseUrl, close: () => app.close() };
}

/** Signs and sends a GET like an SDK would; `query` goes on the URL exactly as signed. */
export function signedGet(
  server: Pick<RuntimeServer, 'baseUrl'>,
  keys: Pick<HostAppKeys, 'sdkKey' | 'sdkSecret'>,
  path: string,
  query: Record<string, string> = {},
  extra: {
    headers?: Record<string, string>;
    timestamp?: number;
    nonce?: string;
    redirect?: 'manual' | 'follow';
  } = {},
): Promise<Response> {
  const search = new URLSearchParams(query).toString();
  const headers = signRuntimeRequest({
    sdkKey: keys.sdkKey,
    secret: keys.sdkSecret,
    path,
    query: search as QueryInput,
    timestamp: extra.timestamp,
    nonce: extra.nonce,
  });
  return fetch(`${server.baseUrl}${path}${search ? `?${search}` : ''}`, {
    headers: { ...headers, ...extra.headers },
    redirect: extra.redirect ?? 'manual',
  });
}

/** The key app-manage signs trial grants with on this platform (no TRIAL_TOKEN_SECRET: derived from its local key). */
export function trialGrantSecret(p: Pick<RuntimePlatform, 'runtime'>): string {
  return deriveTrialTokenSecret(loadOrCreateLocalSecret(p.runtime.config.DATA_DIR, LOCAL_SECRET_KEY_NAME));
}

export { eventually };
