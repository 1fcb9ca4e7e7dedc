import { rootOperationNames } from '@grove/testkit';
import type { Principal } from '@grove/platform';
import {
  HISTORY_QUERY,
  INSTALL_MUTATION,
  LICENSE_QUERY,
  createHarness,
  errorCodes,
  execute,
  principals,
  signedDocument,
  type Harness,
} from './license.test-support';
import { LicenseInstallationModel } from '@grove/contracts';

/**
 * Every operation of the license subgraph, executed through the built schema for each principal,
 * against an explicit allow/deny table. A denial carries the expected code and writes nothing.
 */
type Who = keyof typeof principals;
const WHO: Who[] = ['anonymous', 'orgMember', 'reviewer', 'admin'];
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';
const U: Outcome = 'UNAUTHENTICATED';
const F: Outcome = 'FORBIDDEN';

interface Operation {
  name: string;
  source: string;
  variables?: () => Record<string, unknown>;
  //        anonymous orgMember reviewer admin
  expected: [Outcome, Outcome, Outcome, Outcome];
  /** Whether a successful call adds an installation. */
  writes?: boolean;
}

const OPERATIONS: Operation[] = [
  { name: 'license', source: LICENSE_QUERY, expected: [U, F, 'ok', 'ok'] },
  { name: 'licenseHistory', source: HISTORY_QUERY, expected: [U, F, F, 'ok'] },
  {
    name: 'installLicense',
    source: INSTALL_MUTATION,
    variables: () => ({ d: signedDocument() }),
    expected: [U, F, F, 'ok'],
    writes: true,
  },
];

const CASES = OPERATIONS.flatMap((op) => WHO.map((who, i) => [op.name, who, op.expected[i], op] as const));

describe('license authorization matrix', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.dispose());

  it('covers every root field of the schema', () => {
    expect(rootOperationNames(h.license.schema)).toEqual(OPERATIONS.map((op) => op.name).sort());
  });

  it.each(CASES)('%s as %s → %s', async (_, who, outcome, op) => {
    const installations = h.runtime.documents.collection(LicenseInstallationModel);
    const before = await installations.count();
    const result = await execute(h, op.source, principals[who] as Principal, op.variables?.());
    if (outcome === 'ok') {
      expect(result.errors).toBeUndefined();
      expect(result.data?.[op.name]).toBeTruthy();
      expect(await installations.count()).toBe(before + (op.writes ? 1 : 0));
    } else {
      expect(errorCodes(result)).toEqual([outcome]);
      expect(result.data).toBeNull();
      expect(await installations.count()).toBe(before);
    }
  });
});
