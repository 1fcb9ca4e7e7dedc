import { generateLicenseKeyPair, signLicense } from '@grove/license';
import { eventually } from '@grove/testkit';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  ApplyForOrganizationDocument,
  ApproveOrganizationDocument,
  CreateGrayRuleDocument,
  CreateHostAppDocument,
  CreateMiniProgramDocument,
  DeclareCustomEventDocument,
  FreezeOrganizationDocument,
  InstallLicenseDocument,
  LoginDocument,
  OperationLogDocument,
  RecomputeAnalyticsDocument,
  SetSdkConfigOverrideDocument,
  SetServiceDomainsDocument,
  SignUpDocument,
  type OperationLogQuery,
} from '../../../schema/generated/graphql';
import { dataOf, execute, type GraphQLResult } from './graphql-client';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  E2E_START_TIMEOUT_MS,
  startE2EPlatform,
  validCreditCode,
  type E2EPlatform,
} from './platform-harness';

type Line = OperationLogQuery['operationLog']['items'][number];

/**
 * One mutation of every subgraph that has mutations, through the router with its own x-request-id: each writes
 * exactly one operation log line with the right action, subgraph, actor, organization, target, request id and IP;
 * refused mutations (a tampered license, an owner freezing an organization, writes refused while a projection
 * catches up) write none. The platform kit does the same in both modes; the story checks the distributed one.
 */
describe('operation log: one line per mutation in every subgraph (embedded)', () => {
  const vendor = generateLicenseKeyPair();
  let e2e: E2EPlatform;
  let seq = 0;
  /** request id → what its line must say; null: the request was refused and must leave no line. */
  const sent = new Map<string, Partial<Line> | null>();

  beforeAll(async () => {
    e2e = await startE2EPlatform({
      mode: 'embedded',
      env: { LICENSE_PUBLIC_KEY: vendor.publicKeyPem, RATE_LIMIT_IP_POINTS: '100000' },
    });
  }, E2E_START_TIMEOUT_MS);
  afterAll(async () => {
    await e2e?.stop();
  }, E2E_START_TIMEOUT_MS);

  /** Sends with a fresh request id; a success must log `expected`, a refusal nothing. */
  async function call<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    token: string | undefined,
    expected: Partial<Line>,
  ): Promise<GraphQLResult<TData>> {
    const requestId = `oplog-e2e-${++seq}-${Date.now()}`;
    const result = await execute(e2e.url, document, variables, {
      token,
      headers: { 'x-request-id': requestId },
    });
    sent.set(requestId, result.errors?.length ? null : { ...expected, requestId });
    return result;
  }
  const must = async <TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    token: string | undefined,
    expected: Partial<Line>,
  ) => dataOf(await call(document, variables, token, expected));
  /** Retries a write refused until a projection has caught up; every attempt is recorded. */
  const converging = <TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    token: string,
    expected: Partial<Line>,
  ) => eventually(async () => void dataOf(await call(document, variables, token, expected)), 30_000, 100);

  it('writes exactly one line per successful mutation and none for a refused one', async () => {
    const admin = dataOf(
      await execute(e2e.url, LoginDocument, { input: { identifier: ADMIN_EMAIL, password: ADMIN_PASSWORD } }),
    ).login.accessToken;
    // license (operator, platform-wide) — and a tampered license, refused.
    const payload = {
      licenseId: `lic-${Date.now()}`,
      licensee: 'Oplog Bank',
      issuedAt: new Date(Date.now() - 60_000).toISOString(),
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      limits: { miniPrograms: 10, hostApps: 10, concurrentGrayReleases: 10, organizations: 10 },
    };
    const license = signLicense(payload, vendor.privateKeyPem);
    await must(InstallLicenseDocument, { document: JSON.stringify(license) }, admin, {
      action: 'installLicense',
      subgraph: 'license',
      actorKind: 'operator',
      organizationId: null,
    });
    const tampered = await call(
      InstallLicenseDocument,
      { document: JSON.stringify({ ...license, payload: { ...license.payload, licensee: 'Someone else' } }) },
      admin,
      {},
    );
    expect(tampered.errors?.length).toBeGreaterThan(0);

    // account: sign-up (anonymous: the actor is the new user), login, application, approval.
    const email = `owner-${Date.now()}@oplog.example`;
    const user = (
      await must(
        SignUpDocument,
        { input: { email, password: 'Oplog-owner-1', displayName: 'Owner' } },
        undefined,
        { action: 'signUp', subgraph: 'account' },
      )
    ).signUp.user;
    const applicant = (
      await must(LoginDocument, { input: { identifier: email, password: 'Oplog-owner-1' } }, undefined, {
        action: 'login',
        subgraph: 'account',
        actorId: `user:${user.id}`,
      })
    ).login.accessToken;
    const org = (
      await must(
        ApplyForOrganizationDocument,
        {
          input: {
            name: `Oplog Org ${Date.now()}`,
            creditCode: validCreditCode(),
            contactName: 'Li',
            contactPhone: '+8613700137001',
            licenceDocumentRef: 'licences/oplog.pdf',
          },
        },
        applicant,
        {
          action: 'applyForOrganization',
          subgraph: 'account',
          actorKind: 'user',
          actorId: `user:${user.id}`,
        },
      )
    ).applyForOrganization;
    await must(ApproveOrganizationDocument, { id: org.id }, admin, {
      action: 'approveOrganization',
      subgraph: 'account',
      actorKind: 'operator',
      organizationId: org.id,
      targetId: org.id,
    });
    const owner = dataOf(
      await execute(e2e.url, LoginDocument, { input: { identifier: email, password: 'Oplog-owner-1' } }),
    ).login.accessToken;
    const refused = await call(
      FreezeOrganizationDocument,
      { id: org.id, reason: 'not mine to freeze' },
      owner,
      {},
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // app-manage, analytics, domain, rule-engine, sdk.
    const ownerLine = { actorKind: 'user', actorId: `user:${user.id}`, organizationId: org.id };
    const mp = (
      await must(CreateMiniProgramDocument, { input: { orgId: org.id, name: 'Oplog Shop' } }, owner, {
        action: 'createMiniProgram',
        subgraph: 'app-manage',
        targetType: 'mini-program',
        ...ownerLine,
      })
    ).createMiniProgram;
    sent.set([...sent.keys()].pop()!, { ...sent.get([...sent.keys()].pop()!)!, targetId: mp.appId });
    await converging(
      DeclareCustomEventDocument,
      { appId: mp.appId, input: { name: 'purchase', displayName: '购买', attributes: [] } },
      owner,
      { action: 'declareCustomEvent', subgraph: 'analytics', targetId: mp.appId, ...ownerLine },
    );
    await must(RecomputeAnalyticsDocument, { from: '2026-03-01', to: '2026-03-02' }, admin, {
      action: 'recomputeAnalytics',
      subgraph: 'analytics',
      actorKind: 'operator',
      organizationId: null,
      targetType: 'analytics-recompute',
    });
    await converging(
      SetServiceDomainsDocument,
      { appId: mp.appId, kind: 'REQUEST', domains: ['https://api.oplog.example'] },
      owner,
      { action: 'setServiceDomains', subgraph: 'domain', ...ownerLine },
    );
    await converging(
      CreateGrayRuleDocument,
      {
        input: {
          appId: mp.appId,
          name: 'mobile',
          rule: { salt: 'oplog', match: { field: 'platform', op: 'in', value: ['IOS'] } },
        },
      },
      owner,
      { action: 'createGrayRule', subgraph: 'rule-engine', ...ownerLine },
    );
    const host = (
      await must(
        CreateHostAppDocument,
        { input: { orgId: org.id, name: 'Oplog Host', androidPackageNames: ['com.oplog.host'] } },
        owner,
        { action: 'createHostApp', subgraph: 'app-manage', ...ownerLine },
      )
    ).createHostApp;
    await converging(
      SetSdkConfigOverrideDocument,
      { hostAppId: host.hostApp.id, input: { maxCachedApplets: 5 } },
      owner,
      { action: 'setSdkConfigOverride', subgraph: 'sdk', ...ownerLine },
    );

    // Every line of the installation, read by the operator through the router, newest first, page by page.
    const read = async () => {
      const lines: Line[] = [];
      let after: string | null | undefined;
      do {
        const page = dataOf(
          await execute(e2e.url, OperationLogDocument, { take: 200, after }, { token: admin }),
        ).operationLog;
        lines.push(...page.items);
        after = page.nextCursor;
      } while (after);
      return lines;
    };
    const expectedLines = [...sent].filter(([, line]) => line !== null);
    let lines: Line[] = [];
    await eventually(
      async () => {
        lines = await read();
        for (const [requestId] of expectedLines) expect(lines.map((l) => l.requestId)).toContain(requestId);
      },
      30_000,
      100,
    );
    for (const [requestId, expected] of sent) {
      const mine = lines.filter((l) => l.requestId === requestId);
      if (expected === null) expect({ requestId, lines: mine }).toEqual({ requestId, lines: [] });
      // Every line was written in the unit of work of its change (none after it: `atomic: false`).
      else
        expect(mine).toEqual([
          expect.objectContaining({
            ...expected,
            clientIp: expect.stringMatching(/127\.0\.0\.1|::1/),
            atomic: true,
          }),
        ]);
    }
    expect(new Set(expectedLines.map(([, line]) => line!.subgraph))).toEqual(
      new Set(['license', 'account', 'app-manage', 'analytics', 'domain', 'rule-engine', 'sdk']),
    );
    // No secret reached the log (the passwords sent, the SDK secret shown once).
    const everything = JSON.stringify(lines);
    for (const secret of ['Oplog-owner-1', host.sdkSecret]) expect(everything).not.toContain(secret);
  }, 180_000);
});
