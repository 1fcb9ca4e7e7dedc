import { createAccountSubgraph, type AccountSubgraph } from '@grove/account';
import { createTestRuntime, type TestRuntime } from '@grove/testkit';
import { organizationFrozenSource } from './sdk-runtime.mount';

/** The runtime's frozen-organization source is account's word, in process (embedded) and from the shared store (distributed). */
describe('organizationFrozenSource', () => {
  let runtime: TestRuntime;
  let account: AccountSubgraph;
  beforeAll(async () => {
    runtime = await createTestRuntime({ inMemory: true });
    account = await createAccountSubgraph(runtime, { bootstrapAdminPassword: 'Bootstrap-Pass-2024', passwordHashCost: 10 });
    await account.bootstrap();
  });
  afterAll(async () => {
    await account?.close?.();
    await runtime?.dispose();
  });

  it('answers what account stored, before and after a freeze', async () => {
    const { identity, organizations, sessions } = account.services;
    const verify = async (identifier: string, password: string) => runtime.tokens.verifyAccessToken((await sessions.login({ identifier, password })).accessToken);
    await identity.signUp({ email: 'owner@frozen.example', password: 'Owner-Pass-2024', displayName: 'Owner' });
    const owner = await verify('owner@frozen.example', 'Owner-Pass-2024');
    const admin = await verify('admin@grove.local', 'Bootstrap-Pass-2024');
    const org = await organizations.apply(owner, { name: 'Frozen Org', creditCode: '91350100M000100Y43', contactName: 'Li', contactPhone: '+8613800138000', licenceDocumentRef: 'x.pdf' });
    await organizations.approve(admin, org.id);

    const inProcess = organizationFrozenSource(runtime, [account]);
    const fromStore = organizationFrozenSource(runtime, []);
    expect([await inProcess(org.id), await fromStore(org.id), await inProcess('no-such-org'), await fromStore('no-such-org')]).toEqual([false, false, false, false]);
    await organizations.freeze(admin, org.id, 'audit');
    expect([await inProcess(org.id), await fromStore(org.id)]).toEqual([true, true]);
  });
});
