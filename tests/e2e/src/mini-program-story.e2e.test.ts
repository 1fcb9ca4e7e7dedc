import { createHash } from 'node:crypto';
import { signRuntimeRequest } from '@grove/sdk-runtime';
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
  SignUpDocument,
  MiniProgramVersionsDocument,
  ReleasePlanDocument,
  StartReleasePlanDocument,
  SubmitVersionForReviewDocument,
} from '../../../schema/generated/graphql';
import { dataOf, execute } from './graphql-client';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startE2EPlatform, validCreditCode, type E2EPlatform } from './platform-harness';

interface Envelope<T> {
  errcode: string;
  error: string;
  data: T;
}
interface AppletInfo {
  version: { id: string; gray?: boolean; sha256?: string };
}

/**
 * The whole mini-program story through the router over HTTP: an organization creates a mini-program,
 * uploads a package, submits it, an operator approves it, the owner gray-releases a second version to
 * 20% with a rule, a linked host app asks the SDK runtime for the applet from 1000 simulated devices,
 * the plan completes (everyone gets the new version), and delisting makes the runtime answer "delisted".
 */
describe('mini-program story through the router', () => {
  let e2e: E2EPlatform;
  let base: string;
  beforeAll(async () => {
    e2e = await startE2EPlatform();
    base = e2e.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await e2e?.stop();
  });

  const login = async (identifier: string, password: string) =>
    dataOf(await execute(e2e.url, LoginDocument, { input: { identifier, password } })).login.accessToken;

  async function upload(token: string, appId: string, versionName: string, code: number): Promise<string> {
    const zip = await w3cPackage(appId, versionName, code);
    const response = await fetch(`${base}/uploads/mini-programs/${appId}/versions?versionName=${versionName}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/zip' },
      body: zip,
    });
    const body = (await response.json()) as Envelope<{ id: string; packageSha256: string; status: string }>;
    expect({ status: response.status, errcode: body.errcode }).toEqual({ status: 201, errcode: 'OK' });
    expect(body.data).toMatchObject({ status: 'DEVELOPMENT', packageSha256: createHash('sha256').update(zip).digest('hex') });
    return body.data.id;
  }

  it('runs from upload to gray release, completion and delisting', async () => {
    // An approved organization and its owner.
    const admin = await login(ADMIN_EMAIL, ADMIN_PASSWORD);
    dataOf(await execute(e2e.url, SignUpDocument, { input: { email: 'owner@story.example', password: 'Story-owner-1', displayName: 'Owner' } }));
    const applicant = await login('owner@story.example', 'Story-owner-1');
    const org = dataOf(
      await execute(
        e2e.url,
        ApplyForOrganizationDocument,
        { input: { name: 'Story Org', creditCode: validCreditCode(), contactName: 'Wang', contactPhone: '+8613700137000', licenceDocumentRef: 'licences/story.pdf' } },
        { token: applicant },
      ),
    ).applyForOrganization;
    dataOf(await execute(e2e.url, ApproveOrganizationDocument, { id: org.id }, { token: admin }));
    const owner = await login('owner@story.example', 'Story-owner-1');

    // The mini-program and its first version: upload → submit → operator approves → owner publishes.
    const mp = dataOf(await execute(e2e.url, CreateMiniProgramDocument, { input: { orgId: org.id, name: 'Story Shop' } }, { token: owner }))
      .createMiniProgram;
    expect(mp.organization).toEqual({ id: org.id, name: 'Story Org' }); // resolved by the account subgraph
    const v1 = await upload(owner, mp.appId, '1.0.0', 1);
    dataOf(await execute(e2e.url, SubmitVersionForReviewDocument, { id: v1 }, { token: owner }));
    const approved = await execute(e2e.url, ApproveVersionDocument, { id: v1 }, { token: owner });
    expect(approved.errors?.[0]?.extensions?.code).toBe('FORBIDDEN'); // owners do not review their own code
    dataOf(await execute(e2e.url, ApproveVersionDocument, { id: v1 }, { token: admin }));
    expect(dataOf(await execute(e2e.url, PublishVersionDocument, { id: v1 }, { token: owner })).publishVersion.status).toBe('PUBLISHED');

    // A second version goes to gray release for 20% of mobile devices.
    const v2 = await upload(owner, mp.appId, '1.1.0', 2);
    dataOf(await execute(e2e.url, SubmitVersionForReviewDocument, { id: v2 }, { token: owner }));
    dataOf(await execute(e2e.url, ApproveVersionDocument, { id: v2 }, { token: admin }));
    const rule = dataOf(
      await execute(
        e2e.url,
        CreateGrayRuleDocument,
        { input: { appId: mp.appId, name: 'mobile', rule: { salt: 'story', match: { field: 'platform', op: 'in', value: ['IOS', 'ANDROID'] } } } },
        { token: owner },
      ),
    ).createGrayRule;
    const plan = dataOf(
      await execute(e2e.url, StartReleasePlanDocument, { input: { appId: mp.appId, grayVersionId: v2, ruleId: rule.id, percentage: 20 } }, { token: owner }),
    ).startReleasePlan;
    expect(plan).toMatchObject({ state: 'ACTIVE', percentage: 20 });
    // The plan is the version's gray release: app-manage shows it GRAY at the plan's percentage.
    const versionsOf = async () => dataOf(await execute(e2e.url, MiniProgramVersionsDocument, { appId: mp.appId }, { token: owner })).versions;
    const planOf = async () => dataOf(await execute(e2e.url, ReleasePlanDocument, { id: plan.id }, { token: owner })).releasePlan;

    // A host app of the organization, linked to the mini-program.
    const host = dataOf(
      await execute(e2e.url, CreateHostAppDocument, { input: { orgId: org.id, name: 'Story Host', androidPackageNames: ['com.story.host'] } }, { token: owner }),
    ).createHostApp;
    dataOf(await execute(e2e.url, LinkMiniProgramDocument, { hostAppId: host.hostApp.id, appId: mp.appId }, { token: owner }));

    const runtimeGet = async <T>(path: string, query: Record<string, string>) => {
      const headers = signRuntimeRequest({ sdkKey: host.sdkKey, secret: host.sdkSecret, path, query });
      const response = await fetch(`${base}${path}?${new URLSearchParams(query)}`, { headers });
      return (await response.json()) as Envelope<T>;
    };
    const appletFor = (deviceId: string, platform = 'ANDROID') =>
      runtimeGet<AppletInfo>(`/runtime/v1/applets/${mp.appId}`, { deviceId, platform });
    const poll = async (check: () => Promise<boolean>, what: string) => {
      const until = Date.now() + 3000;
      while (!(await check())) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };

    // Events reach the runtime read-model asynchronously; wait until it serves the applet.
    await poll(async () => (await appletFor('warm-up')).errcode === 'OK', 'the applet to be served');
    await poll(async () => {
      const gray = (await versionsOf()).find((v) => v.id === v2);
      return gray?.status === 'GRAY' && gray.grayPercentage === 20 && gray.releasePlanId === plan.id;
    }, 'the version to show its gray release');

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
    for (let i = 0; i < 1000; i += 37) expect((await appletFor(`device-${i}`)).data.version.id).toBe(answers.get(`device-${i}`));
    // Devices the rule does not match stay on the published version.
    for (let i = 0; i < 50; i++) expect((await appletFor(`device-${i}`, 'WEB')).data.version.id).toBe(v1);

    // The plan completes: the gray version becomes the published one for everybody.
    expect(dataOf(await execute(e2e.url, CompleteReleasePlanDocument, { id: plan.id }, { token: owner })).completeReleasePlan.state).toBe('COMPLETING');
    await poll(async () => (await planOf()).state === 'COMPLETED', 'app-manage to publish the version and the plan to complete');
    expect((await versionsOf()).find((v) => v.id === v2)).toMatchObject({ status: 'PUBLISHED', releasePlanId: plan.id });
    await poll(async () => {
      const sample = await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map((i) => appletFor(`device-${i}`)));
      return sample.every((info) => info.data?.version.id === v2);
    }, 'the completed version to reach every device');

    // Delisting: the runtime stops serving it.
    dataOf(await execute(e2e.url, DelistVersionDocument, { id: v2, reason: 'end of campaign' }, { token: owner }));
    await poll(async () => (await appletFor('device-1')).errcode === 'APPLET_DELISTED', 'the runtime to answer "delisted"');
  });
});
