import { BadUserInputError, ErrorCode } from '@grove/platform';
import { MAX_RULE_COST, worstConditionCost } from './rule.cost';
import {
  MAX_LIST_SIZE,
  MAX_REGEX_CONDITIONS,
  MAX_REPORTED_PROBLEMS,
  MAX_RULE_CONDITIONS,
  MAX_RULE_DEPTH,
  MAX_RULE_LIST_ITEMS,
  MAX_RULE_PATTERN_BYTES,
  validateRule,
  type RuleProblem,
} from './rule.schema';
import { checkRegex } from './safe-regex';

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
          { field: 'deviceModel', op: 'regex', value: '(a)\\1' },
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
    expect(problems[5].message).toMatch(/backreferences are not supported/);
    expect(problems[6].message).toMatch(/invalid regular expression \(RE2 syntax\)/);
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

describe('validateRule: limits that bound evaluation', () => {
  const eq = (i: number) => ({ field: 'userId', op: 'eq', value: `u${i}` });
  const regex = (pattern: string) => ({ field: 'deviceModel', op: 'regex', value: pattern });
  // Groups hold at most MAX_GROUP_SIZE children, so large rules are split into several groups.
  const spread = (nodes: unknown[], size = 50) =>
    withMatch({
      any: Array.from({ length: Math.ceil(nodes.length / size) }, (_, i) => ({
        any: nodes.slice(i * size, (i + 1) * size),
      })),
    });
  const limitsOf = (input: unknown) => problemsOf(input).filter((p) => p.path === 'match');

  it(`accepts ${MAX_RULE_CONDITIONS} conditions and refuses one more`, () => {
    const conditions = Array.from({ length: MAX_RULE_CONDITIONS + 1 }, (_, i) => eq(i));
    expect(() => validateRule(spread(conditions.slice(1)))).not.toThrow();
    expect(limitsOf(spread(conditions))).toEqual([
      {
        path: 'match',
        message: `too many conditions (this rule: ${MAX_RULE_CONDITIONS + 1}, at most ${MAX_RULE_CONDITIONS})`,
      },
    ]);
  });

  it('refuses the 500 slow conditions the issue reported, compiling no more than the allowed patterns', () => {
    const slow = Array.from({ length: 500 }, () => regex('^(\\w+\\s?)*$'));
    expect(limitsOf(spread(slow)).map((p) => p.message)).toEqual([
      expect.stringMatching(/^too many conditions \(this rule: 500/),
      expect.stringMatching(/^too many regex conditions \(this rule: 500, at most 10\)/),
      expect.stringMatching(/^regular expressions too long in total/),
    ]);
  });

  it(`refuses more than ${MAX_REGEX_CONDITIONS} regex conditions`, () => {
    const regexes = Array.from({ length: MAX_REGEX_CONDITIONS + 1 }, (_, i) => regex(`^m${i}$`));
    expect(() => validateRule(spread(regexes.slice(1)))).not.toThrow();
    expect(limitsOf(spread(regexes))).toEqual([
      {
        path: 'match',
        message: expect.stringMatching(/^too many regex conditions \(this rule: 11, at most 10\)$/),
      },
    ]);
  });

  it(`refuses more than ${MAX_RULE_PATTERN_BYTES} bytes of patterns in total, counted in UTF-8`, () => {
    // Long but cheap patterns (a character class is one instruction), each fine on its own.
    const long = (c: string, n: number) => regex(`[${c.repeat(n)}]`);
    expect(() => validateRule(spread(Array.from({ length: 5 }, () => long('a', 198))))).not.toThrow();
    expect(limitsOf(spread(Array.from({ length: 6 }, () => long('a', 198))))).toEqual([
      { path: 'match', message: expect.stringMatching(/too long in total.*this rule: 1200, at most 1024/) },
    ]);
    expect(limitsOf(spread(Array.from({ length: 3 }, () => long('é', 199))))[0].message).toMatch(
      /this rule: 1200/,
    );
  });

  it(`refuses more than ${MAX_RULE_LIST_ITEMS} list items in total`, () => {
    const list = (n: number) => ({
      field: 'userId',
      op: 'in',
      value: Array.from({ length: n }, (_, i) => `u${i}`),
    });
    expect(() =>
      validateRule(withMatch({ any: [list(MAX_RULE_LIST_ITEMS / 2), list(MAX_RULE_LIST_ITEMS / 2)] })),
    ).not.toThrow();
    expect(
      limitsOf(withMatch({ any: [list(MAX_RULE_LIST_ITEMS / 2), list(MAX_RULE_LIST_ITEMS / 2 + 1)] }))[0]
        .message,
    ).toMatch(/too many in\/notIn list items in total/);
  });

  it('refuses a rule whose worst-case evaluation cost is over the budget, though each limit alone holds', () => {
    const heavy = '^[a-z]{0,120}$';
    const size = checkRegex(heavy).regex!.programSize();
    const perRegex = worstConditionCost(size);
    const count = Math.floor(MAX_RULE_COST / perRegex) + 1;
    expect(count).toBeLessThanOrEqual(MAX_REGEX_CONDITIONS);
    expect(count * heavy.length).toBeLessThanOrEqual(MAX_RULE_PATTERN_BYTES);
    expect(() => validateRule(spread(Array.from({ length: count - 1 }, () => regex(heavy))))).not.toThrow();
    expect(limitsOf(spread(Array.from({ length: count }, () => regex(heavy))))).toEqual([
      {
        path: 'match',
        message: expect.stringMatching(
          new RegExp(
            `^estimated evaluation cost too high.*this rule: ${count * perRegex}, at most ${MAX_RULE_COST}`,
          ),
        ),
      },
    ]);
  });

  it('lists every problem, per condition and per limit, in one error', () => {
    const conditions = [
      ...Array.from({ length: MAX_RULE_CONDITIONS }, (_, i) => eq(i)),
      { field: 'imei', op: 'eq', value: 'x' },
      regex('(?=a)'),
      ...Array.from({ length: MAX_REGEX_CONDITIONS }, (_, i) => regex(`^m${i}$`)),
    ];
    const problems = problemsOf(spread(conditions));
    expect(problems.map((p) => p.path)).toEqual([
      'match.any.2.any.0.field',
      'match.any.2.any.1.value',
      'match',
      'match',
    ]);
    expect(problems.slice(2).map((p) => p.message)).toEqual([
      expect.stringMatching(/^too many conditions \(this rule: 112/),
      expect.stringMatching(/^too many regex conditions \(this rule: 11/),
    ]);
  });

  it(`lists at most ${MAX_REPORTED_PROBLEMS} problems, then how many more there are`, () => {
    const problems = problemsOf(
      withMatch({ field: 'userId', op: 'in', value: Array.from({ length: 150 }, (_, i) => i) }),
    );
    expect(problems).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(problems[0].path).toBe('match.value.0');
    expect(problems[MAX_REPORTED_PROBLEMS]).toEqual({
      path: '(root)',
      message: '50 more problem(s) not listed',
    });
  });

  it('reports an oversized list once, not once per item', () => {
    const ids = Array.from({ length: MAX_LIST_SIZE + 1 }, (_, i) => i);
    expect(problemsOf(withMatch({ field: 'userId', op: 'in', value: ids }))).toEqual([
      { path: 'match.value', message: `a list may contain at most ${MAX_LIST_SIZE} items` },
    ]);
  });
});
