import { PasswordHasher } from './password-hasher';

describe('PasswordHasher (scrypt)', () => {
  const hasher = new PasswordHasher(12);

  it('stores the parameters and a per-hash salt, never the password', async () => {
    const a = await hasher.hash('secret pass 123');
    const b = await hasher.hash('secret pass 123');
    expect(a).toMatch(/^scrypt\$12\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toEqual(b);
    expect(a).not.toContain('secret');
  });

  it('verifies the right password and refuses others and malformed hashes', async () => {
    const stored = await hasher.hash('secret pass 123');
    await expect(hasher.verify('secret pass 123', stored)).resolves.toBe(true);
    await expect(hasher.verify('secret pass 124', stored)).resolves.toBe(false);
    await expect(hasher.verify('secret pass 123', 'plain')).resolves.toBe(false);
    await expect(hasher.verify('secret pass 123', stored.replace('$12$', '$99$'))).resolves.toBe(false);
  });

  it('verifies hashes made with another cost (parameters travel with the hash)', async () => {
    const old = await new PasswordHasher(10).hash('secret pass 123');
    await expect(hasher.verify('secret pass 123', old)).resolves.toBe(true);
  });
});
