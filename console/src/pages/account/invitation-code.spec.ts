import { describe, expect, it } from 'vitest';
import { invitationCodeFrom, signUpInput, signUpSearch } from './invitation-code';

describe('sign-up with an invitation code', () => {
  it('prefills the code from ?invitation=, trimmed, and ignores a blank one', () => {
    expect(invitationCodeFrom(new URLSearchParams('invitation=%20abc123%20'))).toBe('abc123');
    expect(invitationCodeFrom(new URLSearchParams('invitation='))).toBeUndefined();
    expect(invitationCodeFrom(new URLSearchParams(''))).toBeUndefined();
  });

  it('passes the code to signUp only when one was entered', () => {
    const base = { email: ' a@example.com ', displayName: ' A ', password: 'secret12345' };
    expect(signUpInput(base)).toEqual({ email: 'a@example.com', displayName: 'A', password: 'secret12345' });
    expect(signUpInput({ ...base, invitationToken: '   ' })).not.toHaveProperty('invitationToken');
    expect(signUpInput({ ...base, invitationToken: ' tok ' })).toMatchObject({ invitationToken: 'tok' });
  });

  it('builds a sign-up link query that reads back to the same code', () => {
    const code = 'a+b/c=d_e-f';
    const search = signUpSearch(code);
    expect(search.startsWith('?invitation=')).toBe(true);
    expect(invitationCodeFrom(new URLSearchParams(search))).toBe(code);
  });
});
