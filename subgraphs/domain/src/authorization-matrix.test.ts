import {
  describeAuthorizationMatrix,
  F,
  httpRoutesOf,
  U,
  type MatrixOperation,
  type MatrixRow,
} from '@grove/testkit';
import { DomainMiniProgramModel } from './projection';
import { BusinessDomainModel } from './store/business-domain.model';
import { ServiceDomainsModel } from './store/service-domains.model';
import { WhitelistDomainModel } from './store/whitelist-domain.model';
import {
  createApp,
  createHarness,
  localVerification,
  startFileServer,
  userPrincipal,
  type FileServer,
  type Harness,
} from './domain.test-support';

/**
 * Every query, mutation, field resolver and entity of the domain subgraph, for each kind of caller (permissions from
 * packages/platform/src/auth/access-policy.ts: miniprogram:read and :write are every org role's, reviewers read).
 */
type H = Harness & { server: FileServer };

//                                  anonymous ownerA adminA developerA ownerB reviewer admin
const READERS_A: MatrixRow = /*  */ [U, 'ok', 'ok', 'ok', F, 'ok', 'ok'];
const WRITERS_A: MatrixRow = /*  */ [U, 'ok', 'ok', 'ok', F, F, F];
const REVIEWERS: MatrixRow = /*  */ [U, F, F, F, F, 'ok', 'ok'];
const CONFIGURERS: MatrixRow = /**/ [U, F, F, F, F, F, 'ok'];
/** `_entities` hides what the caller may not read: a null entity, no error. */
const ENTITY_READERS_A: MatrixRow = ['null', 'ok', 'ok', 'ok', 'null', 'ok', 'ok'];
const ENTITY_READERS_B: MatrixRow = ['null', 'null', 'null', 'null', 'ok', 'ok', 'ok'];

const unique = () => Math.random().toString(16).slice(2, 8);

async function pendingDomain(h: H, orgId = h.orgA): Promise<string> {
  const appId = await createApp(h, orgId);
  const owner = orgId === h.orgA ? h.ownerA : h.ownerB;
  const added = await h.domain.services.domains.addBusinessDomain(
    owner,
    appId,
    `shop${unique()}.example.com`,
  );
  h.server.files.set(`/${added.verificationFile.fileName}`, added.verificationFile.content);
  return added.id;
}

const ENTITY_DOMAINS = `query($a: ID!) { _entities(representations: [{ __typename: "MiniProgram", id: $a }]) {
  ... on MiniProgram { id domains { appId version businessDomains { id } } } } }`;

const OPERATIONS: MatrixOperation<H>[] = [
  {
    name: 'miniProgramDomains',
    source: 'query($a: ID!) { miniProgramDomains(appId: $a) { appId version } }',
    prepare: async (h) => ({ a: await createApp(h) }),
    expected: READERS_A,
  },
  { name: 'whitelistDomains', source: '{ whitelistDomains { domain } }', expected: REVIEWERS },
  {
    // Also covers MiniProgram.domains, the field resolver behind it.
    name: '_entities(MiniProgram)',
    source: ENTITY_DOMAINS,
    prepare: async (h) => ({ a: await createApp(h) }),
    expected: ENTITY_READERS_A,
  },
  {
    name: '_entities(MiniProgram)',
    label: "_entities with org B's mini-program",
    source: ENTITY_DOMAINS,
    prepare: async (h) => ({ a: await createApp(h, h.orgB) }),
    expected: ENTITY_READERS_B,
  },
  {
    name: 'setServiceDomains',
    source:
      'mutation($a: ID!) { setServiceDomains(appId: $a, kind: REQUEST, domains: ["https://api.example.com"]) { version } }',
    prepare: async (h) => ({ a: await createApp(h) }),
    expected: WRITERS_A,
  },
  {
    name: 'setServiceDomains',
    label: "setServiceDomains on org B's mini-program",
    source:
      'mutation($a: ID!) { setServiceDomains(appId: $a, kind: SOCKET, domains: ["wss://ws.example.com"]) { version } }',
    prepare: async (h) => ({ a: await createApp(h, h.orgB) }),
    expected: [U, F, F, F, 'ok', F, F],
  },
  {
    name: 'addBusinessDomain',
    source: 'mutation($a: ID!) { addBusinessDomain(appId: $a, domain: "shop.example.com") { id status } }',
    prepare: async (h) => ({ a: await createApp(h) }),
    expected: WRITERS_A,
  },
  {
    name: 'verifyBusinessDomain',
    source: 'mutation($id: ID!) { verifyBusinessDomain(id: $id) { id status } }',
    prepare: async (h) => ({ id: await pendingDomain(h) }),
    expected: WRITERS_A,
  },
  {
    name: 'removeBusinessDomain',
    source: 'mutation($id: ID!) { removeBusinessDomain(id: $id) }',
    prepare: async (h) => ({ id: await pendingDomain(h) }),
    expected: WRITERS_A,
  },
  {
    name: 'removeBusinessDomain',
    label: "removeBusinessDomain with org B's business domain id",
    source: 'mutation($id: ID!) { removeBusinessDomain(id: $id) }',
    prepare: async (h) => ({ id: await pendingDomain(h, h.orgB) }),
    expected: [U, F, F, F, 'ok', F, F],
  },
  {
    name: 'addWhitelistDomain',
    source: 'mutation($d: String!) { addWhitelistDomain(domain: $d, note: "n") { domain } }',
    prepare: async () => ({ d: `w${unique()}.example.com` }),
    expected: CONFIGURERS,
  },
  {
    name: 'removeWhitelistDomain',
    source: 'mutation($d: String!) { removeWhitelistDomain(domain: $d) }',
    prepare: async (h) => {
      const d = `w${unique()}.example.com`;
      await h.domain.services.whitelist.add(h.admin, d);
      return { d };
    },
    expected: CONFIGURERS,
  },
];

describeAuthorizationMatrix<H>({
  subgraph: 'domain',
  harness: async () => {
    const server = await startFileServer();
    return { ...(await createHarness({ settings: localVerification(server) })), server };
  },
  dispose: async (h) => {
    await h.dispose();
    await h.server.close();
  },
  schema: (h) => h.domain.schema,
  principals: (h) => ({
    ownerA: h.ownerA,
    adminA: userPrincipal([{ orgId: h.orgA, role: 'ORG_ADMIN' }]),
    developerA: h.developerA,
    ownerB: h.ownerB,
    reviewer: h.reviewer,
    admin: h.admin,
  }),
  operations: OPERATIONS,
  snapshot: (h) =>
    Promise.all(
      [DomainMiniProgramModel, ServiceDomainsModel, BusinessDomainModel, WhitelistDomainModel].map((model) =>
        h.runtime.documents.collection(model as never).find({}, { sort: { _id: 1 } }),
      ),
    ),
  routes: (h) => httpRoutesOf(h.domain),
});
