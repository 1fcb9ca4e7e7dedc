import { passwordField } from './account-input';
import { passwordWeakness } from './password-strength';

describe('password strength', () => {
  it.each(['password12', 'aaaaaaaaa1', 'qwerty12345', 'abcdefghij1', '1q2w3e4r5t', 'Password123!'])(
    'refuses %p, which passes the length and class rules',
    (password) => {
      expect(passwordWeakness(password)).toMatch(/too easy to guess/);
      const result = passwordField.safeParse(password);
      expect(result.success).toBe(false);
    },
  );

  it.each(['correct horse 42', 'License-pass-1', 'e2e-Admin-password-2026', 'Tide-lantern-9-vivid'])(
    'accepts %p',
    (password) => {
      expect(passwordWeakness(password)).toBeNull();
      expect(passwordField.safeParse(password).success).toBe(true);
    },
  );
});
