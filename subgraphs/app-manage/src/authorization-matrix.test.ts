import { uncoveredOperations } from '@grove/testkit';
import { graphql } from 'graphql';
import { ANONYMOUS, newId, type PlatformError, type Principal, type UserPrincipal } from '@grove/platform';
import { HostAppModel } from './store/host-app.model';
import { LinkModel } from './store/link.model';
import { MiniProgramModel } from './store/mini-program.model';
import { TrialMemberModel, TrialVersionModel } from './store/trial.model';
import { VersionContentsModel } from './store/version-contents.model';
import { VersionModel } from './store/version.model';
import {
  approvedVersion,
  contextFor,
  createApp,
  createHarness,
  errorCodes,
  execute,
  publishedVersion,
  uploadVersion,
  w3cPackage,
  type Harness,
} from './app-manage.test-support';

/**
 * Every query, mutation and upload of the app-manage subgraph, for each kind of caller, against an explicit
 * allow/deny table. A denial must carry the expected code and leave every collection exactly as it was.
 */
type Who = 'anonymous' | 'memberA' | 'memberB' | 'reviewer' | 'admin';
const WHO: Who[] = ['anonymous', 'memberA', 'memberB', 'reviewer', 'admin'];
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';
const U: Outcome = 'UNAUTHENTICATED';
const F: Outcome = 'FORBIDDEN';
//                      anonymous memberA memberB reviewer admin
type Row = [Outcome, Outcome, Outcome, Outcome, Outcome];

const ORG_A_ONLY: Row = [U, 'ok', F, F, F];
const ORG_A_OR_OPERATORS: Row = [U, 'ok', F, 'ok', 'ok'];
const REVIEWERS: Row = [U, F, F, 'ok', 'ok'];
const GOVERNORS: Row = [U, F, F, F, 'ok'];

interface Operation {
  name: string;
  /** GraphQL source, or a direct call for the upload endpoints. */
  source?: string;
  call?: (h: Harness, principal: Principal, vars: Record<string, unknown>) => Promise<unknown>;
  prepare?: (h: Harness) => Promise<Record<string, unknown>>;
  expected: Row;
}

const hostAppInput = (orgId: string) => ({
  orgId,
  name: `Host ${Math.random()}`,
  iosBundleIds: ['com.example.host'],
});

async function appA(h: Harness) {
  return (await createApp(h)).appId;
}
async function hostAppOfA(h: Harness) {
  return (await h.app.services.hostApps.create(h.ownerA, hostAppInput(h.orgA))).hostApp.id;
}
/** An app of org A with a trial version. */
async function trialApp(h: Harness) {
  const a = await appA(h);
  await h.app.services.trials.setTrialVersion(h.ownerA, (await uploadVersion(h, a)).id);
  return a;
}
/** Org B's host app asks for org A's mini-program: org A decides. */
async function requestToA(h: Harness) {
  const hostB = (await h.app.services.hostApps.create(h.ownerB, hostAppInput(h.orgB))).hostApp.id;
  return (await h.app.services.links.link(h.ownerB, hostB, await appA(h))).id;
}

const OPERATIONS: Operation[] = [
  // ---- queries
  {
    name: 'miniProgram',
    source: 'query($a: ID!) { miniProgram(appId: $a) { id name } }',
    prepare: async (h) => ({ a: await appA(h) }),
    expected: ORG_A_OR_OPERATORS,
  },
  {
    name: 'miniPrograms',
    source: 'query($o: ID!) { miniPrograms(orgId: $o) { total items { id } } }',
    prepare: async (h) => ({ o: h.orgA }),
    expected: ORG_A_OR_OPERATORS,
  },
  {
    // Without orgId: every organization's catalogue, for operators who review.
    name: 'miniPrograms',
    source: 'query { miniPrograms(status: ACTIVE, take: 5) { total items { id orgId } } }',
    expected: REVIEWERS,
  },
  {
    name: 'versions',
    source: 'query($a: ID!) { versions(appId: $a) { id status } }',
    prepare: async (h) => {
      const a = await appA(h);
      await uploadVersion(h, a);
      return { a };
    },
    expected: ORG_A_OR_OPERATORS,
  },
  {
    name: 'miniProgramVersion',
    source: 'query($v: ID!) { miniProgramVersion(id: $v) { id status } }',
    prepare: async (h) => ({ v: (await uploadVersion(h, await appA(h))).id }),
    expected: ORG_A_OR_OPERATORS,
  },
  {
    // What reviewers open: the package link, its files and manifest (the same readers as the version).
    name: 'miniProgramVersion',
    source: 'query($v: ID!) { miniProgramVersion(id: $v) { packageDownloadUrl manifest packageFileList(take: 2) { total items { path size } } } }',
    prepare: async (h) => {
      const v = await uploadVersion(h, await appA(h));
      await h.app.services.versions.submit(h.ownerA, v.id);
      return { v: v.id };
    },
    expected: ORG_A_OR_OPERATORS,
  },
  {
    name: 'trialMembers',
    source: 'query($a: ID!) { trialMembers(appId: $a) { id userId label } }',
    prepare: async (h) => {
      const a = await appA(h);
      await h.app.services.trials.addMember(h.ownerA, a, { userId: 'tester' });
      return { a };
    },
    expected: ORG_A_OR_OPERATORS,
  },
  {
    name: 'trialVersion',
    source: 'query($a: ID!) { trialVersion(appId: $a) { id status } }',
    prepare: async (h) => ({ a: await trialApp(h) }),
    expected: ORG_A_OR_OPERATORS,
  },
  {
    name: 'trialQrCode',
    source: 'query($a: ID!) { trialQrCode(appId: $a, format: SVG) { deepLink contentType } }',
    prepare: async (h) => ({ a: await trialApp(h) }),
    expected: ORG_A_ONLY,
  },
  { name: 'pendingReviews', source: '{ pendingReviews { total items { id } } }', expected: REVIEWERS },
  {
    name: 'hostApp',
    source: 'query($id: ID!) { hostApp(id: $id) { id sdkKey links { id } } }',
    prepare: async (h) => ({ id: await hostAppOfA(h) }),
    expected: ORG_A_OR_OPERATORS,
  },
  {
    name: 'hostApps',
    source: 'query($o: ID!) { hostApps(orgId: $o) { id } }',
    prepare: async (h) => {
      await hostAppOfA(h);
      return { o: h.orgA };
    },
    expected: ORG_A_OR_OPERATORS,
  },
  {
    name: 'linkRequests',
    source: 'query($o: ID!) { linkRequests(orgId: $o) { id status } }',
    prepare: async (h) => {
      await requestToA(h);
      return { o: h.orgA };
    },
    expected: ORG_A_OR_OPERATORS,
  },

  // ---- mini-programs
  {
    name: 'createMiniProgram',
    source:
      'mutation($o: ID!) { createMiniProgram(input: { orgId: $o, name: "New", tags: ["x"] }) { id appId } }',
    prepare: async (h) => ({ o: h.orgA }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'updateMiniProgram',
    source:
      'mutation($a: ID!) { updateMiniProgram(appId: $a, input: { description: "changed" }) { id description } }',
    prepare: async (h) => ({ a: await appA(h) }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'freezeMiniProgram',
    source: 'mutation($a: ID!) { freezeMiniProgram(appId: $a, reason: "abuse") { id status } }',
    prepare: async (h) => ({ a: await appA(h) }),
    expected: GOVERNORS,
  },
  {
    name: 'unfreezeMiniProgram',
    source: 'mutation($a: ID!) { unfreezeMiniProgram(appId: $a) { id status } }',
    prepare: async (h) => {
      const a = await appA(h);
      await h.app.services.miniPrograms.freeze(h.admin, a, 'abuse');
      return { a };
    },
    expected: GOVERNORS,
  },

  // ---- versions
  {
    name: 'submitVersionForReview',
    source: 'mutation($v: ID!) { submitVersionForReview(id: $v) { id status } }',
    prepare: async (h) => ({ v: (await uploadVersion(h, await appA(h))).id }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'withdrawVersionReview',
    source: 'mutation($v: ID!) { withdrawVersionReview(id: $v) { id status } }',
    prepare: async (h) => {
      const v = await uploadVersion(h, await appA(h));
      await h.app.services.versions.submit(h.ownerA, v.id);
      return { v: v.id };
    },
    expected: ORG_A_ONLY,
  },
  {
    name: 'approveVersion',
    source: 'mutation($v: ID!) { approveVersion(id: $v) { id status } }',
    prepare: async (h) => {
      const v = await uploadVersion(h, await appA(h));
      await h.app.services.versions.submit(h.ownerA, v.id);
      return { v: v.id };
    },
    expected: REVIEWERS,
  },
  {
    name: 'rejectVersion',
    source: 'mutation($v: ID!) { rejectVersion(id: $v, reason: "broken") { id status } }',
    prepare: async (h) => {
      const v = await uploadVersion(h, await appA(h));
      await h.app.services.versions.submit(h.ownerA, v.id);
      return { v: v.id };
    },
    expected: REVIEWERS,
  },
  {
    name: 'publishVersion',
    source: 'mutation($v: ID!) { publishVersion(id: $v) { id status } }',
    prepare: async (h) => ({ v: (await approvedVersion(h, await appA(h))).id }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'startGrayRelease',
    source: 'mutation($v: ID!) { startGrayRelease(id: $v, input: { grayPercentage: 10 }) { id status } }',
    prepare: async (h) => ({ v: (await approvedVersion(h, await appA(h))).id }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'stopGrayRelease',
    source: 'mutation($v: ID!) { stopGrayRelease(id: $v) { id status } }',
    prepare: async (h) => {
      const v = await approvedVersion(h, await appA(h));
      await h.app.services.versions.startGrayRelease(h.ownerA, v.id);
      return { v: v.id };
    },
    expected: ORG_A_ONLY,
  },
  {
    name: 'delistVersion',
    source: 'mutation($v: ID!) { delistVersion(id: $v, reason: "retired") { id status } }',
    prepare: async (h) => ({ v: (await publishedVersion(h, await appA(h))).id }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'forceDelistVersion',
    source: 'mutation($v: ID!) { forceDelistVersion(id: $v, reason: "illegal") { id status } }',
    prepare: async (h) => ({ v: (await publishedVersion(h, await appA(h))).id }),
    expected: GOVERNORS,
  },
  {
    name: 'rollbackMiniProgram',
    source: 'mutation($a: ID!) { rollbackMiniProgram(appId: $a) { id status } }',
    prepare: async (h) => {
      const a = await appA(h);
      await publishedVersion(h, a);
      await publishedVersion(h, a);
      return { a };
    },
    expected: ORG_A_ONLY,
  },

  // ---- deletions
  {
    name: 'deleteVersion',
    source: 'mutation($v: ID!) { deleteVersion(id: $v) }',
    prepare: async (h) => ({ v: (await uploadVersion(h, await appA(h))).id }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'deleteMiniProgram',
    source: 'mutation($a: ID!) { deleteMiniProgram(appId: $a) }',
    prepare: async (h) => {
      const a = await appA(h);
      await uploadVersion(h, a);
      return { a };
    },
    expected: ORG_A_ONLY,
  },
  {
    name: 'deleteHostApp',
    source: 'mutation($id: ID!) { deleteHostApp(id: $id) }',
    prepare: async (h) => {
      const id = await hostAppOfA(h);
      await h.app.services.hostApps.setEnabled(h.ownerA, id, false);
      return { id };
    },
    expected: ORG_A_ONLY,
  },

  // ---- trial
  {
    name: 'addTrialMember',
    source: 'mutation($a: ID!) { addTrialMember(appId: $a, userId: "tester", label: "QA") { id userId } }',
    prepare: async (h) => ({ a: await appA(h) }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'removeTrialMember',
    source: 'mutation($a: ID!) { removeTrialMember(appId: $a, userId: "tester") }',
    prepare: async (h) => {
      const a = await appA(h);
      await h.app.services.trials.addMember(h.ownerA, a, { userId: 'tester' });
      return { a };
    },
    expected: ORG_A_ONLY,
  },
  {
    name: 'setTrialVersion',
    source: 'mutation($v: ID!) { setTrialVersion(versionId: $v) { id } }',
    prepare: async (h) => ({ v: (await uploadVersion(h, await appA(h))).id }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'clearTrialVersion',
    source: 'mutation($a: ID!) { clearTrialVersion(appId: $a) }',
    prepare: async (h) => ({ a: await trialApp(h) }),
    expected: ORG_A_ONLY,
  },

  // ---- uploads (REST)
  {
    name: 'upload package',
    call: async (h, principal, vars) =>
      h.app.handlePackageUpload(principal, String(vars.a), vars.zip as Buffer, {
        contentType: 'application/zip',
      }),
    prepare: async (h) => {
      const a = await appA(h);
      return { a, zip: await w3cPackage(a, '9.9.9') };
    },
    expected: ORG_A_ONLY,
  },
  {
    name: 'upload logo',
    call: async (h, principal, vars) =>
      h.app.handleLogoUpload(
        principal,
        String(vars.a),
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
        { contentType: 'image/png' },
      ),
    prepare: async (h) => ({ a: await appA(h) }),
    expected: ORG_A_ONLY,
  },

  // ---- host apps
  {
    name: 'createHostApp',
    source:
      'mutation($o: ID!) { createHostApp(input: { orgId: $o, name: "H", androidPackageNames: ["com.example.h"] }) { sdkKey sdkSecret hostApp { id } } }',
    prepare: async (h) => ({ o: h.orgA }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'updateHostApp',
    source: 'mutation($id: ID!) { updateHostApp(id: $id, input: { name: "Renamed" }) { id name } }',
    prepare: async (h) => ({ id: await hostAppOfA(h) }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'disableHostApp',
    source: 'mutation($id: ID!) { disableHostApp(id: $id) { id enabled } }',
    prepare: async (h) => ({ id: await hostAppOfA(h) }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'enableHostApp',
    source: 'mutation($id: ID!) { enableHostApp(id: $id) { id enabled } }',
    prepare: async (h) => {
      const id = await hostAppOfA(h);
      await h.app.services.hostApps.setEnabled(h.ownerA, id, false);
      return { id };
    },
    expected: ORG_A_ONLY,
  },
  {
    name: 'rotateHostAppSecret',
    source: 'mutation($id: ID!) { rotateHostAppSecret(id: $id) { sdkSecret } }',
    prepare: async (h) => ({ id: await hostAppOfA(h) }),
    expected: ORG_A_ONLY,
  },

  // ---- links
  {
    name: 'linkMiniProgram',
    source: 'mutation($h: ID!, $a: ID!) { linkMiniProgram(hostAppId: $h, appId: $a) { id status } }',
    prepare: async (h) => ({ h: await hostAppOfA(h), a: await appA(h) }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'approveLinkRequest',
    source: 'mutation($id: ID!) { approveLinkRequest(id: $id) { id status } }',
    prepare: async (h) => ({ id: await requestToA(h) }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'rejectLinkRequest',
    source: 'mutation($id: ID!) { rejectLinkRequest(id: $id, reason: "no") { id status } }',
    prepare: async (h) => ({ id: await requestToA(h) }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'unlinkMiniProgram',
    source: 'mutation($h: ID!, $a: ID!) { unlinkMiniProgram(hostAppId: $h, appId: $a) }',
    prepare: async (h) => {
      const hostId = await hostAppOfA(h);
      const a = await appA(h);
      await h.app.services.links.link(h.ownerA, hostId, a);
      return { h: hostId, a };
    },
    expected: ORG_A_ONLY,
  },
];

async function snapshot(h: Harness): Promise<unknown[]> {
  return Promise.all(
    [MiniProgramModel, VersionModel, HostAppModel, LinkModel, TrialMemberModel, TrialVersionModel, VersionContentsModel].map((model) =>
      h.runtime.documents.collection(model as never).find({}, { sort: { _id: 1 } }),
    ),
  );
}

async function run(
  h: Harness,
  op: Operation,
  principal: Principal,
  vars: Record<string, unknown>,
): Promise<string> {
  if (op.call) {
    try {
      await op.call(h, principal, vars);
      return 'ok';
    } catch (error) {
      return (error as PlatformError).code ?? String(error);
    }
  }
  const result = await execute(h, op.source!, principal, vars);
  const codes = errorCodes(result);
  return codes.length === 0 ? 'ok' : codes.join(',');
}

describe('authorization matrix', () => {
  let h: Harness;
  let principals: Record<Who, Principal>;
  beforeAll(async () => {
    h = await createHarness();
    principals = {
      anonymous: ANONYMOUS,
      memberA: h.ownerA,
      memberB: h.ownerB,
      reviewer: h.reviewer,
      admin: h.admin,
    };
  });
  afterAll(() => h.dispose());

  it('covers every query and mutation in the schema', () => {
    expect(
      uncoveredOperations(
        h.app.schema,
        OPERATIONS.map((op) => op.name),
      ),
    ).toEqual([]);
  });

  describe.each(OPERATIONS)('$name', (op) => {
    it.each(WHO.map((who, i) => [who, op.expected[i]] as const))('%s → %s', async (who, expected) => {
      const vars = (await op.prepare?.(h)) ?? {};
      const before = expected === 'ok' ? null : await snapshot(h);
      expect(await run(h, op, principals[who], vars)).toBe(expected);
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
    const allowed = { memberA: h.ownerA, memberB: h.ownerB, reviewer: h.reviewer, admin: h.admin }[WHO[op.expected.indexOf('ok')] as Exclude<Who, 'anonymous'>] as UserPrincipal;
    const before = await snapshot(h);
    const refusal = async (principal: UserPrincipal) => {
      const error = (await gated(principal)).errors?.[0]?.originalError as PlatformError | undefined;
      return { code: error?.code, reason: error?.details?.reason };
    };
    const gated = (principal: UserPrincipal) =>
      graphql({ schema: h.app.schema, source: op.source!, variableValues: vars, contextValue: { ...contextFor(principal), authorization: h.runtime.authorization } });

    const stale: UserPrincipal = { ...allowed, userId: newId(), authEpoch: Date.now() - 1 };
    await h.runtime.authorization.revokeUser(stale.userId);
    expect(await refusal(stale)).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_STALE' });

    const loggedOut: UserPrincipal = { ...allowed, userId: newId(), sessionId: newId(), authEpoch: Date.now() };
    await h.runtime.authorization.revokeSession(loggedOut.userId, loggedOut.sessionId);
    expect(await refusal(loggedOut)).toEqual({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    expect(await snapshot(h)).toEqual(before);
  });
});
