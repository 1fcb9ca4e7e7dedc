import { join } from 'node:path';
import { graphql, type ExecutionResult } from 'graphql';
import { ZipFile } from 'yazl';
import {
  ANONYMOUS,
  FsObjectStore,
  newId,
  randomToken,
  silentLogger,
  type OperatorRole,
  type OrgRole,
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
import type { SdkSettings } from './config';
import { createSdkSubgraph, type SdkSubgraph } from './sdk.subgraph';
import { APP_MANAGE_HOST_APP_TOPIC } from './service/host-app-ownership.projection';
import { HostAppOwnershipModel } from './store/host-app-ownership.model';
import type { BaseLibraryView } from './store/views';

export interface Harness {
  runtime: TestRuntime;
  objects: FsObjectStore;
  sdk: SdkSubgraph;
  orgA: string;
  orgB: string;
  /** Principals exactly as the router forwards them. */
  ownerA: UserPrincipal;
  adminA: UserPrincipal;
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

/** Real embedded documents, in-process bus and cache, and a real filesystem object store in a temp dir. */
export async function createHarness(
  options: {
    dataDir?: string;
    settings?: Partial<SdkSettings>;
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
  const sdk = await createSdkSubgraph(runtime, { objects, settings: options.settings });
  const orgA = options.people?.orgA ?? newId();
  const orgB = options.people?.orgB ?? newId();
  return {
    runtime,
    objects,
    sdk,
    orgA,
    orgB,
    ownerA: options.people?.ownerA ?? userPrincipal([{ orgId: orgA, role: 'ORG_OWNER' }]),
    adminA: options.people?.adminA ?? userPrincipal([{ orgId: orgA, role: 'ORG_ADMIN' }]),
    developerA: options.people?.developerA ?? userPrincipal([{ orgId: orgA, role: 'ORG_DEVELOPER' }]),
    ownerB: options.people?.ownerB ?? userPrincipal([{ orgId: orgB, role: 'ORG_OWNER' }]),
    reviewer: options.people?.reviewer ?? userPrincipal([], ['OPERATOR_REVIEWER']),
    admin: options.people?.admin ?? userPrincipal([], ['OPERATOR_ADMIN']),
    dispose: async () => {
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

/** A well-formed ZIP holding nothing but a directory entry. */
export async function emptyDirectoryZip(): Promise<Buffer> {
  const zip = new ZipFile();
  zip.addEmptyDirectory('dist/', { mtime: new Date('2026-01-01T00:00:00Z') });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export function baseLibraryZip(version: string): Promise<Buffer> {
  return buildZip({
    'package.json': JSON.stringify({ version }),
    'dist/framework.js': `/* base library ${version} */`,
  });
}

export function sdkArtifactZip(label: string): Promise<Buffer> {
  return buildZip({ 'AndroidManifest.xml': '<manifest/>', 'classes.jar': Buffer.from(label) });
}

/** Uploads a base library as the operator admin (through the upload handler, as the router would). */
export async function uploadBaseLibrary(
  h: Harness,
  input: { version: string; minSdkVersion?: string; platform?: string; releaseNotes?: string },
): Promise<BaseLibraryView> {
  const response = await h.sdk.handleBaseLibraryUpload(h.admin, await baseLibraryZip(input.version), {
    contentType: 'application/zip',
    query: {
      version: input.version,
      minSdkVersion: input.minSdkVersion ?? '1.0.0',
      platform: input.platform ?? 'IOS,ANDROID',
      releaseNotes: input.releaseNotes,
    },
  });
  return response.body;
}

/** Publishes what app-manage publishes when a host app is created (same topic, type and payload shape). */
export async function announceHostApp(h: Harness, orgId: string, hostAppId = newId()): Promise<string> {
  await h.runtime.events.publish(APP_MANAGE_HOST_APP_TOPIC, {
    type: 'host-app.created',
    key: hostAppId,
    payload: { hostAppId, orgId, actorId: newId() },
  });
  await eventually(async () => {
    if ((await ownerOf(h, hostAppId)) !== orgId) throw new Error(`host app ${hostAppId} not projected yet`);
  });
  return hostAppId;
}

export async function ownerOf(h: Harness, hostAppId: string): Promise<string | null> {
  return (await h.runtime.documents.collection(HostAppOwnershipModel).findById(hostAppId))?.orgId ?? null;
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
  return graphql({ schema: h.sdk.schema, source, variableValues, contextValue: contextFor(principal) });
}

export function errorCodes(result: ExecutionResult): string[] {
  return (result.errors ?? []).map((e) =>
    String(e.extensions?.code ?? (e.originalError as { code?: string } | undefined)?.code ?? 'INTERNAL'),
  );
}

export type RecordedEvent = { type: string; key?: string; payload: Record<string, unknown> };

/** Collects what is published on a topic from now on (fresh consumer group per call). */
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
