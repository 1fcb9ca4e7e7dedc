import { MAX_RULE_CONDITIONS } from '../engine';
import { CompiledRuleCache } from './compiled-rule.cache';

describe('CompiledRuleCache', () => {
  const ios = JSON.stringify({ salt: 's', match: { field: 'platform', op: 'eq', value: 'ios' } });

  it('compiles a rule version once', () => {
    const cache = new CompiledRuleCache(10);
    const compiled = cache.get('rule-1', 1, ios);
    expect(compiled.evaluate({ platform: 'iOS' })).toBe(true);
    expect(cache.get('rule-1', 1, 'not even JSON')).toBe(compiled);
  });

  // Rules saved before the limits were tightened are still stored: chooseVersion must not fail on them.
  it('turns a stored rule the engine now refuses into one that matches nobody', () => {
    const conditions = Array.from({ length: MAX_RULE_CONDITIONS + 1 }, (_, i) => ({
      field: 'deviceModel',
      op: 'eq',
      value: `m${i}`,
    }));
    const tooBig = JSON.stringify({
      salt: 's',
      match: { any: [{ any: conditions.slice(0, 60) }, { any: conditions.slice(60) }] },
    });
    const lookahead = JSON.stringify({
      salt: 's',
      match: { field: 'deviceModel', op: 'regex', value: '^(?=m1)' },
    });
    const cache = new CompiledRuleCache(10);
    expect(cache.get('rule-1', 1, tooBig).evaluate({ deviceModel: 'm1' })).toBe(false);
    expect(cache.get('rule-2', 1, lookahead).evaluate({ deviceModel: 'm1' })).toBe(false);
    expect(cache.has('rule-1', 1)).toBe(true);
  });

  it('still fails on what is not a rule problem', () => {
    expect(() => new CompiledRuleCache(10).get('rule-1', 1, '{')).toThrow(SyntaxError);
  });
});
