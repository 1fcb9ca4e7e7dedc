import { BadUserInputError } from '@grove/platform';
import { percentageCondition } from './bucket';
import { RE2JS } from 're2js';
import { CONDITION_COST, EvaluationBudget, MAX_RULE_COST, regexCost, worstConditionCost } from './rule.cost';
import { compileRule, ruleCompiler } from './rule.compiler';
import { MAX_RULE_CONDITIONS } from './rule.schema';
import type { RuleContext, RuleNode } from './rule.types';

const rule = (match: RuleNode) => compileRule({ salt: 'release-1', match });
const matches = (match: RuleNode, context: RuleContext) => rule(match).evaluate(context);

describe('compileRule: text fields (userId, deviceId, deviceModel)', () => {
  it.each(['userId', 'deviceId', 'deviceModel'] as const)(
    '%s supports eq, in, notIn, regex, case-sensitively',
    (field) => {
      expect(matches({ field, op: 'eq', value: 'Abc-1' }, { [field]: 'Abc-1' })).toBe(true);
      expect(matches({ field, op: 'eq', value: 'Abc-1' }, { [field]: 'abc-1' })).toBe(false);
      expect(matches({ field, op: 'in', value: ['a', 'b'] }, { [field]: 'b' })).toBe(true);
      expect(matches({ field, op: 'in', value: ['a', 'b'] }, { [field]: 'c' })).toBe(false);
      expect(matches({ field, op: 'notIn', value: ['a', 'b'] }, { [field]: 'c' })).toBe(true);
      expect(matches({ field, op: 'notIn', value: ['a', 'b'] }, { [field]: 'a' })).toBe(false);
      expect(matches({ field, op: 'regex', value: '^Abc-\\d+$' }, { [field]: 'Abc-42' })).toBe(true);
      expect(matches({ field, op: 'regex', value: '^Abc-\\d+$' }, { [field]: 'Abc-x' })).toBe(false);
    },
  );

  it('treats a missing or empty value as matching nothing except notIn', () => {
    for (const context of [{}, { userId: '' }]) {
      expect(matches({ field: 'userId', op: 'eq', value: 'u1' }, context)).toBe(false);
      expect(matches({ field: 'userId', op: 'in', value: ['u1'] }, context)).toBe(false);
      expect(matches({ field: 'userId', op: 'regex', value: '.?' }, context)).toBe(false);
      expect(matches({ field: 'userId', op: 'notIn', value: ['u1'] }, context)).toBe(true);
    }
  });

  it('never matches a regex against values longer than the input bound', () => {
    const long = 'a'.repeat(129);
    expect(matches({ field: 'userId', op: 'regex', value: '^a+$' }, { userId: long.slice(1) })).toBe(true);
    expect(matches({ field: 'userId', op: 'regex', value: '^a+$' }, { userId: long })).toBe(false);
  });
});

describe('compileRule: enum fields (platform, network, region)', () => {
  it.each(['platform', 'network', 'region'] as const)('%s compares eq/in/notIn ignoring case', (field) => {
    expect(matches({ field, op: 'eq', value: 'iOS' }, { [field]: 'ios' })).toBe(true);
    expect(matches({ field, op: 'eq', value: 'iOS' }, { [field]: 'android' })).toBe(false);
    expect(matches({ field, op: 'in', value: ['WiFi', '5G'] }, { [field]: 'wifi' })).toBe(true);
    expect(matches({ field, op: 'in', value: ['WiFi', '5G'] }, { [field]: '4g' })).toBe(false);
    expect(matches({ field, op: 'notIn', value: ['WiFi'] }, { [field]: 'WIFI' })).toBe(false);
    expect(matches({ field, op: 'notIn', value: ['WiFi'] }, { [field]: '4G' })).toBe(true);
  });

  it('runs regex on the raw value (case-sensitive unless the pattern says otherwise)', () => {
    expect(matches({ field: 'region', op: 'regex', value: '^CN-' }, { region: 'CN-GD' })).toBe(true);
    expect(matches({ field: 'region', op: 'regex', value: '^CN-' }, { region: 'cn-gd' })).toBe(false);
    expect(matches({ field: 'region', op: 'regex', value: '^[Cc][Nn]-' }, { region: 'cn-gd' })).toBe(true);
  });
});

describe('compileRule: version fields', () => {
  const fields = ['osVersion', 'sdkVersion', 'baseLibraryVersion', 'hostAppVersion'] as const;

  it.each(fields)('%s compares eq/in/notIn semantically (loose versions padded)', (field) => {
    expect(matches({ field, op: 'eq', value: '2.1' }, { [field]: '2.1.0' })).toBe(true);
    expect(matches({ field, op: 'eq', value: '2.1.0' }, { [field]: 'v2.1' })).toBe(true);
    expect(matches({ field, op: 'eq', value: '2.1.0' }, { [field]: '2.1.1' })).toBe(false);
    expect(matches({ field, op: 'in', value: ['14', '15.0.1'] }, { [field]: '14.0.0' })).toBe(true);
    expect(matches({ field, op: 'in', value: ['14', '15.0.1'] }, { [field]: '15.0' })).toBe(false);
    expect(matches({ field, op: 'notIn', value: ['14'] }, { [field]: '15' })).toBe(true);
    expect(matches({ field, op: 'notIn', value: ['14'] }, { [field]: '14.0' })).toBe(false);
  });

  it.each(fields)('%s supports inclusive semver ranges, open on either side', (field) => {
    const between = { field, op: 'range', value: { min: '1.9.0', max: '1.10.2' } } as const;
    expect(matches(between, { [field]: '1.10.0' })).toBe(true); // numeric, not lexical, comparison
    expect(matches(between, { [field]: '1.9.0' })).toBe(true);
    expect(matches(between, { [field]: '1.10.2' })).toBe(true);
    expect(matches(between, { [field]: '1.10.3' })).toBe(false);
    expect(matches(between, { [field]: '1.8.99' })).toBe(false);
    expect(matches({ field, op: 'range', value: { min: '3' } }, { [field]: '10.0.0' })).toBe(true);
    expect(matches({ field, op: 'range', value: { max: '3' } }, { [field]: '3.0.1' })).toBe(false);
  });

  it('orders prereleases before their release and ignores unparsable context versions', () => {
    const from2 = { field: 'sdkVersion', op: 'range', value: { min: '2.0.0' } } as const;
    expect(matches(from2, { sdkVersion: '2.0.0-beta.1' })).toBe(false);
    expect(matches(from2, { sdkVersion: '2.0.0' })).toBe(true);
    expect(matches(from2, { sdkVersion: 'latest' })).toBe(false);
    expect(matches({ field: 'sdkVersion', op: 'notIn', value: ['1.0.0'] }, { sdkVersion: 'garbage' })).toBe(
      true,
    );
  });

  it('matches regex against the raw version string', () => {
    expect(matches({ field: 'osVersion', op: 'regex', value: '^17\\.' }, { osVersion: '17.4.1' })).toBe(true);
    expect(matches({ field: 'osVersion', op: 'regex', value: '^17\\.' }, { osVersion: '16.7' })).toBe(false);
  });
});

describe('compileRule: custom key/values', () => {
  it('compares strings, numbers and booleans as strings', () => {
    expect(matches({ field: 'custom.tier', op: 'eq', value: 'gold' }, { custom: { tier: 'gold' } })).toBe(
      true,
    );
    expect(matches({ field: 'custom.tier', op: 'eq', value: 'gold' }, { custom: { tier: 'Gold' } })).toBe(
      false,
    );
    expect(matches({ field: 'custom.vip', op: 'eq', value: true }, { custom: { vip: true } })).toBe(true);
    expect(matches({ field: 'custom.vip', op: 'eq', value: true }, { custom: { vip: 'true' } })).toBe(true);
    expect(matches({ field: 'custom.level', op: 'in', value: [1, 2, 3] }, { custom: { level: 2 } })).toBe(
      true,
    );
    expect(matches({ field: 'custom.level', op: 'in', value: [1, 2, 3] }, { custom: { level: '4' } })).toBe(
      false,
    );
    expect(matches({ field: 'custom.level', op: 'notIn', value: [1] }, { custom: {} })).toBe(true);
    expect(
      matches(
        { field: 'custom.channel', op: 'regex', value: '^store-' },
        { custom: { channel: 'store-cn' } },
      ),
    ).toBe(true);
    expect(matches({ field: 'custom.channel', op: 'eq', value: 'x' }, {})).toBe(false);
  });

  it('supports numeric ranges and refuses non-numeric values', () => {
    const adults = { field: 'custom.age', op: 'range', value: { min: 18, max: 65 } } as const;
    expect(matches(adults, { custom: { age: 18 } })).toBe(true);
    expect(matches(adults, { custom: { age: '65' } })).toBe(true);
    expect(matches(adults, { custom: { age: 65.5 } })).toBe(false);
    expect(matches(adults, { custom: { age: 17 } })).toBe(false);
    expect(matches(adults, { custom: { age: 'forty' } })).toBe(false);
    expect(matches(adults, { custom: { age: true } })).toBe(false);
    expect(matches(adults, { custom: { age: null } })).toBe(false);
  });

  it('keeps dotted custom keys intact', () => {
    expect(
      matches(
        { field: 'custom.app.channel', op: 'eq', value: 'beta' },
        { custom: { 'app.channel': 'beta' } },
      ),
    ).toBe(true);
  });
});

describe('compileRule: percentage', () => {
  it('selects by the stable bucket of the device id, falling back to the user id', () => {
    const compiled = rule(percentageCondition(50));
    const ids = Array.from({ length: 200 }, (_, i) => `device-${i}`);
    const inside = ids.filter((id) => compiled.evaluate({ deviceId: id }));
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(ids.length);
    // The device id wins over the user id; the user id is used when there is no device id.
    for (const id of ids) {
      expect(compiled.evaluate({ deviceId: id, userId: 'someone' })).toBe(inside.includes(id));
      expect(compiled.evaluate({ userId: id })).toBe(inside.includes(id));
    }
  });

  it('matches nobody without an id, and everybody at 100%', () => {
    expect(matches(percentageCondition(100), {})).toBe(false);
    expect(matches(percentageCondition(100), { deviceId: 'any' })).toBe(true);
  });
});

describe('compileRule: groups', () => {
  const ios = { field: 'platform', op: 'eq', value: 'ios' } as const;
  const beta = { field: 'custom.channel', op: 'eq', value: 'beta' } as const;
  const staff: RuleNode = { field: 'userId', op: 'in', value: ['alice', 'bob'] };

  it('combines with all (AND) and any (OR)', () => {
    expect(matches({ all: [ios, beta] }, { platform: 'ios', custom: { channel: 'beta' } })).toBe(true);
    expect(matches({ all: [ios, beta] }, { platform: 'ios' })).toBe(false);
    expect(matches({ any: [ios, beta] }, { platform: 'android', custom: { channel: 'beta' } })).toBe(true);
    expect(matches({ any: [ios, beta] }, { platform: 'android' })).toBe(false);
  });

  it('nests groups: staff OR (iOS AND (beta OR sdk >= 3))', () => {
    const nested: RuleNode = {
      any: [
        staff,
        { all: [ios, { any: [beta, { field: 'sdkVersion', op: 'range', value: { min: '3' } }] }] },
      ],
    };
    expect(matches(nested, { userId: 'alice', platform: 'android' })).toBe(true);
    expect(matches(nested, { userId: 'carol', platform: 'ios', sdkVersion: '3.1.0' })).toBe(true);
    expect(matches(nested, { userId: 'carol', platform: 'ios', custom: { channel: 'beta' } })).toBe(true);
    expect(matches(nested, { userId: 'carol', platform: 'ios', sdkVersion: '2.9' })).toBe(false);
    expect(matches(nested, { userId: 'carol', platform: 'android', sdkVersion: '3.1.0' })).toBe(false);
  });
});

describe('compileRule: compile once, evaluate many', () => {
  afterEach(() => jest.restoreAllMocks());

  it('compiles every condition and regex exactly once, never during evaluate()', () => {
    const conditionSpy = jest.spyOn(ruleCompiler, 'condition');
    const regexSpy = jest.spyOn(ruleCompiler, 'regex');
    const compiled = compileRule({
      salt: 's',
      match: {
        all: [
          { field: 'deviceModel', op: 'regex', value: '^iPhone\\d+,\\d+$' },
          { field: 'hostAppVersion', op: 'range', value: { min: '1.2.0' } },
          { any: [{ field: 'userId', op: 'in', value: ['u1', 'u2'] }, percentageCondition(30)] },
        ],
      },
    });
    expect(conditionSpy).toHaveBeenCalledTimes(4);
    expect(regexSpy).toHaveBeenCalledTimes(1);

    let hits = 0;
    for (let i = 0; i < 1_000; i++) {
      if (
        compiled.evaluate({
          deviceModel: 'iPhone15,2',
          hostAppVersion: '1.3',
          deviceId: `d${i}`,
          userId: 'x',
        })
      )
        hits++;
    }
    expect(hits).toBeGreaterThan(0);
    expect(conditionSpy).toHaveBeenCalledTimes(4);
    expect(regexSpy).toHaveBeenCalledTimes(1);
  });

  it('refuses invalid rules before compiling anything', () => {
    const conditionSpy = jest.spyOn(ruleCompiler, 'condition');
    expect(() => compileRule({ salt: 's', match: { field: 'nope', op: 'eq', value: 'x' } })).toThrow(
      BadUserInputError,
    );
    expect(conditionSpy).not.toHaveBeenCalled();
  });
});

describe('compileRule: bounded evaluation', () => {
  afterEach(() => jest.restoreAllMocks());

  // Both take exponential time on a backtracking engine for these inputs; RE2 runs them in one pass.
  it.each([
    ['(a|aa)+$', `${'a'.repeat(127)}!`, false],
    ['^(\\w+\\s?)*$', `${'a '.repeat(63)}!!`, false],
    ['(a+)+b', 'a'.repeat(128), false],
    ['(a|aa)+$', 'a'.repeat(128), true],
  ])(
    'evaluates %p on a 128-character value with RE2, charged linearly in its length',
    (pattern, value, expected) => {
      const regexSpy = jest.spyOn(ruleCompiler, 'regex');
      const compiled = rule({ field: 'deviceModel', op: 'regex', value: pattern });
      const regex = regexSpy.mock.results[0].value as RE2JS;
      expect(regex).toBeInstanceOf(RE2JS);
      const budget = new EvaluationBudget();
      expect(compiled.evaluate({ deviceModel: value }, budget)).toBe(expected);
      expect(budget.used).toBe(regexCost(regex.programSize(), value.length));
      expect(budget.used).toBeLessThanOrEqual(compiled.cost);
      expect(compiled.cost).toBe(worstConditionCost(regex.programSize()));
    },
  );

  it('estimates the worst case of the whole rule at compile time, within MAX_RULE_COST', () => {
    const compiled = rule({
      all: [
        { field: 'deviceModel', op: 'regex', value: '^iPhone\\d+' },
        { any: [{ field: 'platform', op: 'eq', value: 'ios' }, percentageCondition(10)] },
      ],
    });
    const size = RE2JS.compile('^iPhone\\d+').programSize();
    expect(compiled.cost).toBe(worstConditionCost(size) + 2 * CONDITION_COST);
    expect(compiled.cost).toBeLessThanOrEqual(MAX_RULE_COST);
  });

  it('stops once the budget is spent and does not match, even through notIn or any', () => {
    const context = { platform: 'ios', userId: 'u1', custom: { tier: 'gold' } };
    const inner: RuleNode = {
      any: [
        { field: 'platform', op: 'eq', value: 'android' },
        { field: 'userId', op: 'notIn', value: ['u2'] },
      ],
    };
    const compiled = rule({ all: [{ field: 'custom.tier', op: 'eq', value: 'gold' }, inner] });
    const enough = new EvaluationBudget(3 * CONDITION_COST);
    expect(compiled.evaluate(context, enough)).toBe(true);
    expect(enough).toMatchObject({ used: 3 * CONDITION_COST, exhausted: false });

    // Two conditions' worth: the notIn is never evaluated, yet would have answered true for a skipped value.
    const short = new EvaluationBudget(2 * CONDITION_COST);
    expect(compiled.evaluate(context, short)).toBe(false);
    expect(short).toMatchObject({ used: 2 * CONDITION_COST, exhausted: true });

    // A spent budget shared by the request stays spent for the next rule.
    expect(rule({ field: 'userId', op: 'notIn', value: ['u2'] }).evaluate(context, short)).toBe(false);
  });

  it('charges a regex by the value it tests; values over the input bound are not tested at all', () => {
    const compiled = rule({ field: 'custom.note', op: 'regex', value: 'x' });
    const budget = new EvaluationBudget();
    expect(compiled.evaluate({ custom: { note: 'x'.repeat(129) } }, budget)).toBe(false);
    expect(compiled.evaluate({}, budget)).toBe(false);
    expect(budget.used).toBe(0);
  });

  it(`refuses stored rules over today's limits (e.g. more than ${MAX_RULE_CONDITIONS} conditions)`, () => {
    const conditions = Array.from(
      { length: MAX_RULE_CONDITIONS + 1 },
      (_, i) => ({ field: 'userId', op: 'eq', value: `u${i}` }) as const,
    );
    const match: RuleNode = { any: [{ any: conditions.slice(0, 60) }, { any: conditions.slice(60) }] };
    expect(() => rule(match)).toThrow(BadUserInputError);
  });

  it('reads custom keys from the context itself, never from Object.prototype', () => {
    expect(matches({ field: 'custom.constructor', op: 'regex', value: 'Object' }, { custom: {} })).toBe(
      false,
    );
    expect(
      matches(
        { field: 'custom.constructor', op: 'eq', value: 'x' },
        { custom: { constructor: 'x' } as never },
      ),
    ).toBe(true);
  });
});
