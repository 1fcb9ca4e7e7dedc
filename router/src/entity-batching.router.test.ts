import { join } from 'node:path';
import { MembershipModel, OrganizationModel, OrganizationStatus, UserModel } from '@grove/account';
import { MiniProgramModel, MiniProgramStatus } from '@grove/app-manage';
import { DomainMiniProgramModel } from '@grove/domain';
import {
  loadConfig,
  newId,
  OperatorRole,
  OrgRole,
  serveSubgraph,
  silentLogger,
  type DocumentCollection,
  type DocumentStore,
  type PlatformRuntime,
  type RunningSubgraph,
  type UserPrincipal,
} from '@grove/platform';
import { createTestRuntime } from '@grove/testkit';
import { routerEnvSchema } from './config';
import { createRouter, readSupergraph } from './create-router';
import { subgraphFactories, type RegisteredSubgraphModule } from './subgraph-registry';
import { startTestRouter } from './test-support/router-harness';

/**
 * Issue 8 item 2: a page of 100 mini-programs with `organization` and `domains` used to cost 100 reads of the same
 * organization in account and 400 reads in domain. Every subgraph here runs on the same real (SQLite) runtime, but
 * sees it through a wrapper that counts document reads per subgraph, collection and method; embedded (one context
 * per gateway fetch) and distributed (every subgraph on its own port, one context per HTTP request).
 */
const READS = ['find', 'findById', 'findOne', 'count'] as const;

function countingCollection<T extends object>(collection: T, count: (method: string) => void): T {
  return new Proxy(collection, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (!(READS as readonly PropertyKey[]).includes(property)) return value.bind(target);
      return (...args: unknown[]) => {
        count(String(property));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

function countingRuntime(
  runtime: PlatformRuntime,
  subgraph: string,
  reads: Map<string, number>,
): PlatformRuntime {
  const count = (collection: string) => (method: string) => {
    const key = `${subgraph} ${collection} ${method}`;
    reads.set(key, (reads.get(key) ?? 0) + 1);
  };
  const documents = new Proxy(runtime.documents, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (property === 'collection') {
        return (model: { name: string }) =>
          countingCollection(
            (target.collection as (m: unknown) => DocumentCollection<never>)(model),
            count(model.name),
          );
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as DocumentStore;
  return new Proxy(runtime, {
    get: (target, property) => (property === 'documents' ? documents : Reflect.get(target, property, target)),
  });
}

const reads = new Map<string, number>();
const orgId = newId();
const appId = (n: number) => `mp${(0x1000000000000000n + BigInt(n)).toString(16)}`;
const appIds = Array.from({ length: 100 }, (_, i) => appId(i));
/** Ten more organizations with ten mini-programs each, for the operator's cross-organization page. */
const otherOrgIds = Array.from({ length: 10 }, () => newId());
/** A stored user (with one membership) for `me`. */
const userId = newId();
const SUPERGRAPH = join(__dirname, '..', '..', 'schema', 'supergraph.graphql');
const LIMITS = { RATE_LIMIT_USER_POINTS: '100000', RATE_LIMIT_IP_POINTS: '100000' };

async function seed(documents: DocumentStore): Promise<void> {
  const now = new Date();
  await documents.collection(UserModel).insertOne({
    _id: userId,
    email: 'batch@example.com',
    displayName: 'Batch',
    passwordHash: 'x',
    operatorRoles: [],
    disabled: false,
  } as never);
  await documents
    .collection(MembershipModel)
    .insertOne({ _id: newId(), orgId, userId, role: OrgRole.ORG_OWNER } as never);
  for (const [i, id] of [orgId, ...otherOrgIds].entries()) {
    await documents.collection(OrganizationModel).insertOne({
      _id: id,
      name: i === 0 ? 'Batch Org' : `Other Org ${i}`,
      creditCode: `91350100M000100Y${String(i).padStart(2, '0')}`,
      contactName: 'Li',
      contactPhone: '+8613800138000',
      licenceDocumentRef: 'uploads/licences/batch.pdf',
      status: OrganizationStatus.APPROVED,
      frozen: false,
      applicantId: 'u-applicant',
      submittedAt: now,
      ownerCount: 1,
    } as never);
  }
  const apps = [
    ...appIds.map((id) => [id, orgId] as const),
    ...Array.from({ length: 100 }, (_, i) => [appId(1000 + i), otherOrgIds[i % 10]!] as const),
  ];
  for (const [i, [id, owner]] of apps.entries()) {
    await documents.collection(MiniProgramModel).insertOne({
      _id: id,
      orgId: owner,
      name: `App ${i}`,
      tags: [],
      status: MiniProgramStatus.ACTIVE,
      createdBy: 'u-applicant',
    } as never);
    await documents
      .collection(DomainMiniProgramModel)
      .insertOne({ _id: id, orgId: owner, status: 'ACTIVE', lastEventAt: now.toISOString() } as never);
  }
}

interface Platform {
  post(body: unknown, token: string): Promise<{ status: number; body: any }>;
  signToken(user: Partial<Omit<UserPrincipal, 'kind'>>): Promise<string>;
  close(): Promise<void>;
}

async function embedded(): Promise<Platform> {
  const t = await startTestRouter({
    env: LIMITS,
    supergraphSdl: readSupergraph(SUPERGRAPH),
    modules: async (runtime) => {
      const modules: RegisteredSubgraphModule[] = [];
      for (const [name, factory] of Object.entries(subgraphFactories))
        modules.push(
          await factory(countingRuntime(runtime, name, reads), { PASSWORD_HASH_COST: '10' }, modules),
        );
      return modules;
    },
  });
  await seed(t.runtime.documents);
  return {
    post: (body, token) => t.post(body, { authorization: `Bearer ${token}` }),
    signToken: (user) => t.signToken(user),
    close: () => t.close(),
  };
}

async function distributed(): Promise<Platform> {
  const runtime = await createTestRuntime({ inMemory: true });
  const modules: RegisteredSubgraphModule[] = [];
  const services: RunningSubgraph[] = [];
  for (const [name, factory] of Object.entries(subgraphFactories)) {
    const module = await factory(
      countingRuntime(runtime, name, reads),
      { PASSWORD_HASH_COST: '10' },
      modules,
    );
    modules.push(module);
    services.push(
      await serveSubgraph({
        module,
        tokens: runtime.tokens,
        logger: silentLogger(),
        port: 0,
        authorization: runtime.authorization,
      }),
    );
  }
  const config = loadConfig(routerEnvSchema, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    METRICS_PORT: '0',
    SUBGRAPH_MODE: 'distributed',
    SUBGRAPH_URLS: modules.map((m, i) => `${m.name}=${services[i]!.url}`).join(','),
    ...LIMITS,
  });
  const router = await createRouter({
    config,
    runtime,
    modules: [],
    supergraphSdl: readSupergraph(SUPERGRAPH),
    uploadRoutes: [],
  });
  const url = await router.listen();
  await seed(runtime.documents);
  return {
    post: async (body, token) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    signToken: (user) =>
      runtime.tokens.signAccessToken({
        userId: user.userId ?? newId(),
        sessionId: user.sessionId ?? newId(),
        operatorRoles: user.operatorRoles ?? [],
        memberships: user.memberships ?? [],
      }),
    close: async () => {
      await router.close();
      for (const service of services) await service.stop();
      await runtime.dispose();
    },
  };
}

const PAGE = `query($orgId: ID!) {
  miniPrograms(orgId: $orgId, take: 100) {
    total
    items { id name organization { id name } domains { request download } }
  }
}`;

/** Reads of the last request, each `subgraph collection method` expected exactly once. */
function expectOneReadEach(): Record<string, number> {
  const counted = Object.fromEntries([...reads.entries()].sort());
  for (const [key, n] of Object.entries(counted)) expect(`${key}: ${n}`).toBe(`${key}: 1`);
  return counted;
}

describe.each([
  ['embedded', embedded],
  ['distributed', distributed],
])('batched entity loads (%s)', (_mode, start) => {
  let p: Platform;
  beforeAll(async () => {
    p = await start();
  }, 60_000);
  afterAll(async () => {
    await p?.close();
  });

  it('a page of 100 mini-programs with organization and domains costs at most one read per subgraph and entity type', async () => {
    const token = await p.signToken({ memberships: [{ orgId, role: OrgRole.ORG_OWNER }] });
    reads.clear();
    const res = await p.post({ query: PAGE, variables: { orgId } }, token);
    expect(res.body.errors).toBeUndefined();
    const items = res.body.data.miniPrograms.items as Array<{
      id: string;
      organization: { name: string };
      domains: { request: string[] } | null;
    }>;
    expect(items).toHaveLength(100);
    expect(
      items.every((item) => item.organization.name === 'Batch Org' && Array.isArray(item.domains?.request)),
    ).toBe(true);
    // app-manage: the page and its total; account: the organization; domain: ownerships, service lists, business domains.
    expect(expectOneReadEach()).toMatchObject({
      'app-manage MiniProgramModel find': 1,
      'app-manage MiniProgramModel count': 1,
      'domain DomainMiniProgramModel find': 1,
      'domain ServiceDomainsModel find': 1,
      'domain BusinessDomainModel find': 1,
    });
  });

  it("an operator's page of 100 mini-programs of ten organizations reads the organizations once, in one batch", async () => {
    const token = await p.signToken({ operatorRoles: [OperatorRole.OPERATOR_REVIEWER] });
    reads.clear();
    const res = await p.post(
      { query: '{ miniPrograms(take: 100) { items { id organization { id name } domains { request } } } }' },
      token,
    );
    expect(res.body.errors).toBeUndefined();
    const items = res.body.data.miniPrograms.items as Array<{ organization: { name: string } }>;
    expect(items).toHaveLength(100);
    expect(new Set(items.map((item) => item.organization.name)).size).toBeGreaterThan(5);
    expect(expectOneReadEach()).toMatchObject({ 'account OrganizationModel find': 1 });
  });

  it('`me` reads the user once, and the memberships only when they are asked for', async () => {
    const token = await p.signToken({ userId, memberships: [{ orgId, role: OrgRole.ORG_OWNER }] });
    reads.clear();
    const plain = await p.post({ query: '{ me { user { id email } permissions } }' }, token);
    expect(plain.body.errors).toBeUndefined();
    expect(plain.body.data.me.user.email).toBe('batch@example.com');
    expect(Object.fromEntries(reads)).toEqual({ 'account UserModel findById': 1 });

    reads.clear();
    const full = await p.post({ query: '{ me { user { id } memberships { orgId role } } }' }, token);
    expect(full.body.errors).toBeUndefined();
    expect(full.body.data.me.memberships).toEqual([{ orgId, role: 'ORG_OWNER' }]);
    expect(expectOneReadEach()).toEqual({
      'account UserModel findById': 1,
      'account MembershipModel find': 1,
    });
  });
});
