import { BadUserInputError, ErrorCode } from '@grove/platform';
import { MAX_LIST_SIZE, MAX_RULE_DEPTH, validateRule, type RuleProblem } from './rule.schema';

function problemsOf(input: unknown): RuleProblem[] {
  try {
    validateRule(input);
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    expect((error as BadUserInputError).code).toBe(ErrorCode.BAD_USER_INPUT);
    return (error as BadUserInputError).details!.problems as RuleProblem[];
  }
  throw new Error('expected validateRule to throw');
}

const withMatch = (match: unknown) => ({ salt: 'release-1', match });

describe('validateRule', () => {
  it('accepts a well-formed nested rule and returns it', () => {
    const rule = withMatch({
      any: [
        { field: 'userId', op: 'in', value: ['u1'] },
        {
          all: [
            { field: 'platform', op: 'eq', value: 'ios' },
            { field: 'osVersion', op: 'range', value: { min: '15', max: '17.4.1' } },
            { field: 'custom.tier', op: 'in', value: ['gold', 3, true] },
            { field: 'custom.age', op: 'range', value: { min: 18 } },
            { field: 'deviceModel', op: 'regex', value: '^iPhone1[45],\\d$' },
            { field: 'percentage', op: 'range', value: { min: 0, max: 19.99 } },
          ],
        },
      ],
    });
    expect(validateRule(rule)).toBe(rule);
  });

  it('reports every problem at once, each with its path', () => {
    const problems = problemsOf(
      withMatch({
        all: [
          { field: 'imei', op: 'eq', value: 'x' },
          { field: 'userId', op: 'startsWith', value: 'x' },
          { field: 'userId', op: 'eq', value: 42 },
          { field: 'sdkVersion', op: 'range', value: { min: '2.0.0', max: '1.0.0' } },
          { field: 'hostAppVersion', op: 'eq', value: 'one.two' },
          { field: 'deviceModel', op: 'regex', value: '(a+)+$' },
          { field: 'region', op: 'regex', value: '[unterminated' },
        ],
      }),
    );
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual([
      'match.all.0.field',
      'match.all.1.op',
      'match.all.2.value',
      'match.all.3.value.min',
      'match.all.4.value',
      'match.all.5.value',
      'match.all.6.value',
    ]);
    expect(problems[0].message).toMatch(/unknown field "imei"/);
    expect(problems[1].message).toMatch(/op must be one of/);
    expect(problems[3].message).toMatch(/min must not be greater than max/);
    expect(problems[4].message).toMatch(/invalid semver/);
    expect(problems[5].message).toMatch(/repeated groups/);
    expect(problems[6].message).toMatch(/invalid regular expression/);
  });

  it('refuses operators a field kind does not support', () => {
    expect(problemsOf(withMatch({ field: 'userId', op: 'range', value: { min: 'a' } }))).toEqual([
      { path: 'match.op', message: expect.stringMatching(/"range" is not supported for field "userId"/) },
    ]);
    expect(problemsOf(withMatch({ field: 'percentage', op: 'eq', value: 10 }))[0].path).toBe('match.op');
  });

  it('checks value types per operator', () => {
    const cases: [unknown, string][] = [
      [{ field: 'userId', op: 'in', value: 'u1' }, 'match.value'],
      [{ field: 'userId', op: 'in', value: [] }, 'match.value'],
      [{ field: 'userId', op: 'in', value: ['ok', 7] }, 'match.value.1'],
      [{ field: 'userId', op: 'eq', value: '' }, 'match.value'],
      [{ field: 'custom.k', op: 'eq', value: { nested: true } }, 'match.value'],
      [{ field: 'custom.k', op: 'range', value: { min: '1' } }, 'match.value.min'],
      [{ field: 'percentage', op: 'range', value: { max: 101 } }, 'match.value.max'],
      [{ field: 'percentage', op: 'range', value: {} }, 'match.value'],
      [{ field: 'percentage', op: 'range', value: { min: 50, max: 10 } }, 'match.value.min'],
      [{ field: 'sdkVersion', op: 'range', value: { min: '1.0', extra: 1 } }, 'match.value'],
      [{ field: 'sdkVersion', op: 'in', value: ['1.0', 'x'] }, 'match.value.1'],
      [{ field: 'userId', op: 'regex', value: 5 }, 'match.value'],
    ];
    for (const [match, path] of cases) {
      expect(problemsOf(withMatch(match)).map((p) => p.path)).toEqual([path]);
    }
  });

  it('refuses lists longer than the limit', () => {
    const ids = Array.from({ length: MAX_LIST_SIZE + 1 }, (_, i) => `u${i}`);
    expect(problemsOf(withMatch({ field: 'userId', op: 'in', value: ids }))[0].path).toBe('match.value');
  });

  it('refuses unknown keys, malformed groups and bad custom keys', () => {
    expect(problemsOf(withMatch({ field: 'userId', op: 'eq', value: 'u', extra: 1 }))[0].message).toMatch(
      /extra/,
    );
    expect(problemsOf(withMatch({ all: [] }))[0].path).toBe('match.all');
    expect(
      problemsOf(withMatch({ all: [{ field: 'userId', op: 'eq', value: 'u' }], any: [] })).length,
    ).toBeGreaterThan(0);
    expect(problemsOf(withMatch({ any: 'nope' }))[0].path).toBe('match.any');
    expect(problemsOf(withMatch({ all: [null] }))[0].path).toBe('match.all.0');
    expect(problemsOf(withMatch({ field: 'custom.', op: 'eq', value: 'x' }))[0].message).toMatch(
      /unknown field/,
    );
    expect(problemsOf(withMatch({ field: 'custom.a b', op: 'eq', value: 'x' }))[0].message).toMatch(
      /unknown field/,
    );
    expect(problemsOf(withMatch({ field: 'toString', op: 'eq', value: 'x' }))[0].message).toMatch(
      /unknown field/,
    );
  });

  it('refuses a missing salt, extra top-level keys and non-objects', () => {
    expect(problemsOf({ match: { field: 'userId', op: 'eq', value: 'u' } }).map((p) => p.path)).toEqual([
      'salt',
    ]);
    expect(problemsOf({ salt: 's', match: { field: 'userId', op: 'eq', value: 'u' }, x: 1 })[0].path).toBe(
      '(root)',
    );
    expect(problemsOf('rule')[0].path).toBe('(root)');
    expect(problemsOf(withMatch(['a']))[0].path).toBe('match');
  });

  it('limits nesting depth', () => {
    let node: unknown = { field: 'userId', op: 'eq', value: 'u' };
    for (let i = 0; i < MAX_RULE_DEPTH + 1; i++) node = { all: [node] };
    expect(problemsOf(withMatch(node))[0].message).toMatch(/nested at most/);
  });
});
