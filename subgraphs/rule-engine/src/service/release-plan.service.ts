import {
  ConflictError,
  NotFoundError,
  Permission,
  newId,
  requireUser,
  type Principal,
  type Update,
  encodeCursor,
  listOrder,
  type PageRequest,
} from '@grove/platform';
import { RELEASE_PLAN_ORDERS } from '../store/list-orders';
import type { LicenseCapacity, MiniProgramAccess, MiniProgramOwnership } from '@grove/contracts';
import {
  RUNNING_PLAN_STATES,
  canApply,
  complete,
  confirmCompletion,
  fail,
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
import type { VersionStatusProjection } from '../projection/version-status.projection';
import type { ReleasePlanModel } from '../store/release-plan.model';
import { type RuleEngineStore } from '../store/rule-engine.store';
import type { CompiledRuleCache } from './compiled-rule.cache';
import { RuleEngineEventType, type RuleEngineEvents } from './rule-engine-events';
import { idField, parseInput, startReleasePlanSchema } from './rule-engine-input';
import { toReleasePlanView, type ReleasePlanView } from './views';

/** The license capacity (@grove/contracts): a running plan holds one concurrent gray release until it ends. */
export type GrayReleaseLicenseGuard = Pick<LicenseCapacity, 'claim' | 'release'>;

/** What the SDK runtime serves a device: the gray version of the running plan. */
export interface GrayChoice {
  versionId: string;
  planId: string;
}

const EVENT_BY_ACTION: Record<ReleasePlanAction, RuleEngineEventType> = {
  raise: RuleEngineEventType.RELEASE_PLAN_RAISED,
  pause: RuleEngineEventType.RELEASE_PLAN_PAUSED,
  resume: RuleEngineEventType.RELEASE_PLAN_RESUMED,
  complete: RuleEngineEventType.RELEASE_PLAN_COMPLETING,
  revert: RuleEngineEventType.RELEASE_PLAN_REVERTED,
  confirm: RuleEngineEventType.RELEASE_PLAN_COMPLETED,
  fail: RuleEngineEventType.RELEASE_PLAN_FAILED,
};

/** Actions that widen exposure need an ACTIVE mini-program; pausing and reverting always work. */
const NEEDS_ACTIVE_APP: Record<ReleasePlanAction, boolean> = {
  raise: true,
  resume: true,
  complete: true,
  pause: false,
  revert: false,
  confirm: false,
  fail: false,
};

/** Version statuses (app-manage's) a plan may gray-release and complete: reviewed, not published or taken down. */
const RELEASABLE_VERSION_STATUSES = ['APPROVED', 'GRAY'];

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
    private readonly versions: VersionStatusProjection,
    private readonly license?: GrayReleaseLicenseGuard,
  ) {}

  /** Newest first unless `orderBy` says otherwise, a page at a time (`take` up to 100, `after` a plan's cursor). */
  async list(
    p: Principal,
    appId: string,
    page: PageRequest & { orderBy?: { field?: unknown; direction?: unknown } | null } = {},
  ): Promise<ReleasePlanView[]> {
    const { app } = await this.access.app(
      p,
      appId,
      Permission.MINIPROGRAM_READ,
      Permission.MINIPROGRAM_REVIEW,
    );
    const order = listOrder(RELEASE_PLAN_ORDERS, page.orderBy);
    return (await this.store.listPlans(app.appId, order, page)).map((plan) => ({
      ...toReleasePlanView(plan),
      cursor: encodeCursor(order, plan),
    }));
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
    if (!rule || rule.appId !== app.appId)
      throw new NotFoundError('Gray rule not found for this mini-program', { field: 'ruleId' });
    await this.releasableVersion(app, data.grayVersionId);
    const otherGray = (await this.versions.inStatus(app.appId, 'GRAY')).find(
      (v) => v.versionId !== data.grayVersionId,
    );
    if (otherGray) {
      throw new ConflictError('Another version of this mini-program is in gray release; stop it first', {
        reason: 'GRAY_RELEASE_RUNNING',
        versionId: otherGray.versionId,
      });
    }
    if (await this.store.livePlan(app.appId)) throw this.alreadyRunning();
    const planId = newId();
    let plan: ReleasePlanModel;
    try {
      // The plan and its event commit together.
      const insert = () =>
        this.events.atomically(async () => {
          const inserted = await this.store.insertPlan({
            _id: planId,
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
          await this.emit(RuleEngineEventType.RELEASE_PLAN_STARTED, inserted, user.userId);
          return inserted;
        });
      plan = this.license
        ? await this.license.claim('concurrentGrayReleases', planId, insert)
        : await insert();
    } catch (error) {
      // Another plan took the app's live slot between the check above and this insert.
      if (error instanceof ConflictError) throw this.alreadyRunning();
      throw error;
    }
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

  /**
   * Asks app-manage to publish the gray version (release-plan.completing); the plan stays COMPLETING, serving its
   * cohort, until app-manage confirms (COMPLETED) or refuses (FAILED).
   */
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

  /**
   * app-manage published the plan's version (its `version.published` names the plan): COMPLETING → COMPLETED.
   * false when the plan is unknown, names another version, or is not COMPLETING (a replay).
   */
  async confirmCompleted(planId: string, versionId: string, actorId: string): Promise<boolean> {
    return this.ownerAnswer(planId, versionId, 'confirm', confirmCompletion, actorId);
  }

  /** app-manage refused the plan's version (delisted, frozen, another gray release …): the plan ends FAILED. */
  async failByOwner(planId: string, versionId: string, reason: string, actorId: string): Promise<boolean> {
    return this.ownerAnswer(planId, versionId, 'fail', fail, actorId, reason);
  }

  private async ownerAnswer(
    planId: string,
    versionId: string,
    action: 'confirm' | 'fail',
    apply: (plan: ReleasePlan) => ReleasePlan,
    actorId: string,
    failureReason?: string,
  ): Promise<boolean> {
    const plan = await this.store.findPlan(planId);
    if (!plan || plan.grayVersionId !== versionId || !canApply(plan, action)) return false;
    const updated = await this.apply(plan, action, apply, actorId, failureReason);
    return updated !== null;
  }

  private async transition(
    p: Principal,
    id: string,
    action: ReleasePlanAction,
    apply: (plan: ReleasePlan) => ReleasePlan,
  ): Promise<ReleasePlanView> {
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
      // Completing publishes the gray version: it must still be this app's and releasable, as far as we know.
      if (action === 'complete' && canApply(current, action))
        await this.releasableVersion(actor.app, current.grayVersionId);
      const updated = await this.apply(current, action, apply, actor.userId);
      if (updated) return toReleasePlanView(updated);
      // Changed between the read and the write: judge the action again against the fresh state.
    }
    throw new ConflictError('The release plan is changing concurrently; try again', {
      reason: 'CONCURRENT_CHANGE',
      planId,
    });
  }

  /** One conditional write of `action` on the state that was read, and its event; null when the plan moved meanwhile. */
  private async apply(
    current: ReleasePlanModel,
    action: ReleasePlanAction,
    apply: (plan: ReleasePlan) => ReleasePlan,
    actorId: string,
    failureReason?: string,
  ): Promise<ReleasePlanModel | null> {
    const next = apply({ state: current.state, percentage: current.percentage });
    const now = new Date();
    const update: Update = { $set: { state: next.state, percentage: next.percentage, updatedBy: actorId } };
    if (action === 'pause') update.$set!.pausedAt = now;
    if (action === 'resume') update.$unset = { pausedAt: '' };
    if (action === 'confirm') update.$set!.completedAt = now;
    if (action === 'revert') update.$set!.revertedAt = now;
    if (action === 'fail')
      Object.assign(update.$set!, { failedAt: now, failureReason: failureReason ?? 'refused' });
    if (!RUNNING_PLAN_STATES.includes(next.state)) update.$unset = { ...update.$unset, liveSlot: '' };
    const updated = await this.events.atomically(async () => {
      const moved = await this.store.transitionPlan(
        current._id,
        { state: current.state, percentage: current.percentage },
        update,
      );
      if (moved) await this.emit(EVENT_BY_ACTION[action], moved, actorId);
      return moved;
    });
    // A plan that stops running (COMPLETED, REVERTED, FAILED) frees its concurrent gray release.
    if (updated && !RUNNING_PLAN_STATES.includes(updated.state))
      await this.license?.release('concurrentGrayReleases', updated._id);
    return updated;
  }

  /**
   * The version a plan gray-releases must be one of this mini-program's (so of the caller's organization) and
   * reviewed: APPROVED or already GRAY. Anything else is NOT_FOUND (unknown, or another app's — not revealed) or
   * CONFLICT naming its status.
   */
  private async releasableVersion(app: MiniProgramOwnership, versionId: string): Promise<void> {
    const version = await this.versions.get(versionId);
    if (!version || version.appId !== app.appId || version.orgId !== app.orgId) {
      throw new NotFoundError('Version not found for this mini-program', { field: 'grayVersionId' });
    }
    if (!RELEASABLE_VERSION_STATUSES.includes(version.status)) {
      throw new ConflictError(
        `A version that is ${version.status} cannot be gray-released; only APPROVED versions can`,
        {
          reason: 'VERSION_NOT_RELEASABLE',
          field: 'grayVersionId',
          status: version.status,
        },
      );
    }
  }

  private alreadyRunning(): ConflictError {
    return new ConflictError(
      'Another release plan is running for this mini-program; complete or revert it first',
      { reason: 'PLAN_RUNNING' },
    );
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
      failureReason: plan.failureReason,
      actorId,
      changedAt: new Date(plan.updatedAt ?? Date.now()).toISOString(),
    });
  }
}
