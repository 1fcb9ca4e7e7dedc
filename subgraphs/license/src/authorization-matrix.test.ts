import {
  describeAuthorizationMatrix,
  matrixPrincipals,
  F,
  httpRoutesOf,
  U,
  type MatrixOperation,
  type MatrixRow,
} from '@grove/testkit';
import { newId } from '@grove/platform';
import { LicenseInstallationModel } from '@grove/contracts';
import {
  HISTORY_QUERY,
  INSTALL_MUTATION,
  LICENSE_QUERY,
  createHarness,
  signedDocument,
  type Harness,
} from './license.test-support';

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

describeAuthorizationMatrix<Harness>({
  subgraph: 'license',
  harness: () => createHarness(),
  dispose: (h) => h.dispose(),
  schema: (h) => h.license.schema,
  principals: () => matrixPrincipals(newId(), newId()),
  operations: OPERATIONS,
  snapshot: (h) => installations(h).find({}, { sort: { _id: 1 } }),
  routes: (h) => httpRoutesOf(h.license),
});
