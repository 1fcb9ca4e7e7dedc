import { describeAuthorizationMatrix, F, httpRoutesOf, U, type MatrixOperation, type MatrixRow } from '@grove/testkit';
import { newId, type OperatorRole, type OrgRole, type UserPrincipal } from '@grove/platform';
import { LicenseInstallationModel } from '@grove/contracts';
import { HISTORY_QUERY, INSTALL_MUTATION, LICENSE_QUERY, createHarness, signedDocument, type Harness } from './license.test-support';

/**
 * Every operation of the license subgraph, for each kind of caller: any operator reads the license,
 * platform:configure (operator admins) installs one and reads the history; organization roles do neither.
 */
//                                 anonymous ownerA adminA developerA ownerB reviewer admin
const OPERATORS: MatrixRow = /*  */ [U, F, F, F, F, 'ok', 'ok'];
const CONFIGURERS: MatrixRow = /**/ [U, F, F, F, F, F, 'ok'];

const installations = (h: Harness) => h.runtime.documents.collection(LicenseInstallationModel);

const OPERATIONS: MatrixOperation<Harness>[] = [
  {
    name: 'license',
    source: LICENSE_QUERY,
    expected: OPERATORS,
    check: (_h, result) => expect(result?.data?.license).toBeTruthy(),
  },
  {
    name: 'licenseHistory',
    source: HISTORY_QUERY,
    expected: CONFIGURERS,
    check: (_h, result) => expect(result?.data?.licenseHistory).toBeTruthy(),
  },
  {
    name: 'installLicense',
    source: INSTALL_MUTATION,
    prepare: async (h) => ({ d: signedDocument(), before: await installations(h).count() }),
    expected: CONFIGURERS,
    check: async (h, result, vars) => {
      expect(result?.data?.installLicense).toBeTruthy();
      expect(await installations(h).count()).toBe(Number(vars.before) + 1);
    },
  },
];

function user(memberships: Array<{ orgId: string; role: OrgRole }>, operatorRoles: OperatorRole[] = []): UserPrincipal {
  return { kind: 'user', userId: newId(), sessionId: newId(), operatorRoles, memberships };
}

describeAuthorizationMatrix<Harness>({
  subgraph: 'license',
  harness: () => createHarness(),
  dispose: (h) => h.dispose(),
  schema: (h) => h.license.schema,
  principals: () => {
    const orgA = newId();
    return {
      ownerA: user([{ orgId: orgA, role: 'ORG_OWNER' }]),
      adminA: user([{ orgId: orgA, role: 'ORG_ADMIN' }]),
      developerA: user([{ orgId: orgA, role: 'ORG_DEVELOPER' }]),
      ownerB: user([{ orgId: newId(), role: 'ORG_OWNER' }]),
      reviewer: user([], ['OPERATOR_REVIEWER']),
      admin: user([], ['OPERATOR_ADMIN']),
    };
  },
  operations: OPERATIONS,
  snapshot: (h) => installations(h).find({}, { sort: { _id: 1 } }),
  routes: (h) => httpRoutesOf(h.license),
});
