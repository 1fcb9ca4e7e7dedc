import { join } from 'node:path';
import { graphql, type ExecutionResult } from 'graphql';
import { ZipFile } from 'yazl';
import {
  ANONYMOUS,
  FsObjectStore,
  newId,
  randomToken,
  silentLogger,
  type OrgRole,
  type OperatorRole,
  type Principal,
  type SubgraphContext,
  type UserPrincipal,
} from '@grove/platform';
import {
  createTestRuntime,
  eventually,
  type TransactionalDocumentDriver,
  type TestRuntime,
} from '@grove/testkit';
import { createAppManageSubgraph, type AppManageSubgraph } from './app-manage.subgraph';
import type { AppManageSettings } from './config';
import type { LicenseGuard } from './service/mini-program.service';
import type { VersionView } from './store/views';

export interface Harness {
  runtime: TestRuntime;
  objects: FsObjectStore;
  app: AppManageSubgraph;
  orgA: string;
  orgB: string;
  /** Principals exactly as the router forwards them (built from verified access tokens). */
  ownerA: UserPrincipal;
  developerA: UserPrincipal;
  ownerB: UserPrincipal;
  reviewer: UserPrincipal;
  admin: UserPrincipal;
  dispose(): Promise<void>;
}

export function userPrincipal(
  memberships: Array<{ orgId: string; role: OrgRole }>,
  operatorRoles: OperatorRole[] = [],
): UserPrincipal {
  return { kind: 'user', userId: newId(), sessionId: newId(), operatorRoles, memberships };
}

/** Real embedded documents and a real filesystem object store in a temp dir. */
export async function createHarness(
  options: {
    dataDir?: string;
    settings?: Partial<AppManageSettings>;
    license?: LicenseGuard;
    people?: Partial<Harness>;
    /** The documents driver (default: SQLite, the embedded profile's). */
    documents?: TransactionalDocumentDriver;
  } = {},
): Promise<Harness> {
  const runtime = await createTestRuntime({ dataDir: options.dataDir, documents: options.documents });
  const objects = await FsObjectStore.open({
    rootDir: join(runtime.dataDir, 'objects'),
    publicBaseUrl: 'http://localhost:4000',
    urlSigningSecret: 'test-url-signing-secret-of-sufficient-length',
  });
  const app = await createAppManageSubgraph(runtime, {
    objects,
    license: options.license,
    settings: options.settings,
  });
  const orgA = options.people?.orgA ?? newId();
  const orgB = options.people?.orgB ?? newId();
  return {
    runtime,
    objects,
    app,
    orgA,
    orgB,
    ownerA: options.people?.ownerA ?? userPrincipal([{ orgId: orgA, role: 'ORG_OWNER' }]),
    developerA: options.people?.developerA ?? userPrincipal([{ orgId: orgA, role: 'ORG_DEVELOPER' }]),
    ownerB: options.people?.ownerB ?? userPrincipal([{ orgId: orgB, role: 'ORG_OWNER' }]),
    reviewer: options.people?.reviewer ?? userPrincipal([], ['OPERATOR_REVIEWER']),
    admin: options.people?.admin ?? userPrincipal([], ['OPERATOR_ADMIN']),
    dispose: async () => {
      await app.close?.();
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

/** A valid W3C MiniApp package for the given app id. */
export function w3cPackage(appId: string, versionName = '1.0.0', versionCode = 1): Promise<Buffer> {
  const manifest = {
    app_id: appId,
    name: 'Demo',
    version: { code: versionCode, name: versionName },
    platform_version: { min_code: 3 },
    pages: ['pages/index/index'],
    icons: [{ src: 'images/icon.png' }],
  };
  return buildZip({
    'manifest.json': JSON.stringify(manifest),
    'app.js': 'App({})',
    'app.css': 'page { color: #333 }',
    'pages/index/index.html': '<view>hello</view>',
    'images/icon.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
  });
}

let versionSeq = 0;

export async function createApp(
  h: Harness,
  name = `App ${randomToken(4)}`,
  owner: Principal = h.ownerA,
  orgId = h.orgA,
) {
  return h.app.services.miniPrograms.create(owner, { orgId, name, category: 'tools', tags: ['demo'] });
}

/** Uploads a fresh version (unique name) of the app as its owner. */
export async function uploadVersion(
  h: Harness,
  appId: string,
  owner: Principal = h.ownerA,
): Promise<VersionView> {
  const name = `1.0.${++versionSeq}`;
  return h.app.services.versions.upload(owner, {
    appId,
    versionName: name,
    zip: await w3cPackage(appId, name, versionSeq),
  });
}

/** A version brought to APPROVED through the real transitions. */
export async function approvedVersion(
  h: Harness,
  appId: string,
  owner: Principal = h.ownerA,
): Promise<VersionView> {
  const v = await uploadVersion(h, appId, owner);
  await h.app.services.versions.submit(owner, v.id);
  return h.app.services.versions.approve(h.reviewer, v.id);
}

export async function publishedVersion(
  h: Harness,
  appId: string,
  owner: Principal = h.ownerA,
): Promise<VersionView> {
  const v = await approvedVersion(h, appId, owner);
  return h.app.services.versions.publish(owner, v.id);
}

export function contextFor(principal: Principal = ANONYMOUS): SubgraphContext {
  return { principal: { ...principal } as Principal, requestId: 'test', logger: silentLogger() };
}

export async function execute(
  h: Harness,
  source: string,
  principal: Principal = ANONYMOUS,
  variableValues?: Record<string, unknown>,
): Promise<ExecutionResult> {
  return graphql({ schema: h.app.schema, source, variableValues, contextValue: contextFor(principal) });
}

export function errorCodes(result: ExecutionResult): string[] {
  return (result.errors ?? []).map((e) =>
    String(e.extensions?.code ?? (e.originalError as { code?: string } | undefined)?.code ?? 'INTERNAL'),
  );
}

export type RecordedEvent = { type: string; key?: string; payload: Record<string, unknown> };

/** Collects what this subgraph publishes on a topic (fresh consumer group per call). */
export async function recordEvents(h: Harness, topic: string): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  await h.runtime.events.subscribe<Record<string, unknown>>(
    topic,
    `test-${randomToken(6)}`,
    async (event) => {
      seen.push({ type: event.type, key: event.key, payload: event.payload });
    },
  );
  return seen;
}

export { eventually };

/** Lets in-flight deliveries of the memory bus land before asserting that nothing more arrived. */
export function settle(ms = 50): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
