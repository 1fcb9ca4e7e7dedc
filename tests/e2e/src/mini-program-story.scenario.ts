import { createHash } from 'node:crypto';
import { signRuntimeRequest } from '@grove/sdk-runtime';
import { eventually } from '@grove/testkit';
import { w3cPackage } from '../../../subgraphs/app-manage/src/app-manage.test-support';
import {
  ApplyForOrganizationDocument,
  ApproveOrganizationDocument,
  ApproveVersionDocument,
  CompleteReleasePlanDocument,
  CreateGrayRuleDocument,
  CreateHostAppDocument,
  CreateMiniProgramDocument,
  DelistVersionDocument,
  LinkMiniProgramDocument,
  LoginDocument,
  PublishVersionDocument,
  SearchMiniProgramsDocument,
  SignUpDocument,
  MiniProgramVersionsDocument,
  ReleasePlanDocument,
  SetSdkConfigOverrideDocument,
  SetServiceDomainsDocument,
  StartReleasePlanDocument,
  SubmitVersionForReviewDocument,
} from '../../../schema/generated/graphql';
import { dataOf, execute } from './graphql-client';
import { checkStoryOperationLog } from './operation-log.scenario';
import { ADMIN_EMAIL, ADMIN_PASSWORD, validCreditCode, type E2EPlatform } from './platform-harness';

interface Envelope<T> {
  errcode: string;
  error: string;
  data: T;
}
interface AppletInfo {
  version: { id: string; gray?: boolean; sha256?: string };
}

/** Points of the story where a caller may step in (kill a service, start a late one) before it goes on. */
export type StoryStep =
  | 'mini-program-created'
  | 'first-version-published'
  | 'release-plan-started'
  | 'runtime-serving'
  | 'release-plan-completing';

export interface StoryIds {
  orgId: string;
  appId: string;
  v1: string;
  v2: string;
  ruleId: string;
  planId: string;
  hostAppId: string;
}

/** What the story leaves behind for callers that go on (benchmarks): the owner's token and the host app's keys. */
export interface StoryResult extends StoryIds {
  ownerToken: string;
  sdkKey: string;
  sdkSecret: string;
}

export interface StoryOptions {
  /** Runs at each step, with what the story has created so far; the story goes on when it resolves. */
  at?: (step: StoryStep, ids: Partial<StoryResult>) => Promise<void>;
  /** Distinct names per run when several stories share one platform. */
  tag?: string;
}

/** The story's 1000 simulated devices all call from the test's one address: room for them in the per-IP bucket. */
export const STORY_ENV = { RATE_LIMIT_IP_POINTS: '100000' };

/** Longest wait for an asynchronous effect (events across processes on a loaded machine); polling ends earlier. */
const CONVERGE_MS = 30_000;

/**
 * The whole mini-program story through the router over HTTP: an organization creates a mini-program,
 * uploads a package, submits it, an operator approves it, the owner gray-releases a second version to
 * 20% with a rule, a linked host app asks the SDK runtime for the applet from 1000 simulated devices,
 * the plan completes (everyone gets the new version), and delisting makes the runtime answer "delisted".
 * On the way, domain and sdk authorize writes through their event-fed projections of app-manage's ownership,
 * and the SDK runtime serves what they wrote.
 */
export async function runMiniProgramStory(
  e2e: E2EPlatform,
  options: StoryOptions = {},
): Promise<StoryResult> {
  const tag = options.tag ?? 'story';
  const ids: Partial<StoryResult> = {};
  const at = async (step: StoryStep) => options.at?.(step, { ...ids });
  const base = e2e.url.replace(/\/graphql$/, '');
  const login = async (identifier: string, password: string) =>
    dataOf(await execute(e2e.url, LoginDocument, { input: { identifier, password } })).login.accessToken;

  async function upload(token: string, appId: string, versionName: string, code: number): Promise<string> {
    const zip = await w3cPackage(appId, versionName, code);
    const response = await fetch(
      `${base}/uploads/mini-programs/${appId}/versions?versionName=${versionName}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/zip' },
        body: zip,
      },
    );
    const body = (await response.json()) as Envelope<{ id: string; packageSha256: string; status: string }>;
    expect({ status: response.status, errcode: body.errcode }).toEqual({ status: 201, errcode: 'OK' });
    expect(body.data).toMatchObject({
      status: 'DEVELOPMENT',
      packageSha256: createHash('sha256').update(zip).digest('hex'),
    });
    return body.data.id;
  }
  const poll = (check: () => Promise<boolean>, what: string) =>
    eventually(
      async () => {
        if (!(await check())) throw new Error(`timed out waiting for ${what}`);
      },
      CONVERGE_MS,
      25,
    );

  // An approved organization and its owner.
  const ownerEmail = `owner@${tag}.example`;
  const admin = await login(ADMIN_EMAIL, ADMIN_PASSWORD);
  dataOf(
    await execute(e2e.url, SignUpDocument, {
      input: { email: ownerEmail, password: 'Story-owner-1', displayName: 'Owner' },
    }),
  );
  const applicant = await login(ownerEmail, 'Story-owner-1');
  const org = dataOf(
    await execute(
      e2e.url,
      ApplyForOrganizationDocument,
      {
        input: {
          name: `Org ${tag}`,
          creditCode: validCreditCode(),
          contactName: 'Wang',
          contactPhone: '+8613700137000',
          licenceDocumentRef: 'licences/story.pdf',
        },
      },
      { token: applicant },
    ),
  ).applyForOrganization;
  dataOf(await execute(e2e.url, ApproveOrganizationDocument, { id: org.id }, { token: admin }));
  const owner = await login(ownerEmail, 'Story-owner-1');
  ids.orgId = org.id;

  // The mini-program and its first version: upload → submit → operator approves → owner publishes.
  const createRequestId = `story-${tag}-create-${Date.now()}`;
  const mp = dataOf(
    await execute(
      e2e.url,
      CreateMiniProgramDocument,
      { input: { orgId: org.id, name: 'Story Shop' } },
      { token: owner, headers: { 'x-request-id': createRequestId } },
    ),
  ).createMiniProgram;
  expect(mp.organization).toEqual({ id: org.id, name: `Org ${tag}` }); // resolved by the account subgraph
  ids.appId = mp.appId;
  await at('mini-program-created');
  const v1 = await upload(owner, mp.appId, '1.0.0', 1);
  ids.v1 = v1;
  dataOf(await execute(e2e.url, SubmitVersionForReviewDocument, { id: v1 }, { token: owner }));
  const approved = await execute(e2e.url, ApproveVersionDocument, { id: v1 }, { token: owner });
  expect(approved.errors?.[0]?.extensions?.code).toBe('FORBIDDEN'); // owners do not review their own code
  dataOf(await execute(e2e.url, ApproveVersionDocument, { id: v1 }, { token: admin }));
  expect(
    dataOf(await execute(e2e.url, PublishVersionDocument, { id: v1 }, { token: owner })).publishVersion
      .status,
  ).toBe('PUBLISHED');
  await at('first-version-published');
  // The search index follows app-manage's events: the owner finds it published, by a word of its name.
  await eventually(
    async () => {
      const found = dataOf(
        await execute(
          e2e.url,
          SearchMiniProgramsDocument,
          { text: 'story shop', filter: { orgIds: [org.id] } },
          { token: owner },
        ),
      ).searchMiniPrograms;
      expect(found.items[0]).toMatchObject({
        appId: mp.appId,
        status: 'PUBLISHED',
        organizationName: `Org ${tag}`,
        miniProgram: { id: mp.appId, name: 'Story Shop' },
      });
      expect(found.items[0].highlights.name).toBe('<em>Story</em> <em>Shop</em>');
    },
    CONVERGE_MS,
    50,
  );

  // A second version goes to gray release for 20% of mobile devices.
  const v2 = await upload(owner, mp.appId, '1.1.0', 2);
  ids.v2 = v2;
  dataOf(await execute(e2e.url, SubmitVersionForReviewDocument, { id: v2 }, { token: owner }));
  dataOf(await execute(e2e.url, ApproveVersionDocument, { id: v2 }, { token: admin }));
  // The rule-engine accepts rules and plans for the app once its projections of app-manage's events have it.
  let ruleId = '';
  await eventually(
    async () => {
      ruleId = dataOf(
        await execute(
          e2e.url,
          CreateGrayRuleDocument,
          {
            input: {
              appId: mp.appId,
              name: 'mobile',
              rule: { salt: 'story', match: { field: 'platform', op: 'in', value: ['IOS', 'ANDROID'] } },
            },
          },
          { token: owner },
        ),
      ).createGrayRule.id;
    },
    CONVERGE_MS,
    50,
  );
  ids.ruleId = ruleId;
  let plan: { id: string; state: string; percentage: number } | undefined;
  await eventually(
    async () => {
      plan = dataOf(
        await execute(
          e2e.url,
          StartReleasePlanDocument,
          { input: { appId: mp.appId, grayVersionId: v2, ruleId, percentage: 20 } },
          { token: owner },
        ),
      ).startReleasePlan;
    },
    CONVERGE_MS,
    50,
  );
  expect(plan).toMatchObject({ state: 'ACTIVE', percentage: 20 });
  const planId = plan!.id;
  ids.planId = planId;
  await at('release-plan-started');
  // The plan is the version's gray release: app-manage shows it GRAY at the plan's percentage.
  const versionsOf = async () =>
    dataOf(await execute(e2e.url, MiniProgramVersionsDocument, { appId: mp.appId }, { token: owner }))
      .versions ?? [];
  const planOf = async () =>
    dataOf(await execute(e2e.url, ReleasePlanDocument, { id: planId }, { token: owner })).releasePlan;

  // A host app of the organization, linked to the mini-program.
  const host = dataOf(
    await execute(
      e2e.url,
      CreateHostAppDocument,
      { input: { orgId: org.id, name: 'Story Host', androidPackageNames: ['com.story.host'] } },
      { token: owner },
    ),
  ).createHostApp;
  Object.assign(ids, {
    hostAppId: host.hostApp.id,
    ownerToken: owner,
    sdkKey: host.sdkKey,
    sdkSecret: host.sdkSecret,
  });
  dataOf(
    await execute(
      e2e.url,
      LinkMiniProgramDocument,
      { hostAppId: host.hostApp.id, appId: mp.appId },
      { token: owner },
    ),
  );

  const runtimeGet = async <T>(path: string, query: Record<string, string>) => {
    const headers = signRuntimeRequest({ sdkKey: host.sdkKey, secret: host.sdkSecret, path, query });
    const response = await fetch(`${base}${path}?${new URLSearchParams(query)}`, { headers });
    return (await response.json()) as Envelope<T>;
  };
  const appletFor = (deviceId: string, platform = 'ANDROID') =>
    runtimeGet<AppletInfo>(`/runtime/v1/applets/${mp.appId}`, { deviceId, platform });

  // Events reach the runtime read-model asynchronously; wait until it serves the applet.
  await poll(async () => (await appletFor('warm-up')).errcode === 'OK', 'the applet to be served');
  await poll(async () => {
    const gray = (await versionsOf()).find((v) => v.id === v2);
    return gray?.status === 'GRAY' && gray.grayPercentage === 20 && gray.releasePlanId === planId;
  }, 'the version to show its gray release');

  // Projections of app-manage's ownership: domain lets the owner set the app's domains, sdk the host app's config
  // (each once its consumer has the app / host app); the runtime serves both.
  await eventually(
    async () => {
      dataOf(
        await execute(
          e2e.url,
          SetServiceDomainsDocument,
          { appId: mp.appId, kind: 'REQUEST', domains: [`https://api.${tag}.example`] },
          { token: owner },
        ),
      );
    },
    CONVERGE_MS,
    50,
  );
  await eventually(
    async () => {
      dataOf(
        await execute(
          e2e.url,
          SetSdkConfigOverrideDocument,
          { hostAppId: host.hostApp.id, input: { maxCachedApplets: 7 } },
          { token: owner },
        ),
      );
    },
    CONVERGE_MS,
    50,
  );
  await eventually(
    async () => {
      const domains = await runtimeGet<{ request: string[] }>(`/runtime/v1/applets/${mp.appId}/domains`, {
        deviceId: 'device-0',
        platform: 'ANDROID',
      });
      expect(domains.data?.request).toEqual([`https://api.${tag}.example`]);
      const config = await runtimeGet<{ config: { maxCachedApplets?: number } }>('/runtime/v1/config', {});
      expect(config.data?.config.maxCachedApplets).toBe(7);
    },
    CONVERGE_MS,
    50,
  );
  await at('runtime-serving');

  // The device's search (FinClip's searchApplet): signed like the other runtime routes, answered by the search
  // service (in process, or over its internal route in the distributed profile); only what the host app may open.
  const searchHits = async () =>
    (
      await runtimeGet<{ total: number; list: Array<{ appId: string; appName: string }> }>(
        '/runtime/v1/search',
        { text: 'story shop' },
      )
    ).data;
  await eventually(
    async () =>
      expect((await searchHits())?.list).toEqual([
        expect.objectContaining({ appId: mp.appId, appName: 'Story Shop' }),
      ]),
    CONVERGE_MS,
    50,
  );

  // 1000 simulated devices: about 20% get the gray version, and each device always gets the same answer.
  const answers = new Map<string, string>();
  for (let i = 0; i < 1000; i++) {
    const info = await appletFor(`device-${i}`);
    expect(info.errcode).toBe('OK');
    answers.set(`device-${i}`, info.data.version.id);
  }
  const grayShare = [...answers.values()].filter((id) => id === v2).length / 1000;
  expect(grayShare).toBeGreaterThanOrEqual(0.15);
  expect(grayShare).toBeLessThanOrEqual(0.25);
  expect(new Set(answers.values())).toEqual(new Set([v1, v2]));
  for (let i = 0; i < 1000; i += 37)
    expect((await appletFor(`device-${i}`)).data.version.id).toBe(answers.get(`device-${i}`));
  // Devices the rule does not match stay on the published version.
  for (let i = 0; i < 50; i++) expect((await appletFor(`device-${i}`, 'WEB')).data.version.id).toBe(v1);

  // The plan completes: the gray version becomes the published one for everybody.
  expect(
    dataOf(await execute(e2e.url, CompleteReleasePlanDocument, { id: planId }, { token: owner }))
      .completeReleasePlan.state,
  ).toBe('COMPLETING');
  await at('release-plan-completing');
  await poll(
    async () => (await planOf())?.state === 'COMPLETED',
    'app-manage to publish the version and the plan to complete',
  );
  expect((await versionsOf()).find((v) => v.id === v2)).toMatchObject({
    status: 'PUBLISHED',
    releasePlanId: planId,
  });
  await poll(async () => {
    const sample = await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map((i) => appletFor(`device-${i}`)));
    return sample.every((info) => info.data?.version.id === v2);
  }, 'the completed version to reach every device');

  // Delisting: the runtime stops serving it.
  dataOf(
    await execute(e2e.url, DelistVersionDocument, { id: v2, reason: 'end of campaign' }, { token: owner }),
  );
  await poll(
    async () => (await appletFor('device-1')).errcode === 'APPLET_DELISTED',
    'the runtime to answer "delisted"',
  );
  // …and devices no longer find it.
  await eventually(
    async () => expect(await searchHits()).toEqual({ total: 0, list: [], searchId: expect.any(String) }),
    CONVERGE_MS,
    50,
  );

  // The operation log of the organization, through the router (ADR 0013).
  await checkStoryOperationLog(e2e, {
    orgId: org.id,
    appId: mp.appId,
    ownerToken: owner,
    adminToken: admin,
    createRequestId,
  });
  return {
    orgId: org.id,
    appId: mp.appId,
    v1,
    v2,
    ruleId,
    planId,
    hostAppId: host.hostApp.id,
    ownerToken: owner,
    sdkKey: host.sdkKey,
    sdkSecret: host.sdkSecret,
  };
}
