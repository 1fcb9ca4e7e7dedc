import { describe, expect, it } from 'vitest';
import { memberOrganizations } from './member-organizations';
import { miniProgramListVariables } from './mini-programs.query';

describe('mini-program list variables (the page and the boot prefetch)', () => {
  it('reads page, size and filters from the URL, with the first organization unless one is chosen', () => {
    expect(
      miniProgramListVariables(new URLSearchParams('page=3&size=50&search=shop&status=FROZEN'), 'o1'),
    ).toEqual({
      orgId: 'o1',
      search: 'shop',
      status: 'FROZEN',
      skip: 100,
      take: 50,
    });
    expect(miniProgramListVariables(new URLSearchParams('org=o2&size=7'), 'o1')).toMatchObject({
      orgId: 'o2',
      skip: 0,
      take: 20,
    });
  });

  it('shows approved organizations the caller is a member of', () => {
    const orgs = [
      { id: 'a', status: 'PENDING' },
      { id: 'b', status: 'APPROVED' },
      { id: 'c', status: 'APPROVED' },
    ];
    expect(memberOrganizations(orgs, [{ orgId: 'a' }, { orgId: 'c' }]).map((o) => o.id)).toEqual(['c']);
  });
});
