import type { PlatformError } from '@grove/platform';
import { GrayRuleModel } from '../store/gray-rule.model';
import {
  codeOf,
  createApp,
  createHarness,
  createRule,
  eventually,
  freezeApp,
  IOS_RULE,
  recordEvents,
  versionIn,
  type Harness,
} from '../rule-engine.test-support';
import { RULE_ENGINE_EVENTS_TOPIC } from './rule-engine-events';

const stored = (h: Harness) => h.runtime.documents.collection(GrayRuleModel).find({}, { sort: { _id: 1 } });

describe('gray rules', () => {
  let h: Harness;
  let appId: string;
  beforeEach(async () => {
    h = await createHarness();
    appId = await createApp(h);
  });
  afterEach(() => h.dispose());
  const rules = () => h.engine.services.rules;

  it('saves a valid rule with its compiled form cached by id and version, and lists it', async () => {
    const seen = await recordEvents(h, RULE_ENGINE_EVENTS_TOPIC);
    const rule = await rules().create(h.ownerA, {
      appId,
      name: ' iOS 2.x ',
      description: 'first wave',
      rule: IOS_RULE,
    });
    expect(rule).toMatchObject({
      appId,
      name: 'iOS 2.x',
      description: 'first wave',
      rule: IOS_RULE,
      version: 1,
      updatedBy: h.ownerA.userId,
    });
    expect(h.engine.services.compiledRules.has(rule.id, 1)).toBe(true);
    expect(await rules().list(h.reviewer, appId)).toEqual([{ ...rule, cursor: expect.any(String) }]);
    expect(await codeOf(rules().create(h.ownerA, { appId, name: 'iOS 2.x', rule: IOS_RULE }))).toBe(
      'CONFLICT',
    );
    await eventually(() => expect(seen.map((e) => [e.type, e.key])).toEqual([['gray-rule.created', appId]]));
  });

  const badRules: Array<[string, unknown, string[]]> = [
    ['an unknown field', { salt: 's', match: { field: 'colour', op: 'eq', value: 'red' } }, ['match.field']],
    [
      'an operator the field does not support',
      { salt: 's', match: { field: 'percentage', op: 'eq', value: 5 } },
      ['match.op'],
    ],
    [
      'an invalid version bound',
      { salt: 's', match: { field: 'sdkVersion', op: 'range', value: { min: 'one' } } },
      ['match.value.min'],
    ],
    [
      'a regex RE2 cannot run (backreference)',
      { salt: 's', match: { field: 'deviceModel', op: 'regex', value: '(a)\\1' } },
      ['match.value'],
    ],
    [
      'more conditions than allowed',
      {
        salt: 's',
        match: {
          any: [0, 1, 2].map((g) => ({
            any: Array.from({ length: 40 }, (_, i) => ({ field: 'userId', op: 'eq', value: `u${g}-${i}` })),
          })),
        },
      },
      ['match'],
    ],
    [
      'more regex conditions than allowed',
      {
        salt: 's',
        match: {
          any: Array.from({ length: 11 }, (_, i) => ({
            field: 'deviceModel',
            op: 'regex',
            value: `^m${i}$`,
          })),
        },
      },
      ['match'],
    ],
    [
      'an empty group and a missing value',
      { salt: 's', match: { all: [{ any: [] }, { field: 'region', op: 'in' }] } },
      ['match.all.0.any', 'match.all.1.value'],
    ],
    ['no salt', { match: { field: 'region', op: 'eq', value: 'CN' } }, ['salt']],
    ['not an object', 'platform == ios', ['(root)']],
  ];
  it.each(badRules)(
    'rejects %s with BAD_USER_INPUT listing the problems and stores nothing',
    async (_name, rule, paths) => {
      let error: PlatformError | undefined;
      await rules()
        .create(h.ownerA, { appId, name: 'bad', rule })
        .catch((e: PlatformError) => (error = e));
      expect(error?.code).toBe('BAD_USER_INPUT');
      const problems = (error?.details?.problems ?? []) as Array<{ path: string }>;
      expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(paths));
      expect(await stored(h)).toEqual([]);
    },
  );

  it('edits under a version check; a stale version or a bad rule changes nothing', async () => {
    const rule = await createRule(h, appId);
    const android = {
      salt: 'android',
      match: { field: 'platform', op: 'in', value: ['android', 'harmony'] },
    };
    const edited = await rules().update(h.ownerA, rule.id, {
      expectedVersion: 1,
      rule: android,
      description: 'wave 2',
    });
    expect(edited).toMatchObject({ version: 2, rule: android, description: 'wave 2' });
    expect(h.engine.services.compiledRules.has(rule.id, 2)).toBe(true);
    const before = await stored(h);
    expect(await codeOf(rules().update(h.ownerA, rule.id, { expectedVersion: 1, name: 'late' }))).toBe(
      'CONFLICT',
    );
    expect(
      await codeOf(
        rules().update(h.ownerA, rule.id, {
          expectedVersion: 2,
          rule: { salt: 's', match: { field: 'x', op: 'eq', value: 1 } },
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(await codeOf(rules().update(h.ownerA, rule.id, { expectedVersion: 2 }))).toBe('BAD_USER_INPUT');
    expect(await stored(h)).toEqual(before);
    expect(
      (await rules().update(h.ownerA, rule.id, { expectedVersion: 2, description: null })).description,
    ).toBeUndefined();
  });

  it('refuses deleting a rule a running plan uses, allows it once the plan is over', async () => {
    const rule = await createRule(h, appId);
    const plan = await h.engine.services.plans.start(h.ownerA, {
      appId,
      grayVersionId: await versionIn(h, appId),
      ruleId: rule.id,
      percentage: 10,
    });
    expect(await codeOf(rules().delete(h.ownerA, rule.id))).toBe('CONFLICT');
    await h.engine.services.plans.pause(h.ownerA, plan.id);
    expect(await codeOf(rules().delete(h.ownerA, rule.id))).toBe('CONFLICT');
    await h.engine.services.plans.revert(h.ownerA, plan.id);
    expect(await rules().delete(h.ownerA, rule.id)).toBe(true);
    expect(await codeOf(rules().delete(h.ownerA, rule.id))).toBe('NOT_FOUND');
    // The finished plan no longer shows its rule.
    expect(await rules().byId(h.ownerA, rule.id)).toBeNull();
  });

  it('needs miniprogram:release (developers may read only) and an active mini-program', async () => {
    expect(await codeOf(createRule(h, appId, IOS_RULE, h.developerA))).toBe('FORBIDDEN');
    const rule = await createRule(h, appId);
    expect(await rules().list(h.developerA, appId)).toHaveLength(1);
    expect(await codeOf(rules().update(h.developerA, rule.id, { expectedVersion: 1, name: 'x' }))).toBe(
      'FORBIDDEN',
    );
    await freezeApp(h, appId);
    expect(await codeOf(createRule(h, appId))).toBe('CONFLICT');
    expect(await codeOf(rules().update(h.ownerA, rule.id, { expectedVersion: 1, name: 'x' }))).toBe(
      'CONFLICT',
    );
  });
});
