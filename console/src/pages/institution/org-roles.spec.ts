import { describe, expect, it } from 'vitest';
import { assignableRoles, canActOn, canManage, canRelease } from './org-roles';

describe('what a member may do to other members (shown; the server decides)', () => {
  it('lets owners and admins manage, not developers', () => {
    expect([
      canManage('ORG_OWNER'),
      canManage('ORG_ADMIN'),
      canManage('ORG_DEVELOPER'),
      canManage(undefined),
    ]).toEqual([true, true, false, false]);
  });

  it('offers publishing and gray releases to owners and admins only (miniprogram:release)', () => {
    expect([
      canRelease('ORG_OWNER'),
      canRelease('ORG_ADMIN'),
      canRelease('ORG_DEVELOPER'),
      canRelease(null),
    ]).toEqual([true, true, false, false]);
  });

  it('never offers a role above your own', () => {
    expect(assignableRoles('ORG_OWNER')).toEqual(['ORG_OWNER', 'ORG_ADMIN', 'ORG_DEVELOPER']);
    expect(assignableRoles('ORG_ADMIN')).toEqual(['ORG_ADMIN', 'ORG_DEVELOPER']);
    expect(assignableRoles('ORG_DEVELOPER')).toEqual([]);
  });

  it('acts only on members ranked at or below you', () => {
    expect(canActOn('ORG_ADMIN', 'ORG_OWNER')).toBe(false);
    expect(canActOn('ORG_ADMIN', 'ORG_ADMIN')).toBe(true);
    expect(canActOn('ORG_DEVELOPER', 'ORG_DEVELOPER')).toBe(false);
  });
});
