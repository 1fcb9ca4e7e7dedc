import { createAccountSubgraph, type AccountSubgraph } from '@grove/account';
import { RUNTIME_READS_CALLER } from '@grove/contracts';
import { serveSubgraph, silentLogger, type RunningSubgraph } from '@grove/platform';
import { runtimeReadsOverHttp } from '@grove/sdk-runtime';
import { createTestRuntime, type TestRuntime } from '@grove/testkit';

/** The runtime's frozen-organization answer is account's word: in process (embedded) and over account's internal read route (distributed). */
describe("account's organizationFrozen runtime read", () => {
  let runtime: TestRuntime;
  let account: AccountSubgraph;
  let served: RunningSubgraph;
  beforeAll(async () => {
    runtime = await createTestRuntime({ inMemory: true });
    account = await createAccountSubgraph(runtime, {
      bootstrapAdminPassword: 'Bootstrap-Pass-2024',
      passwordHashCost: 10,
    });
    await account.bootstrap();
    served = await serveSubgraph({
      module: account,
      tokens: runtime.tokens,
      logger: silentLogger(),
      port: 0,
    });
  });
  afterAll(async () => {
    await served?.stop();
    await runtime?.dispose();
  });

  it('answers what account stored, before and after a freeze', async () => {
    const { identity, organizations, sessions } = account.services;
    const verify = async (identifier: string, password: string) =>
      runtime.tokens.verifyAccessToken((await sessions.login({ identifier, password })).accessToken);
    await identity.signUp({
      email: 'owner@frozen.example',
      password: 'Owner-Pass-2024',
      displayName: 'Owner',
    });
    const owner = await verify('owner@frozen.example', 'Owner-Pass-2024');
    const admin = await verify('admin@grove.local', 'Bootstrap-Pass-2024');
    const org = await organizations.apply(owner, {
      name: 'Frozen Org',
      creditCode: '91350100M000100Y43',
      contactName: 'Li',
      contactPhone: '+8613800138000',
      licenceDocumentRef: 'x.pdf',
    });
    await organizations.approve(admin, org.id);

    const inProcess = account.runtimeReads.organizationFrozen;
    const { organizationFrozen: overHttp } = runtimeReadsOverHttp({
      origins: {
        account: served.url,
        'app-manage': 'http://127.0.0.1:9',
        'rule-engine': 'http://127.0.0.1:9',
        domain: 'http://127.0.0.1:9',
        sdk: 'http://127.0.0.1:9',
        search: 'http://127.0.0.1:9',
      },
      credential: () => runtime.tokens.signServiceCall(RUNTIME_READS_CALLER),
      timeoutMs: 5_000,
      logger: silentLogger(),
    });
    const ask = (orgId: string) => Promise.all([inProcess({ orgId }), overHttp({ orgId })]);
    expect([...(await ask(org.id)), ...(await ask('no-such-org'))]).toEqual([false, false, false, false]);
    await organizations.freeze(admin, org.id, 'audit');
    expect(await ask(org.id)).toEqual([true, true]);
  });
});
