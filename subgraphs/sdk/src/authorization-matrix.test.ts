import { uncoveredOperations } from '@grove/testkit';
import { readdir } from 'node:fs/promises';
import { graphql } from 'graphql';
import { ANONYMOUS, newId, type PlatformError, type Principal, type UserPrincipal } from '@grove/platform';
import {
  announceHostApp,
  baseLibraryZip,
  contextFor,
  createHarness,
  errorCodes,
  execute,
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
 * Every query, mutation and upload of the sdk subgraph, for each kind of caller, against an explicit allow/deny
 * table. A denial must carry the expected code and leave every collection and the object store as they were.
 * SDK build review is an operator task for miniprogram:review holders (reviewers and admins); everything else
 * operators change needs platform:configure (admins).
 */
type Who = 'anonymous' | 'ownerA' | 'ownerB' | 'reviewer' | 'admin';
const WHO: Who[] = ['anonymous', 'ownerA', 'ownerB', 'reviewer', 'admin'];
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';
const U: Outcome = 'UNAUTHENTICATED';
const F: Outcome = 'FORBIDDEN';
//                      anonymous ownerA ownerB reviewer admin
type Row = [Outcome, Outcome, Outcome, Outcome, Outcome];

const SIGNED_IN: Row = [U, 'ok', 'ok', 'ok', 'ok'];
const ORG_A_OR_OPERATORS: Row = [U, 'ok', F, 'ok', 'ok'];
const ORG_A_ONLY: Row = [U, 'ok', F, F, F];
const REVIEWERS: Row = [U, F, F, 'ok', 'ok'];
const CONFIGURERS: Row = [U, F, F, F, 'ok'];

interface Operation {
  name: string;
  source?: string;
  call?: (h: Harness, principal: Principal, vars: Record<string, unknown>) => Promise<unknown>;
  prepare?: (h: Harness) => Promise<Record<string, unknown>>;
  expected: Row;
}

let seq = 0;
const nextVersion = () => `1.${++seq}.0`;
const library = async (h: Harness) => (await uploadBaseLibrary(h, { version: nextVersion() })).id;
const sdkVersion = async (h: Harness) =>
  (
    await h.sdk.handleSdkVersionUpload(h.admin, await sdkArtifactZip('x'), {
      contentType: 'application/zip',
      query: { platform: 'IOS', version: nextVersion() },
    })
  ).body.id;
const buildOfA = async (h: Harness) =>
  (
    await h.sdk.handleSdkBuildUpload(h.ownerA, await sdkArtifactZip('a'), {
      contentType: 'application/zip',
      query: { orgId: h.orgA, platform: 'ANDROID', version: nextVersion() },
    })
  ).body;
const hostAppOfA = (h: Harness) => announceHostApp(h, h.orgA);

const OPERATIONS: Operation[] = [
  // ---- base libraries
  {
    name: 'baseLibraries',
    source: '{ baseLibraries { id version downloadUrl } }',
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
    prepare: async (h) => {
      const id = await library(h);
      await h.sdk.services.baseLibraries.setEnabled(h.admin, id, false);
      return { id };
    },
    expected: CONFIGURERS,
  },
  {
    name: 'upload base library',
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

  // ---- SDK versions
  {
    name: 'sdkVersions',
    source: '{ sdkVersions { id version downloadUrl } }',
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
    name: 'upload SDK version',
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
    name: 'sdkConfigHistory (host app)',
    source: 'query($h: ID!) { sdkConfigHistory(hostAppId: $h) { version scope } }',
    prepare: async (h) => ({ h: await hostAppOfA(h) }),
    expected: ORG_A_OR_OPERATORS,
  },
  {
    name: 'sdkConfigOverride',
    source: 'query($h: ID!) { sdkConfigOverride(hostAppId: $h) { version settings { logLevel } } }',
    prepare: async (h) => ({ h: await hostAppOfA(h) }),
    expected: ORG_A_OR_OPERATORS,
  },
  {
    name: 'effectiveSdkConfig',
    source:
      'query($h: ID!) { effectiveSdkConfig(hostAppId: $h) { version etag config { maxCachedApplets } } }',
    prepare: async (h) => ({ h: await hostAppOfA(h) }),
    expected: ORG_A_OR_OPERATORS,
  },
  {
    name: 'updateSdkGlobalConfig',
    source: 'mutation { updateSdkGlobalConfig(input: { enableDebug: true }) { version } }',
    expected: CONFIGURERS,
  },
  {
    name: 'setSdkConfigOverride',
    source:
      'mutation($h: ID!) { setSdkConfigOverride(hostAppId: $h, input: { maxCachedApplets: 5, extra: [{ key: "theme", value: "dark" }] }) { version } }',
    prepare: async (h) => ({ h: await hostAppOfA(h) }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'clearSdkConfigOverride',
    source: 'mutation($h: ID!) { clearSdkConfigOverride(hostAppId: $h) { version } }',
    prepare: async (h) => {
      const id = await hostAppOfA(h);
      await h.sdk.services.configs.setOverride(h.ownerA, id, { enableDebug: true });
      return { h: id };
    },
    expected: ORG_A_ONLY,
  },

  // ---- SDK build review
  {
    name: 'sdkBuild',
    source: 'query($id: ID!) { sdkBuild(id: $id) { id status downloadUrl } }',
    prepare: async (h) => ({ id: (await buildOfA(h)).id }),
    expected: ORG_A_OR_OPERATORS,
  },
  {
    name: 'sdkBuilds',
    source: 'query($o: ID!) { sdkBuilds(orgId: $o) { id } }',
    prepare: async (h) => ({ o: h.orgA }),
    expected: ORG_A_OR_OPERATORS,
  },
  {
    name: 'pendingSdkBuildReviews',
    source: '{ pendingSdkBuildReviews { total items { id } } }',
    expected: REVIEWERS,
  },
  {
    name: 'submitSdkBuild',
    source:
      'mutation($o: ID!, $k: String!) { submitSdkBuild(input: { orgId: $o, platform: ANDROID, version: "9.9.9", artifactKey: $k }) { id status } }',
    prepare: async (h) => {
      const build = await buildOfA(h);
      await h.sdk.services.builds.withdraw(h.ownerA, build.id);
      return { o: h.orgA, k: build.artifactKey };
    },
    expected: ORG_A_ONLY,
  },
  {
    name: 'upload SDK build',
    call: async (h, p) =>
      h.sdk.handleSdkBuildUpload(p, await sdkArtifactZip('b'), {
        contentType: 'application/zip',
        query: { orgId: h.orgA, platform: 'IOS', version: '1.0.0' },
      }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'withdrawSdkBuild',
    source: 'mutation($id: ID!) { withdrawSdkBuild(id: $id) { status } }',
    prepare: async (h) => ({ id: (await buildOfA(h)).id }),
    expected: ORG_A_ONLY,
  },
  {
    name: 'approveSdkBuild',
    source: 'mutation($id: ID!) { approveSdkBuild(id: $id) { status } }',
    prepare: async (h) => ({ id: (await buildOfA(h)).id }),
    expected: REVIEWERS,
  },
  {
    name: 'rejectSdkBuild',
    source: 'mutation($id: ID!) { rejectSdkBuild(id: $id, reason: "unsafe") { status } }',
    prepare: async (h) => ({ id: (await buildOfA(h)).id }),
    expected: REVIEWERS,
  },
];

async function snapshot(h: Harness): Promise<unknown[]> {
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
  const codes = errorCodes(await execute(h, op.source!, principal, vars));
  return codes.length === 0 ? 'ok' : codes.join(',');
}

describe('authorization matrix', () => {
  let h: Harness;
  let principals: Record<Who, Principal>;
  beforeAll(async () => {
    h = await createHarness();
    principals = {
      anonymous: ANONYMOUS,
      ownerA: h.ownerA,
      ownerB: h.ownerB,
      reviewer: h.reviewer,
      admin: h.admin,
    };
  });
  afterAll(() => h.dispose());

  it('covers every query and mutation in the schema', () => {
    expect(
      uncoveredOperations(
        h.sdk.schema,
        OPERATIONS.map((op) => op.name),
      ),
    ).toEqual([]);
  });

  it('covers every upload route', () => {
    expect(h.sdk.routes.map((route) => route.path)).toEqual([
      '/uploads/base-libraries',
      '/uploads/sdk-versions',
      '/uploads/sdk-builds',
    ]);
    expect(OPERATIONS.filter((op) => op.call).map((op) => op.name)).toEqual([
      'upload base library',
      'upload SDK version',
      'upload SDK build',
    ]);
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
    const allowed = { ownerA: h.ownerA, ownerB: h.ownerB, reviewer: h.reviewer, admin: h.admin }[WHO[op.expected.indexOf('ok')] as Exclude<Who, 'anonymous'>] as UserPrincipal;
    const before = await snapshot(h);
    const refusal = async (principal: UserPrincipal) => {
      const error = (await gated(principal)).errors?.[0]?.originalError as PlatformError | undefined;
      return { code: error?.code, reason: error?.details?.reason };
    };
    const gated = (principal: UserPrincipal) =>
      graphql({ schema: h.sdk.schema, source: op.source!, variableValues: vars, contextValue: { ...contextFor(principal), authorization: h.runtime.authorization } });

    const stale: UserPrincipal = { ...allowed, userId: newId(), authEpoch: Date.now() - 1 };
    await h.runtime.authorization.revokeUser(stale.userId);
    expect(await refusal(stale)).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_STALE' });

    const loggedOut: UserPrincipal = { ...allowed, userId: newId(), sessionId: newId(), authEpoch: Date.now() };
    await h.runtime.authorization.revokeSession(loggedOut.userId, loggedOut.sessionId);
    expect(await refusal(loggedOut)).toEqual({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    expect(await snapshot(h)).toEqual(before);
  });
});
