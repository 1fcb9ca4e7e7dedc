import { rmSync } from 'node:fs';
import { MINI_PROGRAM_EVENTS_TOPIC } from '@grove/contracts';
import { ANONYMOUS, newId } from '@grove/platform';
import { RuleEngineMiniProgramModel } from './projection/rule-engine-mini-program.model';
import {
  codeOf,
  createApp,
  createHarness,
  errorCodes,
  eventually,
  execute,
  IOS_RULE,
  startPlan,
  versionIn,
  type Harness,
} from './rule-engine.test-support';

const ENTITIES = `query($r: [_Any!]!) {
  _entities(representations: $r) { ... on ReleasePlan { id state percentage rule { name } } }
}`;

describe('rule-engine subgraph', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.dispose());

  it('prints a Federation 2 SDL with the ReleasePlan entity and no storage fields', () => {
    expect(h.engine.sdl).toMatch(/type ReleasePlan\s+@key\(fields: "id"\)/);
    expect(h.engine.sdl).not.toMatch(/liveSlot|ruleJson|lastEventAt/);
  });

  it('resolves _entities for ReleasePlan for members and operators, null for others and unknown ids', async () => {
    const plan = await startPlan(h, await createApp(h), 15);
    const rule = await h.engine.services.rules.byId(h.ownerA, plan.ruleId);
    const r = [
      { __typename: 'ReleasePlan', id: plan.id },
      { __typename: 'ReleasePlan', id: newId() },
    ];
    for (const caller of [h.ownerA, h.developerA, h.reviewer, h.admin]) {
      const result = await execute(h, ENTITIES, caller, { r });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        _entities: [{ id: plan.id, state: 'ACTIVE', percentage: 15, rule: { name: rule!.name } }, null],
      });
    }
    for (const caller of [ANONYMOUS, h.ownerB]) {
      const result = await execute(h, ENTITIES, caller, { r });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ _entities: [null, null] });
    }
  });

  it('takes rules as JSON over GraphQL and reports rule problems as BAD_USER_INPUT with paths', async () => {
    const appId = await createApp(h);
    const created = await execute(
      h,
      'mutation($i: CreateGrayRuleInput!) { createGrayRule(input: $i) { id version rule } }',
      h.ownerA,
      {
        i: { appId, name: 'iOS', rule: IOS_RULE },
      },
    );
    expect(created.errors).toBeUndefined();
    expect((created.data as { createGrayRule: { rule: unknown } }).createGrayRule.rule).toEqual(IOS_RULE);
    const bad = await execute(
      h,
      'mutation($i: CreateGrayRuleInput!) { createGrayRule(input: $i) { id } }',
      h.ownerA,
      {
        i: {
          appId,
          name: 'bad',
          rule: { salt: 's', match: { field: 'network', op: 'range', value: { min: 1 } } },
        },
      },
    );
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    const plan = await execute(
      h,
      'mutation($i: StartReleasePlanInput!) { startReleasePlan(input: $i) { state percentage } }',
      h.ownerA,
      {
        i: {
          appId,
          grayVersionId: await versionIn(h, appId),
          ruleId: (created.data as { createGrayRule: { id: string } }).createGrayRule.id,
          percentage: 12.5,
        },
      },
    );
    expect(plan).toEqual({ data: { startReleasePlan: { state: 'ACTIVE', percentage: 12.5 } } });
  });

  it('keeps rules, plans, the projection and device answers across a restart on the same data directory', async () => {
    const dataDir = h.runtime.dataDir;
    const people = {
      orgA: h.orgA,
      orgB: h.orgB,
      ownerA: h.ownerA,
      developerA: h.developerA,
      ownerB: h.ownerB,
      reviewer: h.reviewer,
      admin: h.admin,
    };
    await h.engine.close();
    await h.runtime.close();
    try {
      h = await createHarness({ dataDir, people });
      const appId = await createApp(h);
      const plan = await startPlan(h, appId, 30);
      await h.engine.services.plans.pause(h.ownerA, plan.id);
      const devices = Array.from({ length: 200 }, (_, i) => ({
        deviceId: `d${i}`,
        platform: 'ios',
        hostAppVersion: '2.1.0',
      }));
      const answers = await Promise.all(devices.map((d) => h.engine.services.plans.chooseVersion(appId, d)));
      const rules = await h.engine.services.rules.list(h.ownerA, appId);

      await h.engine.close();
      await h.runtime.close();
      h = await createHarness({ dataDir, people });
      expect(await h.engine.services.miniPrograms.get(appId)).toEqual({
        appId,
        orgId: h.orgA,
        status: 'ACTIVE',
      });
      expect(await h.engine.services.rules.list(h.ownerA, appId)).toEqual(rules);
      expect(await h.engine.services.plans.get(h.ownerA, plan.id)).toMatchObject({
        state: 'PAUSED',
        percentage: 30,
      });
      expect(await Promise.all(devices.map((d) => h.engine.services.plans.chooseVersion(appId, d)))).toEqual(
        answers,
      );
      // The one-running-plan slot survived too.
      expect(await codeOf(startPlan(h, appId))).toBe('CONFLICT');
    } finally {
      await h.engine.close();
      await h.runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
      h = await createHarness();
    }
  });

  it('keeps its own projection from app-manage-shaped events, consumer group rule-engine, replays harmless', async () => {
    const appId = `mp${'cd'.repeat(8)}`;
    const created = await h.runtime.events.publish(MINI_PROGRAM_EVENTS_TOPIC, {
      type: 'mini-program.created',
      key: appId,
      payload: { appId, orgId: h.orgA, actorId: 'u1' },
    });
    await eventually(async () =>
      expect(await h.engine.services.miniPrograms.get(appId)).toEqual({
        appId,
        orgId: h.orgA,
        status: 'ACTIVE',
      }),
    );
    await h.runtime.events.publish(MINI_PROGRAM_EVENTS_TOPIC, {
      type: 'mini-program.frozen',
      key: appId,
      payload: { appId, orgId: h.orgA, actorId: 'u2', reason: 'x' },
    });
    await eventually(async () =>
      expect((await h.engine.services.miniPrograms.get(appId))?.status).toBe('FROZEN'),
    );
    await h.runtime.events.publish(MINI_PROGRAM_EVENTS_TOPIC, { ...created });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await h.engine.services.miniPrograms.get(appId))?.status).toBe('FROZEN');
    // Stored in this subgraph's collection, apart from the domain subgraph's.
    const docs = await h.runtime.documents.collection(RuleEngineMiniProgramModel).find({ _id: appId });
    expect(docs).toHaveLength(1);
  });
});
