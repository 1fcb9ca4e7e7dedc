import { parse } from 'graphql';
import { findLoginAttempts } from './login-operation';

const attempts = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  findLoginAttempts(parse(query), operationName, variables);

describe('findLoginAttempts', () => {
  it('finds the identifier in an input variable and normalizes it', () => {
    expect(
      attempts('mutation L($i: LoginInput!) { login(input: $i) { accessToken } }', {
        i: { identifier: ' Ann@Example.COM ' },
      }),
    ).toEqual({
      count: 1,
      identifiers: ['ann@example.com'],
    });
  });

  it('finds an inline identifier and one passed as its own variable', () => {
    expect(
      attempts('mutation { login(input: { identifier: "bob", password: "x" }) { accessToken } }'),
    ).toEqual({ count: 1, identifiers: ['bob'] });
    expect(
      attempts(
        'mutation($id: String!) { login(input: { identifier: $id, password: "x" }) { accessToken } }',
        { id: 'Cy' },
      ),
    ).toEqual({
      count: 1,
      identifiers: ['cy'],
    });
  });

  it('counts aliases and follows fragments on the mutation root', () => {
    const query = `
      mutation { a: login(input: { identifier: "d" }) { accessToken } ...More ... on Mutation { c: login(input: { identifier: "d" }) { accessToken } } }
      fragment More on Mutation { b: login(input: { identifier: "d" }) { accessToken } }`;
    expect(attempts(query).count).toBe(3);
  });

  it('counts every aliased login field and keeps the identifier of each', () => {
    const fields = Array.from(
      { length: 10 },
      (_, i) => `a${i}: login(input: { identifier: "user${i}@example.com", password: "x" }) { accessToken }`,
    );
    const found = attempts(`mutation { ${fields.join(' ')} }`);
    expect(found.count).toBe(10);
    expect(found.identifiers).toEqual(Array.from({ length: 10 }, (_, i) => `user${i}@example.com`));
  });

  it('counts sign-ups and password changes against the same per-IP budget, without an identifier', () => {
    const signUps = attempts(
      'mutation { a: signUp(input: { email: "a@x.io" }) { user { id } } b: signUp(input: { email: "b@x.io" }) { user { id } } }',
    );
    expect(signUps).toEqual({ count: 2, identifiers: [] });
    expect(
      attempts(
        'mutation { changePassword(input: { currentPassword: "x", newPassword: "y" }) { accessToken } }',
      ).count,
    ).toBe(1);
  });

  it('ignores queries, other mutations and unselected operations', () => {
    expect(attempts('{ login }').count).toBe(0);
    expect(attempts('mutation { logout }').count).toBe(0);
    const two = 'mutation A { logout } mutation B { login(input: { identifier: "e" }) { accessToken } }';
    expect(attempts(two, undefined, 'A').count).toBe(0);
    expect(attempts(two, undefined, 'B').count).toBe(1);
    // No name with several operations: count them all (the safe side).
    expect(attempts(two).count).toBe(1);
  });

  it('does not loop on recursive fragments', () => {
    const query = 'mutation { ...F } fragment F on Mutation { login(input: {}) { accessToken } ...F }';
    expect(attempts(query)).toEqual({ count: 1, identifiers: [] });
  });
});
