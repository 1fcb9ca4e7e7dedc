import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { graphql, type ExecutionResult } from 'graphql';
import {
  ANONYMOUS,
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
import type { DomainSettings } from './config';
import { createDomainSubgraph, type DomainSubgraph } from './domain.subgraph';
import { MINI_PROGRAM_EVENTS_TOPIC } from './projection';

export interface Harness {
  runtime: TestRuntime;
  domain: DomainSubgraph;
  orgA: string;
  orgB: string;
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

export interface HarnessOptions {
  dataDir?: string;
  settings?: Partial<DomainSettings>;
  people?: Pick<Harness, 'orgA' | 'orgB' | 'ownerA' | 'developerA' | 'ownerB' | 'reviewer' | 'admin'>;
  /** The documents driver (default: SQLite, the embedded profile's). */
  documents?: TransactionalDocumentDriver;
}

/** Real embedded documents, cache and memory bus in a temp dir. */
export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const runtime = await createTestRuntime({ dataDir: options.dataDir, documents: options.documents });
  const domain = await createDomainSubgraph(runtime, { settings: options.settings });
  const orgA = options.people?.orgA ?? newId();
  const orgB = options.people?.orgB ?? newId();
  return {
    runtime,
    domain,
    orgA,
    orgB,
    ownerA: options.people?.ownerA ?? userPrincipal([{ orgId: orgA, role: 'ORG_OWNER' }]),
    developerA: options.people?.developerA ?? userPrincipal([{ orgId: orgA, role: 'ORG_DEVELOPER' }]),
    ownerB: options.people?.ownerB ?? userPrincipal([{ orgId: orgB, role: 'ORG_OWNER' }]),
    reviewer: options.people?.reviewer ?? userPrincipal([], ['OPERATOR_REVIEWER']),
    admin: options.people?.admin ?? userPrincipal([], ['OPERATOR_ADMIN']),
    dispose: async () => {
      await domain.close();
      await runtime.dispose();
    },
  };
}

export function newAppId(): string {
  return `mp${randomBytes(8).toString('hex')}`;
}

/** Publishes a mini-program event exactly as app-manage does (topic, type, key, payload). */
export async function publishAppEvent(
  h: Harness,
  type: string,
  appId: string,
  orgId: string,
  extra: Record<string, unknown> = {},
) {
  return h.runtime.events.publish(MINI_PROGRAM_EVENTS_TOPIC, {
    type,
    key: appId,
    payload: { appId, orgId, actorId: newId(), ...extra },
  });
}

/** A mini-program of `orgId` (default org A) known to the projection, created through the event path. */
export async function createApp(h: Harness, orgId = h.orgA): Promise<string> {
  const appId = newAppId();
  await publishAppEvent(h, 'mini-program.created', appId, orgId);
  await eventually(async () => expect(await h.domain.services.miniPrograms.get(appId)).not.toBeNull());
  return appId;
}

export async function freezeApp(h: Harness, appId: string, orgId = h.orgA): Promise<void> {
  await publishAppEvent(h, 'mini-program.frozen', appId, orgId, { reason: 'abuse' });
  await eventually(async () =>
    expect((await h.domain.services.miniPrograms.get(appId))?.status).toBe('FROZEN'),
  );
}

export function contextFor(principal: Principal = ANONYMOUS): SubgraphContext {
  return { principal: { ...principal } as Principal, requestId: 'test', logger: silentLogger() };
}

export function execute(
  h: Harness,
  source: string,
  principal: Principal = ANONYMOUS,
  variableValues?: Record<string, unknown>,
): Promise<ExecutionResult> {
  return graphql({
    schema: h.domain.schema,
    source,
    variableValues,
    contextValue: contextFor(principal),
  }) as Promise<ExecutionResult>;
}

export function errorCodes(result: ExecutionResult): string[] {
  return (result.errors ?? []).map((e) =>
    String(e.extensions?.code ?? (e.originalError as { code?: string } | undefined)?.code ?? 'INTERNAL'),
  );
}

export { eventually };

export function settle(ms = 50): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export type RecordedEvent = { type: string; key?: string; payload: Record<string, unknown> };

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

/** A local HTTP server standing in for every business domain (the verifier connects to it by address). */
export interface FileServer {
  port: number;
  /** path → body; a function answers the request itself. */
  files: Map<string, string | ((req: IncomingMessage, res: ServerResponse) => void)>;
  requests: string[];
  close(): Promise<void>;
}

export async function startFileServer(): Promise<FileServer> {
  const files: FileServer['files'] = new Map();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.headers.host ?? ''}${req.url ?? ''}`);
    const entry = files.get(req.url ?? '');
    if (typeof entry === 'function') return entry(req, res);
    if (entry === undefined) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.end(entry);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    files,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Settings that send verification fetches over http to the local file server. */
export function localVerification(server: FileServer, timeoutMs = 1000): Partial<DomainSettings> {
  return {
    verifyScheme: 'http',
    verifyPort: server.port,
    verifyResolveAddress: '127.0.0.1',
    verifyTimeoutMs: timeoutMs,
    verifyMaxBytes: 1024,
  };
}
