import { RuleEngineEventType, RULE_ENGINE_EVENTS_TOPIC } from '@grove/contracts';
import { newId } from '@grove/platform';
import { AppManageTopic } from './app-manage-events';
import {
  approvedVersion,
  createApp,
  createHarness,
  eventually,
  publishedVersion,
  recordEvents,
  uploadVersion,
  type Harness,
  type RecordedEvent,
} from '../app-manage.test-support';

const RULE_ENGINE_TOPIC = RULE_ENGINE_EVENTS_TOPIC;
const ReleasePlanEvent = {
  STARTED: RuleEngineEventType.RELEASE_PLAN_STARTED,
  RAISED: RuleEngineEventType.RELEASE_PLAN_RAISED,
  COMPLETING: RuleEngineEventType.RELEASE_PLAN_COMPLETING,
  REVERTED: RuleEngineEventType.RELEASE_PLAN_REVERTED,
};

describe('release plans drive their version', () => {
  let h: Harness;
  let answers: RecordedEvent[];
  beforeEach(async () => {
    h = await createHarness();
    answers = await recordEvents(h, AppManageTopic.MINI_PROGRAM);
  });
  afterEach(async () => {
    await h.dispose();
  });

  const versionOf = async (appId: string, versionId: string) =>
    (await h.app.services.versions.list(h.ownerA, appId)).find((v) => v.id === versionId);
  const planEvent = async (
    type: string,
    plan: { planId: string; appId: string; orgId?: string; grayVersionId: string; percentage?: number },
    id?: string,
  ) => {
    await h.runtime.events.publish(RULE_ENGINE_TOPIC, {
      id,
      type,
      key: plan.appId,
      payload: {
        orgId: h.orgA,
        ruleId: 'rule-1',
        state: 'ACTIVE',
        percentage: 20,
        actorId: h.ownerA.userId,
        ...plan,
      },
    });
  };
  const answerFor = (planId: string, type: string) =>
    eventually(() =>
      expect(answers.some((e) => e.type === type && e.payload.releasePlanId === planId)).toBe(true),
    );
  const answersFor = (planId: string) =>
    answers.filter((e) => e.payload.releasePlanId === planId).map((e) => e.type);

  it('skips release-plan events that do not match the contract, changing nothing', async () => {
    const { appId } = await createApp(h);
    const v = await approvedVersion(h, appId);
    await h.runtime.events.publish(RULE_ENGINE_TOPIC, {
      type: ReleasePlanEvent.STARTED,
      key: appId,
      payload: { appId, grayVersionId: v.id },
    });
    const plan = { planId: newId(), appId, grayVersionId: v.id };
    await planEvent(ReleasePlanEvent.STARTED, plan);
    await eventually(async () => expect((await versionOf(appId, v.id))?.releasePlanId).toBe(plan.planId));
  });

  it('started → GRAY with the plan and its percentage, raised → the new percentage, reverted → APPROVED', async () => {
    const { appId } = await createApp(h);
    const v = await approvedVersion(h, appId);
    const plan = { planId: newId(), appId, grayVersionId: v.id };
    await planEvent(ReleasePlanEvent.STARTED, { ...plan, percentage: 20 });
    await eventually(async () =>
      expect(await versionOf(appId, v.id)).toMatchObject({
        status: 'GRAY',
        releasePlanId: plan.planId,
        grayPercentage: 20,
      }),
    );
    // A redelivery (crash after the write, before the event) answers again and changes nothing.
    await planEvent(ReleasePlanEvent.STARTED, { ...plan, percentage: 20 }, 'evt-start-again');
    await eventually(() =>
      expect(answersFor(plan.planId).filter((t) => t === 'version.gray-started')).toHaveLength(2),
    );
    expect(await versionOf(appId, v.id)).toMatchObject({ status: 'GRAY', grayPercentage: 20 });
    await planEvent(ReleasePlanEvent.RAISED, { ...plan, percentage: 35.5 });
    await eventually(async () => expect((await versionOf(appId, v.id))?.grayPercentage).toBe(35.5));
    // Hand-made gray release controls do not fight the plan.
    await expect(h.app.services.versions.stopGrayRelease(h.ownerA, v.id)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await planEvent(ReleasePlanEvent.REVERTED, plan);
    await eventually(async () => expect((await versionOf(appId, v.id))?.status).toBe('APPROVED'));
    const after = await versionOf(appId, v.id);
    expect(after?.releasePlanId).toBeUndefined();
    expect(after?.grayPercentage).toBeUndefined();
  });

  it('completing publishes the gray version, names the plan in version.published, and a redelivery only answers again', async () => {
    const { appId } = await createApp(h);
    const v1 = await publishedVersion(h, appId);
    const v2 = await approvedVersion(h, appId);
    const plan = { planId: newId(), appId, grayVersionId: v2.id };
    await planEvent(ReleasePlanEvent.STARTED, plan);
    await eventually(async () => expect((await versionOf(appId, v2.id))?.status).toBe('GRAY'));
    await planEvent(ReleasePlanEvent.COMPLETING, plan, 'evt-complete');
    await answerFor(plan.planId, 'version.published');
    expect((await h.app.services.versions.publishedVersion(appId))?.id).toBe(v2.id);
    expect((await versionOf(appId, v1.id))?.status).toBe('APPROVED');
    // The same event again (deduplicated), then a new delivery of the same request (answered, not re-applied).
    await planEvent(ReleasePlanEvent.COMPLETING, plan, 'evt-complete');
    await planEvent(ReleasePlanEvent.COMPLETING, plan, 'evt-complete-again');
    await eventually(() =>
      expect(answersFor(plan.planId).filter((t) => t === 'version.published')).toHaveLength(2),
    );
    expect(answers.filter((e) => e.type === 'version.superseded')).toHaveLength(1);
    expect((await versionOf(appId, v1.id))?.status).toBe('APPROVED');
    expect((await h.app.services.versions.publishedVersion(appId))?.id).toBe(v2.id);
  });

  it("refuses another organization's version, touching nothing of it (cross-tenant publish)", async () => {
    const mine = await createApp(h);
    const theirs = await createApp(h, 'Theirs', h.ownerB, h.orgB);
    const theirOld = await publishedVersion(h, theirs.appId, h.ownerB);
    const theirNew = await publishedVersion(h, theirs.appId, h.ownerB);
    expect((await h.app.services.versions.versionById(theirOld.id))?.status).toBe('APPROVED');
    // Organization A's plan names B's old version, with A's app and org, or with B's app and A's org.
    for (const plan of [
      { planId: newId(), appId: mine.appId, grayVersionId: theirOld.id },
      { planId: newId(), appId: theirs.appId, grayVersionId: theirOld.id },
    ]) {
      await planEvent(ReleasePlanEvent.STARTED, plan);
      await planEvent(ReleasePlanEvent.COMPLETING, plan);
      await eventually(() =>
        expect(answersFor(plan.planId)).toEqual([
          'version.release-plan-refused',
          'version.release-plan-refused',
        ]),
      );
      const refusal = answers.find((e) => e.payload.releasePlanId === plan.planId)!;
      expect(refusal.payload).toMatchObject({
        appId: plan.appId,
        orgId: h.orgA,
        versionId: theirOld.id,
        reason: 'the version does not exist for this mini-program',
      });
      // Nothing about B's version leaks into A's answer, and the answer carries no version state to project.
      expect(refusal.payload.status).toBeUndefined();
      expect(refusal.payload.versionStatus).toBeUndefined();
    }
    expect((await h.app.services.versions.versionById(theirOld.id))?.status).toBe('APPROVED');
    expect((await h.app.services.versions.publishedVersion(theirs.appId))?.id).toBe(theirNew.id);
  });

  it('refuses versions that are not reviewed, unknown, or under another plan, and fails a plan whose version is delisted', async () => {
    const { appId } = await createApp(h);
    const draft = await uploadVersion(h, appId);
    const unknown = { planId: newId(), appId, grayVersionId: 'no-such-version' };
    const ofDraft = { planId: newId(), appId, grayVersionId: draft.id };
    await planEvent(ReleasePlanEvent.COMPLETING, unknown);
    await planEvent(ReleasePlanEvent.STARTED, ofDraft);
    await answerFor(unknown.planId, 'version.release-plan-refused');
    await answerFor(ofDraft.planId, 'version.release-plan-refused');
    expect((await versionOf(appId, draft.id))?.status).toBe('DEVELOPMENT');
    expect(answers.find((e) => e.payload.releasePlanId === ofDraft.planId)?.payload).toMatchObject({
      versionStatus: 'DEVELOPMENT',
      reason: 'the version is DEVELOPMENT',
    });

    const gray = await approvedVersion(h, appId);
    const plan = { planId: newId(), appId, grayVersionId: gray.id };
    await planEvent(ReleasePlanEvent.STARTED, plan);
    await eventually(async () => expect((await versionOf(appId, gray.id))?.status).toBe('GRAY'));
    const intruder = { planId: newId(), appId, grayVersionId: gray.id };
    await planEvent(ReleasePlanEvent.COMPLETING, intruder);
    await answerFor(intruder.planId, 'version.release-plan-refused');
    expect((await versionOf(appId, gray.id))?.status).toBe('GRAY');

    await h.app.services.versions.delist(h.ownerA, gray.id, 'broken');
    await answerFor(plan.planId, 'version.release-plan-refused');
    expect(
      answers.find(
        (e) => e.type === 'version.release-plan-refused' && e.payload.releasePlanId === plan.planId,
      )?.payload.reason,
    ).toBe('the version was delisted');
  });
});
