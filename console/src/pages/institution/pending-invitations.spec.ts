import { describe, expect, it } from 'vitest';
import {
  INVITATIONS_AFTER_PARAM,
  canRevoke,
  invitationFilterOf,
  statusVariable,
  withInvitationFilter,
  withMembersTab,
} from './pending-invitations';

describe('pending invitations: filter, URL and revoke', () => {
  it('reads the status filter from the URL, PENDING when absent or unknown', () => {
    expect(invitationFilterOf(null)).toBe('PENDING');
    expect(invitationFilterOf('EXPIRED')).toBe('EXPIRED');
    expect(invitationFilterOf('ALL')).toBe('ALL');
    expect(invitationFilterOf('expired')).toBe('PENDING');
    expect(invitationFilterOf('LOST')).toBe('PENDING');
  });

  it('asks the server for no status when the filter is ALL', () => {
    expect(statusVariable('ALL')).toBeUndefined();
    expect(statusVariable('REVOKED')).toBe('REVOKED');
  });

  it('a new filter drops the page trail but keeps the organization and the tab', () => {
    const url = new URLSearchParams(
      'org=o1&tab=invitations&invitationsAfter=c1&invitationsAfter=c2&after=m1',
    );
    const expired = withInvitationFilter(url, 'EXPIRED');
    expect(expired.get('status')).toBe('EXPIRED');
    expect(expired.getAll(INVITATIONS_AFTER_PARAM)).toEqual([]);
    expect(expired.get('org')).toBe('o1');
    expect(expired.get('tab')).toBe('invitations');
    expect(expired.get('after')).toBe('m1');
    expect(withInvitationFilter(expired, 'PENDING').has('status')).toBe(false);
    // The input is not changed in place.
    expect(url.getAll(INVITATIONS_AFTER_PARAM)).toEqual(['c1', 'c2']);
  });

  it('switches tabs without losing the organization', () => {
    const url = new URLSearchParams('org=o1&status=REVOKED');
    expect(withMembersTab(url, 'invitations').toString()).toBe('org=o1&status=REVOKED&tab=invitations');
    expect(withMembersTab(new URLSearchParams('org=o1&tab=invitations'), 'members').toString()).toBe(
      'org=o1',
    );
  });

  it('offers revoke only for pending invitations', () => {
    expect(canRevoke('PENDING')).toBe(true);
    for (const status of ['ACCEPTED', 'REVOKED', 'EXPIRED'] as const) expect(canRevoke(status)).toBe(false);
  });
});
