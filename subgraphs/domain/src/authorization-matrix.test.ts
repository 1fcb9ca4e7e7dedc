import { uncoveredOperations } from '@grove/testkit';
import { graphql } from 'graphql';
import { ANONYMOUS, newId, type PlatformError, type Principal, type UserPrincipal } from '@grove/platform';
import { DomainMiniProgramModel } from './projection';
import { BusinessDomainModel } from './store/business-domain.model';
import { ServiceDomainsModel } from './store/service-domains.model';
import { WhitelistDomainModel } from './store/whitelist-domain.model';
import {
  contextFor,
  createApp,
  createHarness,
  errorCodes,
  execute,
  localVerification,
  startFileServer,
  type FileServer,
  type Harness,
} from './domain.test-support';

/**
 * Every query and mutation of the domain subgraph, for each kind of caller, against an explicit allow/deny table.
 * A denial must carry the expected code and leave every collection exactly as it was.
 */
type Who = 'anonymous' | 'ownerA' | 'ownerB' | 'reviewer' | 'admin';
const WHO: Who[] = ['anonymous', 'ownerA', 'ownerB', 'reviewer', 'admin'];
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';
const U: Outcome = 'UNAUTHENTICATED';
const F: Outcome = 'FORBIDDEN';
//         anonymous ownerA ownerB reviewer admin
type Row = [Outcome, Outcome, Outcome, Outcome, Outcome];
const ORG_A_ONLY: Row = [U, 'ok', F, F, F];
const ORG_A_OR_OPERATORS: Row = [U, 'ok', F, 'ok', 'ok'];
const OPERATORS: Row = [U, F, F, 'ok', 'ok'];
const CONFIGURERS: Row = [U, F, F, F, 'ok'];

interface Operation {
  name: string;
  source: string;
  prepare?: (h: Harness) => Promise<Record<string, unknown>>;
  expected: Row;
}

let server: FileServer;

async function pendingDomain(h: Harness): Promise<string> {
  const appId = await createApp(h);
  const added = await h.domain.services.domains.addBusinessDomain(
    h.ownerA,
    appId,
    `shop${Math.random().toString(16).slice(2, 8)}.example.com`,
  );
  server.files.set(`/${added.verificationFile.fileName}`, added.verificationFile.content);
  return added.id;
}

const OPERATIONS: Operation[] = [
  {
    name: 'miniProgramDomains',
    source: 'query($a: ID!) { miniProgramDomains(appId: $a) { appId version } }',
    prepare: async (h) => ({ a: await createApp(h) }),
    expected: ORG_A_OR_OPERATORS,
  },
  { name: 'whitelistDomains', source: '{ whitelistDomains { domain } }', expected: OPERATORS },
  {
    name: 'setServiceDomains',
    source:
      'mutation($a: ID!) { setServiceDomains(appId: $a, kind: REQUEST, domains: ["https://api.example.com"]) { version } }',
    prepare: async (h) => ({ a: await createApp(h) }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'addBusinessDomain',
    source: 'mutation($a: ID!) { addBusinessDomain(appId: $a, domain: "shop.example.com") { id status } }',
    prepare: async (h) => ({ a: await createApp(h) }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'verifyBusinessDomain',
    source: 'mutation($id: ID!) { verifyBusinessDomain(id: $id) { id status } }',
    prepare: async (h) => ({ id: await pendingDomain(h) }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'removeBusinessDomain',
    source: 'mutation($id: ID!) { removeBusinessDomain(id: $id) }',
    prepare: async (h) => ({ id: await pendingDomain(h) }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'addWhitelistDomain',
    source: 'mutation($d: String!) { addWhitelistDomain(domain: $d, note: "n") { domain } }',
    prepare: async () => ({ d: `w${Math.random().toString(16).slice(2, 8)}.example.com` }),
    expected: CONFIGURERS,
  },
  {
    name: 'removeWhitelistDomain',
    source: 'mutation($d: String!) { removeWhitelistDomain(domain: $d) }',
    prepare: async (h) => {
      const d = `w${Math.random().toString(16).slice(2, 8)}.example.com`;
      await h.domain.services.whitelist.add(h.admin, d);
      return { d };
    },
    expected: CONFIGURERS,
  },
];

async function snapshot(h: Harness): Promise<unknown[]> {
  return Promise.all(
    [DomainMiniProgramModel, ServiceDomainsModel, BusinessDomainModel, WhitelistDomainModel].map((model) =>
      h.runtime.documents.collection(model as never).find({}, { sort: { _id: 1 } }),
    ),
  );
}

describe('authorization matrix', () => {
  let h: Harness;
  let principals: Record<Who, Principal>;
  beforeAll(async () => {
    server = await startFileServer();
    h = await createHarness({ settings: localVerification(server) });
    principals = {
      anonymous: ANONYMOUS,
      ownerA: h.ownerA,
      ownerB: h.ownerB,
      reviewer: h.reviewer,
      admin: h.admin,
    };
  });
  afterAll(async () => {
    await h.dispose();
    await server.close();
  });

  it('covers every query and mutation in the schema', () => {
    expect(
      uncoveredOperations(
        h.domain.schema,
        OPERATIONS.map((op) => op.name),
      ),
    ).toEqual([]);
  });

  describe.each(OPERATIONS)('$name', (op) => {
    it.each(WHO.map((who, i) => [who, op.expected[i]] as const))('%s → %s', async (who, expected) => {
      const vars = (await op.prepare?.(h)) ?? {};
      const before = expected === 'ok' ? null : await snapshot(h);
      const result = await execute(h, op.source, principals[who], vars);
      const codes = errorCodes(result);
      expect(codes.length === 0 ? 'ok' : codes.join(',')).toBe(expected);
      if (before) expect(await snapshot(h)).toEqual(before);
    });
  });
});

/**
 * Stale-token rows (ADR 0006): a removed, demoted or frozen member and a disabled operator have a newer user epoch
 * than their token; a logged-out session has a session record. Every mutation refuses them before it runs, with
 * the context a subgraph gets from the router or from serveSubgraph (which carries the authorization gate).
 */
describe('authorization matrix: stale and revoked tokens', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.dispose());

  const mutations = OPERATIONS.filter((op) => op.source?.trimStart().startsWith('mutation'));
  it.each(mutations.map((op) => [op.name, op] as const))('%s', async (_name, op) => {
    const vars = (await op.prepare?.(h)) ?? {};
    const allowed = { ownerA: h.ownerA, ownerB: h.ownerB, reviewer: h.reviewer, admin: h.admin }[WHO[op.expected.indexOf('ok')] as Exclude<Who, 'anonymous'>] as UserPrincipal;
    const before = await snapshot(h);
    const refusal = async (principal: UserPrincipal) => {
      const error = (await gated(principal)).errors?.[0]?.originalError as PlatformError | undefined;
      return { code: error?.code, reason: error?.details?.reason };
    };
    const gated = (principal: UserPrincipal) =>
      graphql({ schema: h.domain.schema, source: op.source!, variableValues: vars, contextValue: { ...contextFor(principal), authorization: h.runtime.authorization } });

    const stale: UserPrincipal = { ...allowed, userId: newId(), authEpoch: Date.now() - 1 };
    await h.runtime.authorization.revokeUser(stale.userId);
    expect(await refusal(stale)).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_STALE' });

    const loggedOut: UserPrincipal = { ...allowed, userId: newId(), sessionId: newId(), authEpoch: Date.now() };
    await h.runtime.authorization.revokeSession(loggedOut.userId, loggedOut.sessionId);
    expect(await refusal(loggedOut)).toEqual({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    expect(await snapshot(h)).toEqual(before);
  });
});
