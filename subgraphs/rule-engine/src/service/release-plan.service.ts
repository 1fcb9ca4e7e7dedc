import {
  ConflictError,
  NotFoundError,
  Permission,
  newId,
  requireUser,
  type Principal,
  type Update,
} from '@grove/platform';
import type { MiniProgramAccess, MiniProgramOwnership } from '@grove/contracts';
import {
  complete,
  inGrayAudience,
  pause,
  raisePercentage,
  resume,
  revert,
  startReleasePlan,
  type ReleasePlan,
  type ReleasePlanAction,
  type RuleContext,
} from '../engine';
import type { ReleasePlanModel } from '../store/release-plan.model';
import type { RuleEngineStore } from '../store/rule-engine.store';
import type { CompiledRuleCache } from './compiled-rule.cache';
import { RuleEngineEventType, type RuleEngineEvents } from './rule-engine-events';
import { idField, parseInput, startReleasePlanSchema } from './rule-engine-input';
import { toReleasePlanView, type ReleasePlanView } from './views';

export interface GrayReleaseLicenseGuard {
  /** Throws LicenseLimitExceededError when the license allows no further concurrent gray release. */
  assertCanCreate(limit: 'concurrentGrayReleases'): Promise<void>;
}

/** What the SDK runtime serves a device: the gray version of the running plan. */
export interface GrayChoice {
  versionId: string;
  planId: string;
}

const EVENT_BY_ACTION: Record<ReleasePlanAction, RuleEngineEventType> = {
  raise: RuleEngineEventType.RELEASE_PLAN_RAISED,
  pause: RuleEngineEventType.RELEASE_PLAN_PAUSED,
  resume: RuleEngineEventType.RELEASE_PLAN_RESUMED,
  complete: RuleEngineEventType.RELEASE_PLAN_COMPLETED,
  revert: RuleEngineEventType.RELEASE_PLAN_REVERTED,
};

/** Actions that widen exposure need an ACTIVE mini-program; pausing and reverting always work. */
const NEEDS_ACTIVE_APP: Record<ReleasePlanAction, boolean> = { raise: true, resume: true, complete: true, pause: false, revert: false };

const MAX_ATTEMPTS = 3;

/**
 * Release plans: one running (ACTIVE or PAUSED) plan per mini-program, moved by the pure release-plan functions and
 * written with conditional updates on the state and percentage that were read.
 */
export class ReleasePlanService {
  constructor(
    private readonly store: RuleEngineStore,
    private readonly access: MiniProgramAccess,
    private readonly events: RuleEngineEvents,
    private readonly compiled: CompiledRuleCache,
    private readonly license?: GrayReleaseLicenseGuard,
  ) {}

  async list(p: Principal, appId: string): Promise<ReleasePlanView[]> {
    const { app } = await this.access.app(p, appId, Permission.MINIPROGRAM_READ, Permission.MINIPROGRAM_REVIEW);
    return (await this.store.listPlans(app.appId)).map(toReleasePlanView);
  }

  async get(p: Principal, id: string): Promise<ReleasePlanView> {
    requireUser(p);
    const plan = await this.store.findPlan(parseInput(idField, id));
    if (!plan) throw new NotFoundError('Release plan not found');
    await this.access.app(p, plan.appId, Permission.MINIPROGRAM_READ, Permission.MINIPROGRAM_REVIEW);
    return toReleasePlanView(plan);
  }

  /** Without authorization, for in-process callers such as the SDK runtime read model: the ACTIVE or PAUSED plan. */
  async livePlanOf(appId: string): Promise<ReleasePlanView | null> {
    const plan = await this.store.livePlan(appId);
    return plan ? toReleasePlanView(plan) : null;
  }

  /** Entity reference: the same visibility as `releasePlan(id)`; null for callers who may not read it. */
  async reference(p: Principal, id: string): Promise<ReleasePlanView | null> {
    return this.get(p, id).catch(() => null);
  }

  async start(p: Principal, input: unknown): Promise<ReleasePlanView> {
    requireUser(p);
    const data = parseInput(startReleasePlanSchema, input);
    const { user, app } = await this.access.app(p, data.appId, Permission.MINIPROGRAM_RELEASE);
    this.access.requireActive(app, 'gray-released');
    const initial = startReleasePlan(data.percentage);
    const rule = await this.store.findRule(data.ruleId);
    if (!rule || rule.appId !== app.appId) throw new NotFoundError('Gray rule not found for this mini-program', { field: 'ruleId' });
    if (await this.store.livePlan(app.appId)) throw this.alreadyRunning();
    await this.license?.assertCanCreate('concurrentGrayReleases');
    let plan: ReleasePlanModel;
    try {
      plan = await this.store.insertPlan({
        _id: newId(),
        appId: app.appId,
        orgId: app.orgId,
        grayVersionId: data.grayVersionId,
        ruleId: rule._id,
        state: initial.state,
        percentage: initial.percentage,
        liveSlot: app.appId,
        startedBy: user.userId,
        updatedBy: user.userId,
      });
    } catch (error) {
      // Another plan took the app's live slot between the check above and this insert.
      if (error instanceof ConflictError) throw this.alreadyRunning();
      throw error;
    }
    await this.emit(RuleEngineEventType.RELEASE_PLAN_STARTED, plan, user.userId);
    return toReleasePlanView(plan);
  }

  raise(p: Principal, id: string, percentage: number): Promise<ReleasePlanView> {
    return this.transition(p, id, 'raise', (plan) => raisePercentage(plan, percentage));
  }

  pause(p: Principal, id: string): Promise<ReleasePlanView> {
    return this.transition(p, id, 'pause', pause);
  }

  resume(p: Principal, id: string): Promise<ReleasePlanView> {
    return this.transition(p, id, 'resume', resume);
  }

  /** Everyone gets the gray version from now on; publishes release-plan.completed for app-manage to promote it. */
  complete(p: Principal, id: string): Promise<ReleasePlanView> {
    return this.transition(p, id, 'complete', complete);
  }

  /** Gray devices go back to the published version. */
  revert(p: Principal, id: string): Promise<ReleasePlanView> {
    return this.transition(p, id, 'revert', revert);
  }

  /**
   * For the SDK runtime (no authorization; the caller already identified the host app): the gray version when the
   * app has a running or paused plan whose rule matches the device AND whose percentage bucket holds the device (or
   * the user, without a device id). null: serve the published version.
   */
  async chooseVersion(appId: string, context: RuleContext): Promise<GrayChoice | null> {
    const plan = await this.store.livePlan(appId);
    if (!plan) return null;
    const rule = await this.store.findRule(plan.ruleId);
    if (!rule) return null;
    const compiled = this.compiled.get(rule._id, rule.version, rule.ruleJson);
    if (!inGrayAudience(compiled, { id: plan._id, percentage: plan.percentage }, context)) return null;
    return { versionId: plan.grayVersionId, planId: plan._id };
  }

  private async transition(p: Principal, id: string, action: ReleasePlanAction, apply: (plan: ReleasePlan) => ReleasePlan): Promise<ReleasePlanView> {
    requireUser(p);
    const planId = parseInput(idField, id);
    let actor: { userId: string; app: MiniProgramOwnership } | undefined;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await this.store.findPlan(planId);
      if (!current) throw new NotFoundError('Release plan not found');
      if (!actor) {
        const { user, app } = await this.access.app(p, current.appId, Permission.MINIPROGRAM_RELEASE);
        actor = { userId: user.userId, app };
      }
      if (NEEDS_ACTIVE_APP[action]) this.access.requireActive(actor.app, 'gray-released');
      const next = apply({ state: current.state, percentage: current.percentage });
      const now = new Date();
      const update: Update = { $set: { state: next.state, percentage: next.percentage, updatedBy: actor.userId } };
      if (action === 'pause') update.$set!.pausedAt = now;
      if (action === 'resume') update.$unset = { pausedAt: '' };
      if (action === 'complete') update.$set!.completedAt = now;
      if (action === 'revert') update.$set!.revertedAt = now;
      if (next.state === 'COMPLETED' || next.state === 'REVERTED') update.$unset = { ...update.$unset, liveSlot: '' };
      const updated = await this.store.transitionPlan(current._id, { state: current.state, percentage: current.percentage }, update);
      if (updated) {
        await this.emit(EVENT_BY_ACTION[action], updated, actor.userId);
        return toReleasePlanView(updated);
      }
      // Changed between the read and the write: judge the action again against the fresh state.
    }
    throw new ConflictError('The release plan is changing concurrently; try again', { reason: 'CONCURRENT_CHANGE', planId });
  }

  private alreadyRunning(): ConflictError {
    return new ConflictError('Another release plan is running for this mini-program; complete or revert it first', { reason: 'PLAN_RUNNING' });
  }

  private async emit(type: RuleEngineEventType, plan: ReleasePlanModel, actorId: string): Promise<void> {
    await this.events.publish(type, {
      appId: plan.appId,
      orgId: plan.orgId,
      planId: plan._id,
      grayVersionId: plan.grayVersionId,
      ruleId: plan.ruleId,
      state: plan.state,
      percentage: plan.percentage,
      actorId,
    });
  }
}
