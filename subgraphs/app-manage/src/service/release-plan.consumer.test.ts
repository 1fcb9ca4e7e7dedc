import { approvedVersion, createApp, createHarness, publishedVersion, type Harness } from '../app-manage.test-support';
import { RELEASE_PLAN_COMPLETED, RULE_ENGINE_TOPIC } from './release-plan.consumer';

describe('completed release plans promote their gray version', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.dispose();
  });

  /** Polls until the published version is `versionId` (the bus delivers asynchronously), for at most 2 s. */
  const publishedBecomes = async (appId: string, versionId: string) => {
    const until = Date.now() + 2000;
    while ((await h.app.services.versions.publishedVersion(appId))?.id !== versionId) {
      if (Date.now() > until) throw new Error(`version ${versionId} was not published`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const statusOf = async (appId: string, versionId: string) =>
    (await h.app.services.versions.list(h.ownerA, appId)).find((v) => v.id === versionId)?.status;

  const complete = (appId: string, grayVersionId: string, id?: string) =>
    h.runtime.events.publish(RULE_ENGINE_TOPIC, {
      id,
      type: RELEASE_PLAN_COMPLETED,
      key: appId,
      payload: { appId, grayVersionId, actorId: h.ownerA.userId, planId: 'plan-1', state: 'COMPLETED' },
    });

  it('publishes the gray version and returns the old one to APPROVED as the rollback target', async () => {
    const { appId } = await createApp(h);
    const v1 = await publishedVersion(h, appId);
    const v2 = await approvedVersion(h, appId);
    await h.app.services.versions.startGrayRelease(h.ownerA, v2.id, { grayPercentage: 20 });

    await complete(appId, v2.id);
    await publishedBecomes(appId, v2.id);
    expect(await statusOf(appId, v1.id)).toBe('APPROVED');
  });

  it('ignores replays and other rule-engine events', async () => {
    const { appId } = await createApp(h);
    const v1 = await publishedVersion(h, appId);
    const v2 = await approvedVersion(h, appId);
    await h.runtime.events.publish(RULE_ENGINE_TOPIC, {
      type: 'release-plan.raised',
      key: appId,
      payload: { appId, grayVersionId: v2.id, actorId: h.ownerA.userId },
    });
    await complete(appId, v2.id, 'evt-1');
    await complete(appId, v2.id, 'evt-1');
    await publishedBecomes(appId, v2.id);
    expect(await statusOf(appId, v1.id)).toBe('APPROVED');
    expect(await statusOf(appId, v2.id)).toBe('PUBLISHED');
  });
});
