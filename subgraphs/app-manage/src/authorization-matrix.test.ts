import {
  describeAuthorizationMatrix,
  F,
  httpRoutesOf,
  U,
  type MatrixOperation,
  type MatrixPrincipal,
  type MatrixRow,
} from '@grove/testkit';
import type { UserPrincipal } from '@grove/platform';
import { HostAppModel } from './store/host-app.model';
import { LinkModel } from './store/link.model';
import { MiniProgramModel } from './store/mini-program.model';
import { TrialMemberModel, TrialVersionModel } from './store/trial.model';
import { VersionContentsModel } from './store/version-contents.model';
import { VersionModel } from './store/version.model';
import {
  approvedVersion,
  createApp,
  createHarness,
  publishedVersion,
  uploadVersion,
  userPrincipal,
  w3cPackage,
  type Harness as BaseHarness,
} from './app-manage.test-support';

type Harness = BaseHarness & { adminA: UserPrincipal };

/**
 * Every query, mutation, field resolver, entity and upload route of the app-manage subgraph, for each kind of caller,
 * with the permissions of packages/platform/src/auth/access-policy.ts: every org role reads (miniprogram:read,
 * org:read) and writes mini-programs and versions (miniprogram:write); releasing, deciding link requests
 * (miniprogram:release) and host apps (hostapp:manage) are owners' and admins', not developers'; operators read
 * with miniprogram:review / org:read:any, reviewers review, admins govern.
 */
//                                        anonymous ownerA adminA developerA ownerB reviewer admin
const READERS_A: MatrixRow = /*        */ [U, 'ok', 'ok', 'ok', F, 'ok', 'ok'];
const MEMBERS_A: MatrixRow = /*        */ [U, 'ok', 'ok', 'ok', F, F, F];
const RELEASERS_A: MatrixRow = /*      */ [U, 'ok', 'ok', F, F, F, F];
const ORG_B_MANAGERS: MatrixRow = /*   */ [U, F, F, F, 'ok', F, F];
const REVIEWERS: MatrixRow = /*        */ [U, F, F, F, F, 'ok', 'ok'];
const GOVERNORS: MatrixRow = /*        */ [U, F, F, F, F, F, 'ok'];
/** `_entities` hides what the caller may not read: a null entity, no error. */
const ENTITY_READERS_A: MatrixRow = ['null', 'ok', 'ok', 'ok', 'null', 'ok', 'ok'];
const ENTITY_READERS_B: MatrixRow = ['null', 'null', 'null', 'null', 'ok', 'ok', 'ok'];

let seq = 0;
const unique = (prefix: string) => `${prefix} ${++seq}`;
/** The column's own principal where it may act in org A (only the submitter withdraws a version), else org A's owner. */
const actorInA = (h: Harness, who: MatrixPrincipal): UserPrincipal =>
  who === 'adminA' ? h.adminA : who === 'developerA' ? h.developerA : h.ownerA;

const hostAppInput = (orgId: string) => ({
  orgId,
  name: `Host ${Math.random()}`,
  iosBundleIds: ['com.example.host'],
});

async function appA(h: Harness) {
  return (await createApp(h)).appId;
}
async function appB(h: Harness) {
  return (await createApp(h, undefined, h.ownerB, h.orgB)).appId;
}
async function hostAppOfA(h: Harness) {
  return (await h.app.services.hostApps.create(h.ownerA, hostAppInput(h.orgA))).hostApp.id;
}
async function hostAppOfB(h: Harness) {
  return (await h.app.services.hostApps.create(h.ownerB, hostAppInput(h.orgB))).hostApp.id;
}
/** An app of org A with a trial version. */
async function trialApp(h: Harness) {
  const a = await appA(h);
  await h.app.services.trials.setTrialVersion(h.ownerA, (await uploadVersion(h, a)).id);
  return a;
}
/** Org B's host app asks for org A's mini-program: org A decides. */
async function requestToA(h: Harness) {
  const hostB = await hostAppOfB(h);
  return h.app.services.links.link(h.ownerB, hostB, await appA(h));
}
/** Org A's host app asks for org B's mini-program: org B decides, not the requester. */
async function requestToB(h: Harness) {
  return (await h.app.services.links.link(h.ownerA, await hostAppOfA(h), await appB(h))).id;
}

const ENTITY = (type: string, fields: string) =>
  `query($id: ID!) { _entities(representations: [{ __typename: "${type}", id: $id }]) { ... on ${type} { ${fields} } } }`;
const LINK = 'mutation($h: ID!, $a: ID!) { linkMiniProgram(hostAppId: $h, appId: $a) { id status } }';

const OPERATIONS: MatrixOperation<Harness>[] = [
  // ---- queries (their selections also cover the field resolvers of MiniProgram, MiniProgramVersion and HostApp)
  {
    name: 'miniProgram',
    source:
      'query($a: ID!) { miniProgram(appId: $a) { id name organization { id } logoUrl versions { id } publishedVersion { id } } }',
    prepare: async (h) => {
      const a = await appA(h);
      await publishedVersion(h, a);
      return { a };
    },
    expected: READERS_A,
  },
  {
    name: 'miniPrograms',
    source: 'query($o: ID!) { miniPrograms(orgId: $o) { total items { id } } }',
    prepare: async (h) => ({ o: h.orgA }),
    expected: READERS_A,
  },
  {
    // Without orgId: every organization's catalogue, for operators who review.
    name: 'miniPrograms',
    label: 'miniPrograms (every organization)',
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
    expected: READERS_A,
  },
  {
    name: 'miniProgramVersion',
    source: 'query($v: ID!) { miniProgramVersion(id: $v) { id status miniProgram { id } } }',
    prepare: async (h) => ({ v: (await uploadVersion(h, await appA(h))).id }),
    expected: READERS_A,
  },
  {
    // What reviewers open: the package link, its files and manifest (the same readers as the version).
    name: 'miniProgramVersion',
    label: 'miniProgramVersion (package link, files, manifest)',
    source:
      'query($v: ID!) { miniProgramVersion(id: $v) { packageDownloadUrl manifest packageFileList(take: 2) { total items { path size } } } }',
    prepare: async (h) => {
      const v = await uploadVersion(h, await appA(h));
      await h.app.services.versions.submit(h.ownerA, v.id);
      return { v: v.id };
    },
    expected: READERS_A,
  },
  {
    name: 'trialMembers',
    source: 'query($a: ID!) { trialMembers(appId: $a) { id userId label } }',
    prepare: async (h) => {
      const a = await appA(h);
      await h.app.services.trials.addMember(h.ownerA, a, { userId: 'tester' });
      return { a };
    },
    expected: READERS_A,
  },
  {
    name: 'trialVersion',
    source: 'query($a: ID!) { trialVersion(appId: $a) { id status } }',
    prepare: async (h) => ({ a: await trialApp(h) }),
    expected: READERS_A,
  },
  {
    // miniprogram:read without an operator pass: a trial grant is for the organization's testers.
    name: 'trialQrCode',
    source: 'query($a: ID!) { trialQrCode(appId: $a, format: SVG) { deepLink contentType } }',
    prepare: async (h) => ({ a: await trialApp(h) }),
    expected: MEMBERS_A,
  },
  { name: 'pendingReviews', source: '{ pendingReviews { total items { id } } }', expected: REVIEWERS },
  {
    name: 'hostApp',
    source:
      'query($id: ID!) { hostApp(id: $id) { id sdkKey organization { id } links { id miniProgram { id } } } }',
    prepare: async (h) => {
      const id = await hostAppOfA(h);
      await h.app.services.links.link(h.ownerA, id, await appA(h));
      return { id };
    },
    expected: READERS_A,
  },
  {
    // The requesting side reads its host app's links; the mini-program of a PENDING request stays hidden.
    name: 'HostAppLink.miniProgram',
    label: "HostAppLink.miniProgram of org B's pending request to org A",
    source: 'query($id: ID!) { hostApp(id: $id) { links { status miniProgram { id name } } } }',
    prepare: async (h) => ({ id: (await requestToA(h)).hostAppId }),
    expected: [U, F, F, F, 'ok', 'ok', 'ok'],
    check: (_h, result) => {
      const links = (result?.data?.hostApp as { links: Array<{ status: string; miniProgram: unknown }> })
        .links;
      expect(links).toEqual([{ status: 'PENDING', miniProgram: null }]);
    },
  },
  {
    name: 'hostApps',
    source: 'query($o: ID!) { hostApps(orgId: $o) { id } }',
    prepare: async (h) => {
      await hostAppOfA(h);
      return { o: h.orgA };
    },
    expected: READERS_A,
  },
  {
    name: 'linkRequests',
    source: 'query($o: ID!) { linkRequests(orgId: $o) { id status } }',
    prepare: async (h) => {
      await requestToA(h);
      return { o: h.orgA };
    },
    expected: READERS_A,
  },

  // ---- entities
  {
    name: '_entities(MiniProgram)',
    source: ENTITY('MiniProgram', 'id name'),
    prepare: async (h) => ({ id: await appA(h) }),
    expected: ENTITY_READERS_A,
  },
  {
    name: '_entities(MiniProgram)',
    label: "_entities with org B's mini-program",
    source: ENTITY('MiniProgram', 'id name'),
    prepare: async (h) => ({ id: await appB(h) }),
    expected: ENTITY_READERS_B,
  },
  {
    name: '_entities(MiniProgramVersion)',
    source: ENTITY('MiniProgramVersion', 'id status'),
    prepare: async (h) => ({ id: (await uploadVersion(h, await appA(h))).id }),
    expected: ENTITY_READERS_A,
  },
  {
    name: '_entities(HostApp)',
    source: ENTITY('HostApp', 'id sdkKey'),
    prepare: async (h) => ({ id: await hostAppOfA(h) }),
    expected: ENTITY_READERS_A,
  },
  {
    name: '_entities(HostApp)',
    label: "_entities with org B's host app",
    source: ENTITY('HostApp', 'id sdkKey'),
    prepare: async (h) => ({ id: await hostAppOfB(h) }),
    expected: ENTITY_READERS_B,
  },

  {
    // Organization is app-manage's stub of account's entity (resolvable: false): the router never asks for it, and
    // the subgraph only echoes the representation back, reading nothing.
    name: '_entities(Organization)',
    source: ENTITY('Organization', 'id'),
    prepare: async (h) => ({ id: h.orgB }),
    expected: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
    check: (h, result) => expect(result?.data?._entities).toEqual([{ id: h.orgB }]),
  },

  // ---- mini-programs
  {
    name: 'createMiniProgram',
    source:
      'mutation($o: ID!, $n: String!) { createMiniProgram(input: { orgId: $o, name: $n, tags: ["x"] }) { id appId } }',
    prepare: async (h) => ({ o: h.orgA, n: unique('New') }),
    expected: MEMBERS_A,
  },
  {
    name: 'createMiniProgram',
    label: "createMiniProgram with org B's id in the input",
    source:
      'mutation($o: ID!, $n: String!) { createMiniProgram(input: { orgId: $o, name: $n, tags: ["x"] }) { id appId } }',
    prepare: async (h) => ({ o: h.orgB, n: unique('New') }),
    expected: ORG_B_MANAGERS,
  },
  {
    name: 'updateMiniProgram',
    source:
      'mutation($a: ID!) { updateMiniProgram(appId: $a, input: { description: "changed" }) { id description } }',
    prepare: async (h) => ({ a: await appA(h) }),
    expected: MEMBERS_A,
  },
  {
    name: 'updateMiniProgramSearchSettings',
    source:
      'mutation($a: ID!) { updateMiniProgramSearchSettings(appId: $a, input: { aliases: ["别名"], searchable: false }) { id searchAliases searchable } }',
    prepare: async (h) => ({ a: await appA(h) }),
    expected: MEMBERS_A,
  },
  {
    // Another organization's app id: only org B's members may set its search fields.
    name: 'updateMiniProgramSearchSettings',
    label: "updateMiniProgramSearchSettings of org B's mini-program",
    source:
      'mutation($a: ID!) { updateMiniProgramSearchSettings(appId: $a, input: { pages: [{ path: "pages/index/index", title: "首页" }] }) { id } }',
    prepare: async (h) => ({ a: await appB(h) }),
    expected: ORG_B_MANAGERS,
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
    expected: MEMBERS_A,
  },
  {
    name: 'withdrawVersionReview',
    source: 'mutation($v: ID!) { withdrawVersionReview(id: $v) { id status } }',
    prepare: async (h, who) => {
      const v = await uploadVersion(h, await appA(h));
      await h.app.services.versions.submit(actorInA(h, who), v.id);
      return { v: v.id };
    },
    expected: MEMBERS_A,
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
    expected: RELEASERS_A,
  },
  {
    name: 'startGrayRelease',
    source: 'mutation($v: ID!) { startGrayRelease(id: $v, input: { grayPercentage: 10 }) { id status } }',
    prepare: async (h) => ({ v: (await approvedVersion(h, await appA(h))).id }),
    expected: RELEASERS_A,
  },
  {
    name: 'stopGrayRelease',
    source: 'mutation($v: ID!) { stopGrayRelease(id: $v) { id status } }',
    prepare: async (h) => {
      const v = await approvedVersion(h, await appA(h));
      await h.app.services.versions.startGrayRelease(h.ownerA, v.id);
      return { v: v.id };
    },
    expected: RELEASERS_A,
  },
  {
    name: 'delistVersion',
    source: 'mutation($v: ID!) { delistVersion(id: $v, reason: "retired") { id status } }',
    prepare: async (h) => ({ v: (await publishedVersion(h, await appA(h))).id }),
    expected: RELEASERS_A,
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
    expected: RELEASERS_A,
  },

  // ---- deletions
  {
    name: 'deleteVersion',
    source: 'mutation($v: ID!) { deleteVersion(id: $v) }',
    prepare: async (h) => ({ v: (await uploadVersion(h, await appA(h))).id }),
    expected: MEMBERS_A,
  },
  {
    name: 'deleteMiniProgram',
    source: 'mutation($a: ID!) { deleteMiniProgram(appId: $a) }',
    prepare: async (h) => {
      const a = await appA(h);
      await uploadVersion(h, a);
      return { a };
    },
    expected: RELEASERS_A,
  },
  {
    name: 'deleteHostApp',
    source: 'mutation($id: ID!) { deleteHostApp(id: $id) }',
    prepare: async (h) => {
      const id = await hostAppOfA(h);
      await h.app.services.hostApps.setEnabled(h.ownerA, id, false);
      return { id };
    },
    expected: RELEASERS_A,
  },

  // ---- trial
  {
    name: 'addTrialMember',
    source: 'mutation($a: ID!) { addTrialMember(appId: $a, userId: "tester", label: "QA") { id userId } }',
    prepare: async (h) => ({ a: await appA(h) }),
    expected: MEMBERS_A,
  },
  {
    name: 'removeTrialMember',
    source: 'mutation($a: ID!) { removeTrialMember(appId: $a, userId: "tester") }',
    prepare: async (h) => {
      const a = await appA(h);
      await h.app.services.trials.addMember(h.ownerA, a, { userId: 'tester' });
      return { a };
    },
    expected: MEMBERS_A,
  },
  {
    name: 'setTrialVersion',
    source: 'mutation($v: ID!) { setTrialVersion(versionId: $v) { id } }',
    prepare: async (h) => ({ v: (await uploadVersion(h, await appA(h))).id }),
    expected: MEMBERS_A,
  },
  {
    name: 'setTrialVersion',
    label: "setTrialVersion with org B's version id",
    source: 'mutation($v: ID!) { setTrialVersion(versionId: $v) { id } }',
    prepare: async (h) => ({ v: (await uploadVersion(h, await appB(h), h.ownerB)).id }),
    expected: ORG_B_MANAGERS,
  },
  {
    name: 'clearTrialVersion',
    source: 'mutation($a: ID!) { clearTrialVersion(appId: $a) }',
    prepare: async (h) => ({ a: await trialApp(h) }),
    expected: MEMBERS_A,
  },

  // ---- uploads (REST)
  {
    name: 'POST /uploads/mini-programs/:appId/versions',
    call: async (h, principal, vars) =>
      h.app.handlePackageUpload(principal, String(vars.a), vars.zip as Buffer, {
        contentType: 'application/zip',
      }),
    prepare: async (h) => {
      const a = await appA(h);
      return { a, zip: await w3cPackage(a, '9.9.9') };
    },
    expected: MEMBERS_A,
  },
  {
    // Org A's upload URL, a package whose manifest names org B's mini-program.
    name: 'POST /uploads/mini-programs/:appId/versions',
    label: "POST /uploads/mini-programs/:appId/versions with org B's app id in the manifest",
    call: async (h, principal, vars) =>
      h.app.handlePackageUpload(principal, String(vars.a), vars.zip as Buffer, {
        contentType: 'application/zip',
      }),
    prepare: async (h) => ({ a: await appA(h), zip: await w3cPackage(await appB(h), '9.9.8') }),
    expected: [U, 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', F, F, F],
  },
  {
    name: 'POST /uploads/mini-programs/:appId/logo',
    call: async (h, principal, vars) =>
      h.app.handleLogoUpload(
        principal,
        String(vars.a),
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
        { contentType: 'image/png' },
      ),
    prepare: async (h) => ({ a: await appA(h) }),
    expected: MEMBERS_A,
  },

  // ---- host apps
  {
    name: 'createHostApp',
    source:
      'mutation($o: ID!, $n: String!) { createHostApp(input: { orgId: $o, name: $n, androidPackageNames: ["com.example.h"] }) { sdkKey sdkSecret hostApp { id } } }',
    prepare: async (h) => ({ o: h.orgA, n: unique('Host') }),
    expected: RELEASERS_A,
  },
  {
    name: 'createHostApp',
    label: "createHostApp with org B's id in the input",
    source:
      'mutation($o: ID!, $n: String!) { createHostApp(input: { orgId: $o, name: $n, androidPackageNames: ["com.example.h"] }) { sdkKey sdkSecret hostApp { id } } }',
    prepare: async (h) => ({ o: h.orgB, n: unique('Host') }),
    expected: ORG_B_MANAGERS,
  },
  {
    name: 'updateHostApp',
    source: 'mutation($id: ID!, $n: String!) { updateHostApp(id: $id, input: { name: $n }) { id name } }',
    prepare: async (h) => ({ id: await hostAppOfA(h), n: unique('Renamed') }),
    expected: RELEASERS_A,
  },
  {
    name: 'disableHostApp',
    source: 'mutation($id: ID!) { disableHostApp(id: $id) { id enabled } }',
    prepare: async (h) => ({ id: await hostAppOfA(h) }),
    expected: RELEASERS_A,
  },
  {
    name: 'enableHostApp',
    source: 'mutation($id: ID!) { enableHostApp(id: $id) { id enabled } }',
    prepare: async (h) => {
      const id = await hostAppOfA(h);
      await h.app.services.hostApps.setEnabled(h.ownerA, id, false);
      return { id };
    },
    expected: RELEASERS_A,
  },
  {
    name: 'rotateHostAppSecret',
    source: 'mutation($id: ID!) { rotateHostAppSecret(id: $id) { sdkSecret } }',
    prepare: async (h) => ({ id: await hostAppOfA(h) }),
    expected: RELEASERS_A,
  },

  // ---- links
  {
    name: 'linkMiniProgram',
    source: LINK,
    prepare: async (h) => ({ h: await hostAppOfA(h), a: await appA(h) }),
    expected: RELEASERS_A,
    check: (_h, result) => expect(result?.data?.linkMiniProgram).toMatchObject({ status: 'ACTIVE' }),
  },
  {
    // Org B's mini-program into org A's host app: a request org B decides, never an active link.
    name: 'linkMiniProgram',
    label: "linkMiniProgram of org B's mini-program into org A's host app",
    source: LINK,
    prepare: async (h) => ({ h: await hostAppOfA(h), a: await appB(h) }),
    expected: RELEASERS_A,
    check: (_h, result) => expect(result?.data?.linkMiniProgram).toMatchObject({ status: 'PENDING' }),
  },
  {
    name: 'linkMiniProgram',
    label: "linkMiniProgram with org B's host app id",
    source: LINK,
    prepare: async (h) => ({ h: await hostAppOfB(h), a: await appA(h) }),
    expected: ORG_B_MANAGERS,
  },
  {
    name: 'approveLinkRequest',
    source: 'mutation($id: ID!) { approveLinkRequest(id: $id) { id status } }',
    prepare: async (h) => ({ id: (await requestToA(h)).id }),
    expected: RELEASERS_A,
  },
  {
    // The requester cannot approve its own request to another organization's mini-program.
    name: 'approveLinkRequest',
    label: "approveLinkRequest of org A's request to org B's mini-program",
    source: 'mutation($id: ID!) { approveLinkRequest(id: $id) { id status } }',
    prepare: async (h) => ({ id: await requestToB(h) }),
    expected: ORG_B_MANAGERS,
  },
  {
    name: 'rejectLinkRequest',
    source: 'mutation($id: ID!) { rejectLinkRequest(id: $id, reason: "no") { id status } }',
    prepare: async (h) => ({ id: (await requestToA(h)).id }),
    expected: RELEASERS_A,
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
    expected: RELEASERS_A,
  },
  {
    name: 'unlinkMiniProgram',
    label: "unlinkMiniProgram with org B's host app and mini-program ids",
    source: 'mutation($h: ID!, $a: ID!) { unlinkMiniProgram(hostAppId: $h, appId: $a) }',
    prepare: async (h) => {
      const hostId = await hostAppOfB(h);
      const b = await appB(h);
      await h.app.services.links.link(h.ownerB, hostId, b);
      return { h: hostId, a: b };
    },
    expected: ORG_B_MANAGERS,
  },
];

describeAuthorizationMatrix<Harness>({
  subgraph: 'app-manage',
  harness: async () => {
    const h = await createHarness();
    return { ...h, adminA: userPrincipal([{ orgId: h.orgA, role: 'ORG_ADMIN' }]) };
  },
  dispose: (h) => h.dispose(),
  schema: (h) => h.app.schema,
  principals: (h) => ({
    ownerA: h.ownerA,
    adminA: h.adminA,
    developerA: h.developerA,
    ownerB: h.ownerB,
    reviewer: h.reviewer,
    admin: h.admin,
  }),
  operations: OPERATIONS,
  snapshot: (h) =>
    Promise.all(
      [
        MiniProgramModel,
        VersionModel,
        HostAppModel,
        LinkModel,
        TrialMemberModel,
        TrialVersionModel,
        VersionContentsModel,
      ].map((model) => h.runtime.documents.collection(model as never).find({}, { sort: { _id: 1 } })),
    ),
  routes: (h) => httpRoutesOf(h.app),
});
