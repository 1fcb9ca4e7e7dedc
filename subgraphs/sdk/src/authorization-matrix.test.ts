import {
  describeAuthorizationMatrix,
  F,
  httpRoutesOf,
  N,
  U,
  type MatrixOperation,
  type MatrixRow,
} from '@grove/testkit';
import { readdir } from 'node:fs/promises';
import { newId } from '@grove/platform';
import {
  announceHostApp,
  baseLibraryZip,
  createHarness,
  sdkArtifactZip,
  uploadBaseLibrary,
  type Harness,
} from './sdk.test-support';
import { BaseLibraryModel } from './store/base-library.model';
import { HostAppOwnershipModel } from './store/host-app-ownership.model';
import { SdkBuildReviewModel } from './store/sdk-build-review.model';
import { SdkConfigHeadModel, SdkConfigVersionModel } from './store/sdk-config.model';
import { SdkVersionModel } from './store/sdk-version.model';

/**
 * Every query, mutation, field resolver, entity and upload route of the sdk subgraph, for each kind of caller, with
 * the permissions of packages/platform/src/auth/access-policy.ts: an organization's SDK configuration and builds
 * are read with org:read (every org role; operators with org:read:any) and changed with hostapp:manage (owners and
 * admins, not developers); SDK build review is miniprogram:review (reviewers and admins); everything else operators
 * change needs platform:configure (admins). A denial also leaves the object store as it was.
 */
//                                         anonymous ownerA adminA developerA ownerB reviewer admin
const SIGNED_IN: MatrixRow = /*         */ [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'];
const ORG_A_READERS: MatrixRow = /*     */ [U, 'ok', 'ok', 'ok', F, 'ok', 'ok'];
const ORG_B_READERS: MatrixRow = /*     */ [U, F, F, F, 'ok', 'ok', 'ok'];
const HOST_APP_MANAGERS_A: MatrixRow = /**/ [U, 'ok', 'ok', F, F, F, F];
const HOST_APP_MANAGERS_B: MatrixRow = /**/ [U, F, F, F, 'ok', F, F];
const REVIEWERS: MatrixRow = /*         */ [U, F, F, F, F, 'ok', 'ok'];
const CONFIGURERS: MatrixRow = /*       */ [U, F, F, F, F, F, 'ok'];
/** `_entities` hides what the caller may not read: a null entity, no error. */
const ENTITY_SIGNED_IN: MatrixRow = ['null', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'];
const ENTITY_CONFIGURERS: MatrixRow = ['null', 'null', 'null', 'null', 'null', 'null', 'ok'];

let seq = 0;
const nextVersion = () => `1.${++seq}.0`;
const library = async (h: Harness) => (await uploadBaseLibrary(h, { version: nextVersion() })).id;
const disabledLibrary = async (h: Harness) => {
  const id = await library(h);
  await h.sdk.services.baseLibraries.setEnabled(h.admin, id, false);
  return id;
};
const sdkVersion = async (h: Harness) =>
  (
    await h.sdk.handleSdkVersionUpload(h.admin, await sdkArtifactZip('x'), {
      contentType: 'application/zip',
      query: { platform: 'IOS', version: nextVersion() },
    })
  ).body.id;
const buildOf = async (h: Harness, orgId = h.orgA) =>
  (
    await h.sdk.handleSdkBuildUpload(orgId === h.orgA ? h.ownerA : h.ownerB, await sdkArtifactZip('a'), {
      contentType: 'application/zip',
      query: { orgId, platform: 'ANDROID', version: nextVersion() },
    })
  ).body;
/** The artifact key of a build the organization withdrew: free to be submitted again by that organization. */
const withdrawnArtifactOf = async (h: Harness, orgId: string) => {
  const build = await buildOf(h, orgId);
  await h.sdk.services.builds.withdraw(orgId === h.orgA ? h.ownerA : h.ownerB, build.id);
  return build.artifactKey;
};
const hostAppOfA = (h: Harness) => announceHostApp(h, h.orgA);
const hostAppOfB = (h: Harness) => announceHostApp(h, h.orgB);

const SUBMIT_BUILD =
  'mutation($o: ID!, $k: String!) { submitSdkBuild(input: { orgId: $o, platform: ANDROID, version: "9.9.9", artifactKey: $k }) { id status } }';
const SET_OVERRIDE =
  'mutation($h: ID!) { setSdkConfigOverride(hostAppId: $h, input: { maxCachedApplets: 5, extra: [{ key: "theme", value: "dark" }] }) { version } }';
const uploadBuild =
  (orgId: (h: Harness) => string) =>
  async (h: Harness, principal: Parameters<Harness['sdk']['handleSdkBuildUpload']>[0]) =>
    h.sdk.handleSdkBuildUpload(principal, await sdkArtifactZip('b'), {
      contentType: 'application/zip',
      query: { orgId: orgId(h), platform: 'IOS', version: '1.0.0' },
    });

const OPERATIONS: MatrixOperation<Harness>[] = [
  // ---- base libraries (the queries also cover BaseLibrary.downloadUrl)
  {
    name: 'baseLibraries',
    source: '{ baseLibraries { id version downloadUrl } }',
    prepare: async (h) => ({ id: await library(h) }),
    expected: SIGNED_IN,
  },
  {
    name: 'baseLibrariesTotal',
    source: '{ baseLibrariesTotal(enabled: true) }',
    prepare: async (h) => ({ id: await library(h) }),
    expected: SIGNED_IN,
  },
  {
    name: 'baseLibrary',
    source: 'query($id: ID!) { baseLibrary(id: $id) { id downloadUrl } }',
    prepare: async (h) => ({ id: await library(h) }),
    expected: SIGNED_IN,
  },
  {
    name: '_entities(BaseLibrary)',
    source:
      'query($id: ID!) { _entities(representations: [{ __typename: "BaseLibrary", id: $id }]) { ... on BaseLibrary { id downloadUrl } } }',
    prepare: async (h) => ({ id: await library(h) }),
    expected: ENTITY_SIGNED_IN,
  },
  {
    name: '_entities(BaseLibrary)',
    label: '_entities with a disabled base library',
    source:
      'query($id: ID!) { _entities(representations: [{ __typename: "BaseLibrary", id: $id }]) { ... on BaseLibrary { id downloadUrl } } }',
    prepare: async (h) => ({ id: await disabledLibrary(h) }),
    expected: ENTITY_CONFIGURERS,
  },
  {
    name: 'resolveBaseLibrary',
    source: '{ resolveBaseLibrary(sdkVersion: "2.0.0", platform: IOS) { id } }',
    expected: SIGNED_IN,
  },
  {
    name: 'updateBaseLibrary',
    source:
      'mutation($id: ID!) { updateBaseLibrary(id: $id, input: { releaseNotes: "changed" }) { id releaseNotes } }',
    prepare: async (h) => ({ id: await library(h) }),
    expected: CONFIGURERS,
  },
  {
    name: 'disableBaseLibrary',
    source: 'mutation($id: ID!) { disableBaseLibrary(id: $id) { id enabled } }',
    prepare: async (h) => ({ id: await library(h) }),
    expected: CONFIGURERS,
  },
  {
    name: 'enableBaseLibrary',
    source: 'mutation($id: ID!) { enableBaseLibrary(id: $id) { id enabled } }',
    prepare: async (h) => ({ id: await disabledLibrary(h) }),
    expected: CONFIGURERS,
  },
  {
    name: 'POST /uploads/base-libraries',
    call: (h, p, vars) =>
      h.sdk.handleBaseLibraryUpload(p, vars.zip as Buffer, {
        contentType: 'application/zip',
        query: { version: String(vars.version), minSdkVersion: '1.0.0', platform: 'IOS' },
      }),
    prepare: async () => {
      const version = nextVersion();
      return { version, zip: await baseLibraryZip(version) };
    },
    expected: CONFIGURERS,
  },

  // ---- SDK versions (the queries also cover SdkVersion.downloadUrl)
  {
    name: 'sdkVersions',
    source: '{ sdkVersions { id version downloadUrl } }',
    prepare: async (h) => ({ id: await sdkVersion(h) }),
    expected: SIGNED_IN,
  },
  {
    name: 'sdkVersionsTotal',
    source: '{ sdkVersionsTotal(platform: ANDROID) }',
    prepare: async (h) => ({ id: await sdkVersion(h) }),
    expected: SIGNED_IN,
  },
  {
    name: 'sdkVersion',
    source: 'query($id: ID!) { sdkVersion(id: $id) { id } }',
    prepare: async (h) => ({ id: await sdkVersion(h) }),
    expected: SIGNED_IN,
  },
  {
    name: '_entities(SdkVersion)',
    source:
      'query($id: ID!) { _entities(representations: [{ __typename: "SdkVersion", id: $id }]) { ... on SdkVersion { id downloadUrl } } }',
    prepare: async (h) => ({ id: await sdkVersion(h) }),
    expected: ENTITY_SIGNED_IN,
  },
  {
    name: 'publishSdkVersion',
    source:
      'mutation($v: String!, $k: String!) { publishSdkVersion(input: { platform: HARMONY, version: $v, artifactKey: $k }) { id } }',
    prepare: async (h) => {
      const key = `releases/${nextVersion()}.zip`;
      await h.objects.put(key, await sdkArtifactZip('r'));
      return { v: nextVersion(), k: key };
    },
    expected: CONFIGURERS,
  },
  {
    // An organization's SDK build (sdk-builds/<orgId>/...) is never a platform SDK version, not even for an admin.
    name: 'publishSdkVersion',
    label: "publishSdkVersion with org A's unreviewed SDK build artifact key",
    source:
      'mutation($v: String!, $k: String!) { publishSdkVersion(input: { platform: HARMONY, version: $v, artifactKey: $k }) { id } }',
    prepare: async (h) => ({ v: nextVersion(), k: (await buildOf(h)).artifactKey }),
    expected: [U, F, F, F, F, F, 'BAD_USER_INPUT'],
  },
  {
    name: 'disableSdkVersion',
    source: 'mutation($id: ID!) { disableSdkVersion(id: $id) { id enabled } }',
    prepare: async (h) => ({ id: await sdkVersion(h) }),
    expected: CONFIGURERS,
  },
  {
    name: 'enableSdkVersion',
    source: 'mutation($id: ID!) { enableSdkVersion(id: $id) { id enabled } }',
    prepare: async (h) => {
      const id = await sdkVersion(h);
      await h.sdk.services.sdkVersions.setEnabled(h.admin, id, false);
      return { id };
    },
    expected: CONFIGURERS,
  },
  {
    name: 'POST /uploads/sdk-versions',
    call: async (h, p) =>
      h.sdk.handleSdkVersionUpload(p, await sdkArtifactZip('u'), {
        contentType: 'application/zip',
        query: { platform: 'ANDROID', version: nextVersion() },
      }),
    expected: CONFIGURERS,
  },

  // ---- SDK configuration
  {
    name: 'sdkGlobalConfig',
    source: '{ sdkGlobalConfig { version etag config { logLevel extra { key value } } } }',
    expected: SIGNED_IN,
  },
  { name: 'sdkConfigHistory', source: '{ sdkConfigHistory { version scope } }', expected: SIGNED_IN },
  {
    name: 'sdkConfigHistory',
    label: 'sdkConfigHistory (host app)',
    source: 'query($h: ID!) { sdkConfigHistory(hostAppId: $h) { version scope } }',
    prepare: async (h) => ({ h: await hostAppOfA(h) }),
    expected: ORG_A_READERS,
  },
  {
    name: 'sdkConfigOverride',
    source: 'query($h: ID!) { sdkConfigOverride(hostAppId: $h) { version settings { logLevel } } }',
    prepare: async (h) => ({ h: await hostAppOfA(h) }),
    expected: ORG_A_READERS,
  },
  {
    name: 'sdkConfigOverride',
    label: "sdkConfigOverride with org B's host app id",
    source: 'query($h: ID!) { sdkConfigOverride(hostAppId: $h) { version settings { logLevel } } }',
    prepare: async (h) => ({ h: await hostAppOfB(h) }),
    expected: ORG_B_READERS,
  },
  {
    name: 'effectiveSdkConfig',
    source:
      'query($h: ID!) { effectiveSdkConfig(hostAppId: $h) { version etag config { maxCachedApplets } } }',
    prepare: async (h) => ({ h: await hostAppOfA(h) }),
    expected: ORG_A_READERS,
  },
  {
    name: 'updateSdkGlobalConfig',
    source: 'mutation { updateSdkGlobalConfig(input: { enableDebug: true }) { version } }',
    expected: CONFIGURERS,
  },
  {
    name: 'setSdkConfigOverride',
    source: SET_OVERRIDE,
    prepare: async (h) => ({ h: await hostAppOfA(h) }),
    expected: HOST_APP_MANAGERS_A,
  },
  {
    name: 'setSdkConfigOverride',
    label: "setSdkConfigOverride with org B's host app id",
    source: SET_OVERRIDE,
    prepare: async (h) => ({ h: await hostAppOfB(h) }),
    expected: HOST_APP_MANAGERS_B,
  },
  {
    name: 'clearSdkConfigOverride',
    source: 'mutation($h: ID!) { clearSdkConfigOverride(hostAppId: $h) { version } }',
    prepare: async (h) => {
      const id = await hostAppOfA(h);
      await h.sdk.services.configs.setOverride(h.ownerA, id, { enableDebug: true });
      return { h: id };
    },
    expected: HOST_APP_MANAGERS_A,
  },

  // ---- SDK build review (sdkBuild also covers SdkBuild.downloadUrl)
  {
    name: 'sdkBuild',
    source: 'query($id: ID!) { sdkBuild(id: $id) { id status downloadUrl } }',
    prepare: async (h) => ({ id: (await buildOf(h)).id }),
    expected: ORG_A_READERS,
  },
  {
    name: 'sdkBuild',
    label: "sdkBuild with org B's build id",
    source: 'query($id: ID!) { sdkBuild(id: $id) { id status downloadUrl } }',
    prepare: async (h) => ({ id: (await buildOf(h, h.orgB)).id }),
    expected: ORG_B_READERS,
  },
  {
    name: 'sdkBuild',
    label: 'sdkBuild { files } (SdkBuild.files: the artifact for review)',
    source: 'query($id: ID!) { sdkBuild(id: $id) { id files(take: 5) { total items { path size } } } }',
    prepare: async (h) => ({ id: (await buildOf(h)).id }),
    expected: ORG_A_READERS,
  },
  {
    name: 'sdkBuilds',
    source: 'query($o: ID!) { sdkBuilds(orgId: $o) { id } }',
    prepare: async (h) => ({ o: h.orgA }),
    expected: ORG_A_READERS,
  },
  {
    name: 'pendingSdkBuildReviews',
    source: '{ pendingSdkBuildReviews { total items { id } } }',
    expected: REVIEWERS,
  },
  {
    name: 'submitSdkBuild',
    source: SUBMIT_BUILD,
    prepare: async (h) => ({ o: h.orgA, k: await withdrawnArtifactOf(h, h.orgA) }),
    expected: HOST_APP_MANAGERS_A,
  },
  {
    // Org A submits org B's uploaded artifact: refused like a key that does not exist (ARTIFACT_NOT_FOUND).
    name: 'submitSdkBuild',
    label: "submitSdkBuild for org A with org B's artifact key",
    source: SUBMIT_BUILD,
    prepare: async (h) => ({ o: h.orgA, k: await withdrawnArtifactOf(h, h.orgB) }),
    expected: [U, 'BAD_USER_INPUT', 'BAD_USER_INPUT', F, F, F, F],
  },
  {
    name: 'submitSdkBuild',
    label: "submitSdkBuild for org B with org A's artifact key",
    source: SUBMIT_BUILD,
    prepare: async (h) => ({ o: h.orgB, k: await withdrawnArtifactOf(h, h.orgA) }),
    expected: [U, F, F, F, 'BAD_USER_INPUT', F, F],
  },
  {
    name: 'POST /uploads/sdk-builds',
    call: uploadBuild((h) => h.orgA),
    expected: HOST_APP_MANAGERS_A,
  },
  {
    name: 'POST /uploads/sdk-builds',
    label: 'POST /uploads/sdk-builds for org B',
    call: uploadBuild((h) => h.orgB),
    expected: HOST_APP_MANAGERS_B,
  },
  {
    name: 'withdrawSdkBuild',
    source: 'mutation($id: ID!) { withdrawSdkBuild(id: $id) { status } }',
    prepare: async (h) => ({ id: (await buildOf(h)).id }),
    expected: HOST_APP_MANAGERS_A,
  },
  {
    name: 'withdrawSdkBuild',
    label: "withdrawSdkBuild with org B's build id",
    source: 'mutation($id: ID!) { withdrawSdkBuild(id: $id) { status } }',
    prepare: async (h) => ({ id: (await buildOf(h, h.orgB)).id }),
    expected: HOST_APP_MANAGERS_B,
  },
  {
    name: 'approveSdkBuild',
    source: 'mutation($id: ID!) { approveSdkBuild(id: $id) { status } }',
    prepare: async (h) => ({ id: (await buildOf(h)).id }),
    expected: REVIEWERS,
  },
  {
    name: 'rejectSdkBuild',
    source: 'mutation($id: ID!) { rejectSdkBuild(id: $id, reason: "unsafe") { status } }',
    prepare: async (h) => ({ id: (await buildOf(h)).id }),
    expected: REVIEWERS,
  },
  {
    // An id that names nothing: reviewers learn it does not exist, others are refused first.
    name: 'approveSdkBuild',
    label: 'approveSdkBuild with an unknown build id',
    source: 'mutation($id: ID!) { approveSdkBuild(id: $id) { status } }',
    prepare: async () => ({ id: newId() }),
    expected: [U, F, F, F, F, N, N],
  },
];

describeAuthorizationMatrix<Harness>({
  subgraph: 'sdk',
  harness: () => createHarness(),
  dispose: (h) => h.dispose(),
  schema: (h) => h.sdk.schema,
  principals: (h) => ({
    ownerA: h.ownerA,
    adminA: h.adminA,
    developerA: h.developerA,
    ownerB: h.ownerB,
    reviewer: h.reviewer,
    admin: h.admin,
  }),
  operations: OPERATIONS,
  snapshot: async (h) => {
    const models = [
      BaseLibraryModel,
      SdkVersionModel,
      SdkConfigHeadModel,
      SdkConfigVersionModel,
      HostAppOwnershipModel,
      SdkBuildReviewModel,
    ];
    const collections = await Promise.all(
      models.map((model) => h.runtime.documents.collection(model as never).find({}, { sort: { _id: 1 } })),
    );
    const objects = ((await readdir(`${h.runtime.dataDir}/objects`, { recursive: true })) as string[])
      .filter((f) => f.endsWith('.meta.json'))
      .sort();
    return [...collections, objects];
  },
  routes: (h) => httpRoutesOf(h.sdk),
});
