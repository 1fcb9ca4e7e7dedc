import { newId } from '@grove/platform';
import type { ReleasePlanAction, ReleasePlanState, RuleContext } from '../engine';
import { ReleasePlanModel } from '../store/release-plan.model';
import {
  answerCompletion,
  cappedLicense,
  codeOf,
  createApp,
  createHarness,
  createRule,
  errorCodes,
  eventually,
  execute,
  freezeApp,
  recordEvents,
  startPlan,
  versionIn,
  type Harness,
} from '../rule-engine.test-support';
import { RULE_ENGINE_EVENTS_TOPIC } from './rule-engine-events';
import type { ReleasePlanView } from './views';

const stored = (h: Harness) =>
  h.runtime.documents.collection(ReleasePlanModel).find({}, { sort: { _id: 1 } });

/** Brings a fresh plan to `state` through the real transitions. */
async function planIn(h: Harness, state: ReleasePlanState, percentage = 10): Promise<ReleasePlanView> {
  const appId = await createApp(h);
  const plan = await startPlan(h, appId, percentage);
  const plans = h.engine.services.plans;
  if (state === 'PAUSED') return plans.pause(h.ownerA, plan.id);
  if (state === 'COMPLETING') return plans.complete(h.ownerA, plan.id);
  if (state === 'REVERTED') return plans.revert(h.ownerA, plan.id);
  if (state === 'COMPLETED' || state === 'FAILED') {
    await plans.complete(h.ownerA, plan.id);
    await answerCompletion(h, plan, state === 'COMPLETED' ? 'published' : 'refused');
    return plans.get(h.ownerA, plan.id);
  }
  return plan;
}

/** What a member can do; `confirm` and `fail` are app-manage's answers, tested below. */
type UserAction = Exclude<ReleasePlanAction, 'confirm' | 'fail'>;
const ACTIONS: UserAction[] = ['raise', 'pause', 'resume', 'complete', 'revert'];
const FINAL = { raise: null, pause: null, resume: null, complete: null, revert: null };
const TABLE: Record<ReleasePlanState, Record<UserAction, ReleasePlanState | null>> = {
  ACTIVE: { raise: 'ACTIVE', pause: 'PAUSED', resume: null, complete: 'COMPLETING', revert: 'REVERTED' },
  PAUSED: { raise: null, pause: null, resume: 'ACTIVE', complete: 'COMPLETING', revert: 'REVERTED' },
  COMPLETING: FINAL,
  COMPLETED: FINAL,
  REVERTED: FINAL,
  FAILED: FINAL,
};
const CASES = (Object.keys(TABLE) as ReleasePlanState[]).flatMap((state) =>
  ACTIONS.map((action) => [state, action, TABLE[state][action]] as const),
);

function act(h: Harness, action: UserAction, id: string) {
  const plans = h.engine.services.plans;
  return action === 'raise' ? plans.raise(h.ownerA, id, 50) : plans[action](h.ownerA, id);
}

const ios = (deviceId: string): RuleContext => ({ deviceId, platform: 'iOS', hostAppVersion: '2.3.1' });

describe('release plans', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.dispose());
  const plans = () => h.engine.services.plans;

  describe('transitions', () => {
    it.each(CASES.filter(([, , next]) => next !== null))('%s --%s--> %s', async (state, action, next) => {
      const plan = await planIn(h, state);
      const after = await act(h, action, plan.id);
      expect(after.state).toBe(next);
      expect((await plans().get(h.ownerA, plan.id)).state).toBe(next);
    });

    it.each(CASES.filter(([, , next]) => next === null))(
      '%s --%s--> CONFLICT, nothing changes',
      async (state, action) => {
        const plan = await planIn(h, state);
        const before = await stored(h);
        let error: { code?: string; details?: Record<string, unknown> } | undefined;
        await act(h, action, plan.id).catch((e: typeof error) => (error = e));
        expect(error?.code).toBe('CONFLICT');
        expect(error?.details).toMatchObject({ reason: 'ILLEGAL_TRANSITION', action, state });
        expect(await stored(h)).toEqual(before);
      },
    );

    it('raises only upwards, with a valid percentage', async () => {
      const plan = await planIn(h, 'ACTIVE', 20);
      expect((await plans().raise(h.ownerA, plan.id, 35.5)).percentage).toBe(35.5);
      const before = await stored(h);
      expect(await codeOf(plans().raise(h.ownerA, plan.id, 35.5))).toBe('CONFLICT');
      expect(await codeOf(plans().raise(h.ownerA, plan.id, 10))).toBe('CONFLICT');
      expect(await codeOf(plans().raise(h.ownerA, plan.id, 100.5))).toBe('BAD_USER_INPUT');
      expect(await codeOf(plans().raise(h.ownerA, plan.id, 40.001))).toBe('BAD_USER_INPUT');
      expect(await stored(h)).toEqual(before);
      expect((await plans().raise(h.ownerA, plan.id, 100)).percentage).toBe(100);
    });

    it('lets exactly one of two concurrent pauses win', async () => {
      const plan = await planIn(h, 'ACTIVE');
      const outcomes = await Promise.all([
        codeOf(plans().pause(h.ownerA, plan.id)),
        codeOf(plans().pause(h.ownerA, plan.id)),
      ]);
      expect(outcomes.sort()).toEqual(['CONFLICT', 'ok']);
    });

    it('publishes every transition on topic rule-engine keyed by the app id; completion names the gray version', async () => {
      const seen = await recordEvents(h, RULE_ENGINE_EVENTS_TOPIC);
      const appId = await createApp(h);
      const rule = await createRule(h, appId);
      const grayVersionId = await versionIn(h, appId);
      const plan = await plans().start(h.ownerA, { appId, grayVersionId, ruleId: rule.id, percentage: 5 });
      await plans().raise(h.ownerA, plan.id, 25);
      await plans().pause(h.ownerA, plan.id);
      await plans().resume(h.ownerA, plan.id);
      const completing = await plans().complete(h.ownerA, plan.id);
      await answerCompletion(h, plan);
      await eventually(() => expect(seen).toHaveLength(7));
      expect(seen.map((e) => e.type)).toEqual([
        'gray-rule.created',
        'release-plan.started',
        'release-plan.raised',
        'release-plan.paused',
        'release-plan.resumed',
        'release-plan.completing',
        'release-plan.completed',
      ]);
      expect(seen.every((e) => e.key === appId)).toBe(true);
      const payload = {
        appId,
        orgId: h.orgA,
        planId: plan.id,
        grayVersionId,
        ruleId: rule.id,
        percentage: 25,
      };
      // changedAt is the write's time, the plan's updatedAt (analytics marks it on the plan's timeline).
      expect(seen[5].payload).toEqual({
        ...payload,
        state: 'COMPLETING',
        actorId: h.ownerA.userId,
        changedAt: new Date(completing.updatedAt).toISOString(),
      });
      const times = seen.slice(1).map((e) => Date.parse((e.payload as { changedAt: string }).changedAt));
      expect(times).toEqual([...times].sort((x, y) => x - y));
      // The confirmation is app-manage's: its actor is whoever published.
      expect(seen[6].payload).toMatchObject({ ...payload, state: 'COMPLETED' });
    });
  });

  describe('start', () => {
    it('allows one running plan per mini-program; a finished one frees the slot', async () => {
      const appId = await createApp(h);
      const rule = await createRule(h, appId);
      const [v1, v2] = [await versionIn(h, appId), await versionIn(h, appId)];
      const first = await plans().start(h.ownerA, {
        appId,
        grayVersionId: v1,
        ruleId: rule.id,
        percentage: 10,
      });
      expect(first).toMatchObject({
        appId,
        state: 'ACTIVE',
        percentage: 10,
        grayVersionId: v1,
        ruleId: rule.id,
      });
      const before = await stored(h);
      expect(
        await codeOf(plans().start(h.ownerA, { appId, grayVersionId: v2, ruleId: rule.id, percentage: 10 })),
      ).toBe('CONFLICT');
      await plans().pause(h.ownerA, first.id);
      expect(
        await codeOf(plans().start(h.ownerA, { appId, grayVersionId: v2, ruleId: rule.id, percentage: 10 })),
      ).toBe('CONFLICT');
      await plans().complete(h.ownerA, first.id);
      // COMPLETING still holds the slot until app-manage has published the version.
      expect(
        await codeOf(plans().start(h.ownerA, { appId, grayVersionId: v2, ruleId: rule.id, percentage: 10 })),
      ).toBe('CONFLICT');
      expect((await stored(h)).length).toBe(before.length);
      await answerCompletion(h, first);
      expect(
        (await plans().start(h.ownerA, { appId, grayVersionId: v2, ruleId: rule.id, percentage: 10 })).state,
      ).toBe('ACTIVE');
      expect((await plans().list(h.reviewer, appId)).map((p) => p.grayVersionId)).toEqual([v2, v1]);
    });

    it('lets exactly one of two concurrent starts for one app win', async () => {
      const appId = await createApp(h);
      const rule = await createRule(h, appId);
      const versions = [await versionIn(h, appId), await versionIn(h, appId)];
      const outcomes = await Promise.all(
        versions.map((v) =>
          codeOf(plans().start(h.ownerA, { appId, grayVersionId: v, ruleId: rule.id, percentage: 10 })),
        ),
      );
      expect(outcomes.sort()).toEqual(['CONFLICT', 'ok']);
    });

    it('rejects bad input and foreign rules, storing nothing', async () => {
      const appId = await createApp(h);
      const otherApp = await createApp(h);
      const rule = await createRule(h, appId);
      const foreign = await createRule(h, otherApp);
      const v1 = await versionIn(h, appId);
      const start = (input: Record<string, unknown>) =>
        codeOf(
          plans().start(h.ownerA, { appId, grayVersionId: v1, ruleId: rule.id, percentage: 10, ...input }),
        );
      expect(await start({ percentage: 0 })).toBe('BAD_USER_INPUT');
      expect(await start({ percentage: 101 })).toBe('BAD_USER_INPUT');
      expect(await start({ percentage: 12.345 })).toBe('BAD_USER_INPUT');
      expect(await start({ percentage: '10' })).toBe('BAD_USER_INPUT');
      expect(await start({ grayVersionId: '' })).toBe('BAD_USER_INPUT');
      expect(await start({ ruleId: foreign.id })).toBe('NOT_FOUND');
      expect(await start({ ruleId: newId() })).toBe('NOT_FOUND');
      expect(await start({ appId: 'mp0000000000000000' })).toBe('NOT_FOUND');
      expect(await stored(h)).toEqual([]);
    });

    it("only takes a reviewed version of the plan's own mini-program; nothing is stored and no license slot is taken", async () => {
      const license = cappedLicense(() => h, 10);
      const guarded = await createHarness({ license, people: h });
      try {
        const appId = await createApp(guarded);
        const sibling = await createApp(guarded);
        const foreignApp = await createApp(guarded, guarded.orgB);
        const rule = await createRule(guarded, appId);
        const start = (grayVersionId: string) =>
          guarded.engine.services.plans.start(guarded.ownerA, {
            appId,
            grayVersionId,
            ruleId: rule.id,
            percentage: 10,
          });
        const failure = (grayVersionId: string) =>
          start(grayVersionId).then(
            () => ({ code: 'ok' }),
            (e: { code: string; details?: Record<string, unknown> }) => ({ code: e.code, ...e.details }),
          );
        // Another organization's version, a sibling app's version, an unknown id: NOT_FOUND alike.
        expect(
          await failure(await versionIn(guarded, foreignApp, 'APPROVED', { orgId: guarded.orgB })),
        ).toMatchObject({ code: 'NOT_FOUND', field: 'grayVersionId' });
        expect(await failure(await versionIn(guarded, sibling))).toMatchObject({
          code: 'NOT_FOUND',
          field: 'grayVersionId',
        });
        expect(await failure('no-such-version')).toMatchObject({ code: 'NOT_FOUND', field: 'grayVersionId' });
        for (const status of ['DEVELOPMENT', 'SUBMITTED', 'REJECTED', 'PUBLISHED', 'DELISTED']) {
          expect(await failure(await versionIn(guarded, appId, status))).toMatchObject({
            code: 'CONFLICT',
            reason: 'VERSION_NOT_RELEASABLE',
            status,
          });
        }
        // A version gray-released outside any plan blocks another version's plan.
        await versionIn(guarded, appId, 'GRAY');
        expect(await failure(await versionIn(guarded, appId))).toMatchObject({
          code: 'CONFLICT',
          reason: 'GRAY_RELEASE_RUNNING',
        });
        expect(await stored(guarded)).toEqual([]);
        expect(license.checks).toBe(0);
      } finally {
        await guarded.dispose();
      }
    });

    it("refuses over GraphQL, to an owner passing another organization's version id", async () => {
      const appId = await createApp(h);
      const rule = await createRule(h, appId);
      const theirs = await versionIn(h, await createApp(h, h.orgB), 'APPROVED', { orgId: h.orgB });
      const result = await execute(
        h,
        'mutation($a: ID!, $r: ID!, $v: ID!) { startReleasePlan(input: { appId: $a, grayVersionId: $v, ruleId: $r, percentage: 10 }) { id } }',
        h.ownerA,
        { a: appId, r: rule.id, v: theirs },
      );
      expect(errorCodes(result)).toEqual(['NOT_FOUND']);
      expect(await stored(h)).toEqual([]);
    });

    it('is refused for a frozen mini-program, where pausing and reverting still work', async () => {
      const appId = await createApp(h);
      const plan = await startPlan(h, appId);
      await freezeApp(h, appId);
      expect(await codeOf(plans().raise(h.ownerA, plan.id, 50))).toBe('CONFLICT');
      expect(await codeOf(plans().complete(h.ownerA, plan.id))).toBe('CONFLICT');
      expect((await plans().pause(h.ownerA, plan.id)).state).toBe('PAUSED');
      expect(await codeOf(plans().resume(h.ownerA, plan.id))).toBe('CONFLICT');
      expect((await plans().revert(h.ownerA, plan.id)).state).toBe('REVERTED');
      const rule = await h.engine.services.rules.list(h.ownerA, appId);
      expect(
        await codeOf(
          plans().start(h.ownerA, {
            appId,
            grayVersionId: plan.grayVersionId,
            ruleId: rule[0].id,
            percentage: 10,
          }),
        ),
      ).toBe('CONFLICT');
    });
  });

  describe('completion', () => {
    it('is COMPLETED only once app-manage has published the version', async () => {
      const plan = await planIn(h, 'ACTIVE');
      expect((await plans().complete(h.ownerA, plan.id)).state).toBe('COMPLETING');
      await answerCompletion(h, plan, 'published');
      const done = await plans().get(h.ownerA, plan.id);
      expect(done.state).toBe('COMPLETED');
      expect(done.completedAt).toBeInstanceOf(Date);
    });

    it('ends FAILED with the reason when app-manage refuses, freeing the slot; a late confirmation changes nothing', async () => {
      const seen = await recordEvents(h, RULE_ENGINE_EVENTS_TOPIC);
      const plan = await planIn(h, 'ACTIVE');
      await plans().complete(h.ownerA, plan.id);
      await answerCompletion(h, plan, 'refused');
      const failed = await plans().get(h.ownerA, plan.id);
      expect(failed).toMatchObject({ state: 'FAILED', failureReason: 'the version was delisted' });
      expect((await stored(h))[0].liveSlot).toBeUndefined();
      await eventually(() => expect(seen.map((e) => e.type)).toContain('release-plan.failed'));
      expect(await plans().confirmCompleted(plan.id, plan.grayVersionId, 'late')).toBe(false);
      expect(await plans().confirmCompleted(plan.id, 'another-version', 'late')).toBe(false);
      expect((await plans().get(h.ownerA, plan.id)).state).toBe('FAILED');
      // A new plan can start for the app.
      expect((await startPlan(h, plan.appId)).state).toBe('ACTIVE');
    });

    it('is refused when the version is no longer releasable as far as the rule-engine knows', async () => {
      const plan = await planIn(h, 'ACTIVE');
      await versionIn(h, plan.appId, 'DELISTED', { versionId: plan.grayVersionId });
      const before = await stored(h);
      await expect(plans().complete(h.ownerA, plan.id)).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'VERSION_NOT_RELEASABLE', status: 'DELISTED' },
      });
      expect(await stored(h)).toEqual(before);
    });

    it("ignores answers that name another plan's version", async () => {
      const plan = await planIn(h, 'ACTIVE');
      await plans().complete(h.ownerA, plan.id);
      expect(await plans().failByOwner(plan.id, 'someone-else', 'no', 'x')).toBe(false);
      expect(await plans().confirmCompleted(plan.id, 'someone-else', 'x')).toBe(false);
      expect((await plans().get(h.ownerA, plan.id)).state).toBe('COMPLETING');
    });
  });

  describe('license', () => {
    let limited: Harness;
    let license: ReturnType<typeof cappedLicense>;
    beforeEach(async () => {
      license = cappedLicense(() => limited, 2);
      limited = await createHarness({ license });
    });
    afterEach(() => limited.dispose());

    it('caps concurrent gray releases, counting ACTIVE, PAUSED and COMPLETING plans', async () => {
      const first = await startPlan(limited, await createApp(limited));
      const second = await startPlan(limited, await createApp(limited));
      await limited.engine.services.plans.pause(limited.ownerA, second.id);
      const third = await createApp(limited);
      const rule = await createRule(limited, third);
      const grayVersionId = await versionIn(limited, third);
      const before = await stored(limited);
      const start = () =>
        limited.engine.services.plans.start(limited.ownerA, {
          appId: third,
          grayVersionId,
          ruleId: rule.id,
          percentage: 10,
        });
      expect(await codeOf(start())).toBe('LICENSE_LIMIT_EXCEEDED');
      expect(await stored(limited)).toEqual(before);
      await limited.engine.services.plans.complete(limited.ownerA, first.id);
      expect(await codeOf(start())).toBe('LICENSE_LIMIT_EXCEEDED');
      await answerCompletion(limited, first);
      expect((await start()).state).toBe('ACTIVE');
      expect(license.checks).toBe(5);
    });
  });

  describe('chooseVersion', () => {
    const devices = Array.from({ length: 1000 }, (_, i) => `device-${i}`);

    it('serves the gray version to about 20% of matching devices, the same answer every time', async () => {
      const plan = await planIn(h, 'ACTIVE', 20);
      const choose = (deviceId: string) => plans().chooseVersion(plan.appId, ios(deviceId));
      const first = await Promise.all(devices.map(choose));
      const gray = first.filter((c) => c !== null);
      expect(gray.length).toBeGreaterThanOrEqual(150);
      expect(gray.length).toBeLessThanOrEqual(250);
      expect(gray.every((c) => c!.versionId === plan.grayVersionId && c!.planId === plan.id)).toBe(true);
      expect(await Promise.all(devices.map(choose))).toEqual(first);
      // The rule decides first: Android devices never get it, whatever their bucket.
      const android = await Promise.all(
        devices.map((d) =>
          plans().chooseVersion(plan.appId, { deviceId: d, platform: 'android', hostAppVersion: '2.3.1' }),
        ),
      );
      expect(android.every((c) => c === null)).toBe(true);
      expect(
        await plans().chooseVersion(plan.appId, {
          deviceId: 'device-1',
          platform: 'iOS',
          hostAppVersion: '3.0.0',
        }),
      ).toBeNull();
    });

    it('keeps earlier devices when raised, keeps the cohort when paused, sends everyone back when reverted', async () => {
      const plan = await planIn(h, 'ACTIVE', 20);
      const grayDevices = async () => {
        const choices = await Promise.all(devices.map((d) => plans().chooseVersion(plan.appId, ios(d))));
        return new Set(devices.filter((_, i) => choices[i] !== null));
      };
      const at20 = await grayDevices();
      await plans().raise(h.ownerA, plan.id, 50);
      const at50 = await grayDevices();
      expect([...at20].every((d) => at50.has(d))).toBe(true);
      expect(at50.size).toBeGreaterThanOrEqual(450);
      expect(at50.size).toBeLessThanOrEqual(550);
      await plans().pause(h.ownerA, plan.id);
      expect(await grayDevices()).toEqual(at50);
      await plans().revert(h.ownerA, plan.id);
      expect((await grayDevices()).size).toBe(0);
    });

    it('buckets by user id without a device id; without either only a 100% plan matches', async () => {
      const plan = await planIn(h, 'ACTIVE', 50);
      const byUser = await Promise.all(
        devices.map((u) =>
          plans().chooseVersion(plan.appId, { userId: u, platform: 'ios', hostAppVersion: '2.0' }),
        ),
      );
      const count = byUser.filter((c) => c !== null).length;
      expect(count).toBeGreaterThan(400);
      expect(count).toBeLessThan(600);
      expect(
        await plans().chooseVersion(plan.appId, { platform: 'ios', hostAppVersion: '2.0.0' }),
      ).toBeNull();
      await plans().raise(h.ownerA, plan.id, 100);
      expect(await plans().chooseVersion(plan.appId, { platform: 'ios', hostAppVersion: '2.0.0' })).toEqual({
        versionId: plan.grayVersionId,
        planId: plan.id,
      });
    });

    it('follows rule edits, and answers null without a running plan', async () => {
      const appId = await createApp(h);
      expect(await plans().chooseVersion(appId, ios('device-1'))).toBeNull();
      const rule = await createRule(h, appId);
      const v9 = await versionIn(h, appId);
      const plan = await plans().start(h.ownerA, {
        appId,
        grayVersionId: v9,
        ruleId: rule.id,
        percentage: 100,
      });
      expect(await plans().chooseVersion(appId, ios('device-1'))).toEqual({ versionId: v9, planId: plan.id });
      await h.engine.services.rules.update(h.ownerA, rule.id, {
        expectedVersion: 1,
        rule: { salt: 'x', match: { field: 'platform', op: 'eq', value: 'android' } },
      });
      expect(await plans().chooseVersion(appId, ios('device-1'))).toBeNull();
      expect(await plans().chooseVersion(appId, { deviceId: 'device-1', platform: 'Android' })).toEqual({
        versionId: v9,
        planId: plan.id,
      });
      await plans().complete(h.ownerA, plan.id);
      // Until app-manage has published it, the cohort keeps the gray version; then the published one is it.
      expect(await plans().chooseVersion(appId, { deviceId: 'device-1', platform: 'Android' })).toEqual({
        versionId: v9,
        planId: plan.id,
      });
      await answerCompletion(h, plan);
      expect(await plans().chooseVersion(appId, { deviceId: 'device-1', platform: 'Android' })).toBeNull();
    });
  });
});
