import pino from 'pino';
import { GrayPlanEvaluator } from './gray-plan.evaluator';
import type { RuntimeGrayPlan } from './runtime-sources';

/** A real pino logger whose lines are kept for the assertions. */
function recordingLogger() {
  const lines: Array<{ level: number; msg: string; ruleId?: string }> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

const plan = (definition: unknown, version = 1): RuntimeGrayPlan => ({
  planId: 'plan-1',
  state: 'ACTIVE',
  percentage: 100,
  grayVersionId: 'v2',
  rule: { id: 'rule-1', version, definition },
});
const IOS = { salt: 's', match: { field: 'platform', op: 'eq', value: 'ios' } };
const WARN = 40;
const ERROR = 50;

describe('GrayPlanEvaluator', () => {
  it('serves the gray version to devices the rule matches', () => {
    const { logger, lines } = recordingLogger();
    const evaluator = new GrayPlanEvaluator(logger);
    expect(evaluator.matches(plan(IOS), { platform: 'iOS', deviceId: 'd1' })).toBe(true);
    expect(evaluator.matches(plan(IOS), { platform: 'android', deviceId: 'd1' })).toBe(false);
    expect(lines).toEqual([]);
  });

  // Rules saved before the limits were tightened are still in the store; the engine now refuses to compile them.
  // 101: one more than the engine's MAX_RULE_CONDITIONS (sdk-runtime tests do not import the rule engine).
  const conditions = Array.from({ length: 101 }, (_, i) => ({
    field: 'deviceModel',
    op: 'eq',
    value: `m${i}`,
  }));
  const storedRules: Array<[string, unknown]> = [
    [
      'more conditions than allowed',
      { salt: 's', match: { any: [{ any: conditions.slice(0, 60) }, { any: conditions.slice(60) }] } },
    ],
    [
      'a JavaScript-only pattern (lookahead)',
      { salt: 's', match: { field: 'deviceModel', op: 'regex', value: '^(?=iPhone)' } },
    ],
  ];
  it.each(storedRules)(
    'matches nobody with a stored rule that no longer compiles (%s), logged once',
    (_name, definition) => {
      const { logger, lines } = recordingLogger();
      const evaluator = new GrayPlanEvaluator(logger);
      for (let i = 0; i < 3; i++)
        expect(evaluator.matches(plan(definition), { deviceModel: 'm1', deviceId: `d${i}` })).toBe(false);
      expect(lines.map((l) => [l.level, l.msg, l.ruleId])).toEqual([
        [ERROR, 'gray rule does not compile', 'rule-1'],
      ]);
      // The next version of the rule is compiled on its own.
      expect(evaluator.matches(plan(IOS, 2), { platform: 'ios', deviceId: 'd1' })).toBe(true);
    },
  );

  it('does not match, counts and logs a warning when the evaluation budget is spent', () => {
    const { logger, lines } = recordingLogger();
    const twoConditions = {
      salt: 's',
      match: { all: [IOS.match, { field: 'custom.tier', op: 'eq', value: 'gold' }] },
    };
    const context = { platform: 'ios', deviceId: 'd1', custom: { tier: 'gold' } };
    expect(new GrayPlanEvaluator(logger).matches(plan(twoConditions), context)).toBe(true);
    // A budget of 300 steps covers one plain condition (256 steps), not two.
    const evaluator = new GrayPlanEvaluator(logger, { evaluationBudget: 300 });
    expect(evaluator.matches(plan(twoConditions), context)).toBe(false);
    expect(evaluator.matches(plan(IOS, 2), context)).toBe(true); // a fresh budget per request
    expect(evaluator.budgetExhausted).toBe(1);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [WARN, 'gray rule evaluation budget exhausted; serving the published version'],
    ]);
  });
});
