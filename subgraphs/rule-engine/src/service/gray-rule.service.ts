import {
  ConflictError,
  NotFoundError,
  Permission,
  encodeCursor,
  newId,
  requireUser,
  type PageRequest,
  type Principal,
} from '@grove/platform';
import type { MiniProgramAccess } from '@grove/contracts';
import { validateRule } from '../engine';
import type { GrayRuleModel } from '../store/gray-rule.model';
import { GRAY_RULES_ORDER, type RuleEngineStore } from '../store/rule-engine.store';
import type { CompiledRuleCache } from './compiled-rule.cache';
import { RuleEngineEventType, type RuleEngineEvents } from './rule-engine-events';
import { createGrayRuleSchema, idField, parseInput, updateGrayRuleSchema } from './rule-engine-input';
import { toGrayRuleView, type GrayRuleView } from './views';

/** Gray release rules of a mini-program: saved by members with miniprogram:release, read by members and reviewers. */
export class GrayRuleService {
  constructor(
    private readonly store: RuleEngineStore,
    private readonly access: MiniProgramAccess,
    private readonly events: RuleEngineEvents,
    private readonly compiled: CompiledRuleCache,
  ) {}

  /** By name, a page at a time (`take` up to 100, `after` a rule's cursor). */
  async list(p: Principal, appId: string, page: PageRequest = {}): Promise<GrayRuleView[]> {
    const { app } = await this.access.app(
      p,
      appId,
      Permission.MINIPROGRAM_READ,
      Permission.MINIPROGRAM_REVIEW,
    );
    return (await this.store.listRules(app.appId, page)).map((r) => ({
      ...toGrayRuleView(r),
      cursor: encodeCursor(GRAY_RULES_ORDER, r),
    }));
  }

  /** Read with the same visibility as the rule's mini-program; null when the rule does not exist. */
  async byId(p: Principal, id: string): Promise<GrayRuleView | null> {
    const rule = await this.store.findRule(id);
    if (!rule) return null;
    await this.access.app(p, rule.appId, Permission.MINIPROGRAM_READ, Permission.MINIPROGRAM_REVIEW);
    return toGrayRuleView(rule);
  }

  /** Without authorization, for in-process callers such as the SDK runtime read model. */
  async ruleById(id: string): Promise<GrayRuleView | null> {
    const rule = await this.store.findRule(id);
    return rule ? toGrayRuleView(rule) : null;
  }

  async create(p: Principal, input: unknown): Promise<GrayRuleView> {
    requireUser(p);
    const data = parseInput(createGrayRuleSchema, input);
    const { user, app } = await this.access.app(p, data.appId, Permission.MINIPROGRAM_RELEASE);
    this.access.requireActive(app, 'changed');
    const rule = validateRule(data.rule);
    let saved: GrayRuleModel;
    try {
      saved = await this.events.atomically(async () => {
        const inserted = await this.store.insertRule({
          _id: newId(),
          appId: app.appId,
          orgId: app.orgId,
          name: data.name,
          ...(data.description ? { description: data.description } : {}),
          ruleJson: JSON.stringify(rule),
          version: 1,
          createdBy: user.userId,
          updatedBy: user.userId,
        });
        await this.events.publish(RuleEngineEventType.GRAY_RULE_CREATED, {
          appId: app.appId,
          orgId: app.orgId,
          ruleId: inserted._id,
          version: inserted.version,
          actorId: user.userId,
        });
        return inserted;
      });
    } catch (error) {
      throw this.nameTaken(error);
    }
    this.compiled.get(saved._id, saved.version, saved.ruleJson);
    return toGrayRuleView(saved);
  }

  /** Edits a rule under a version check; running plans use the new version from their next evaluation. */
  async update(p: Principal, id: string, input: unknown): Promise<GrayRuleView> {
    const { current, user, app } = await this.owned(p, id);
    this.access.requireActive(app, 'changed');
    const data = parseInput(updateGrayRuleSchema, input);
    const set: Record<string, unknown> = { updatedBy: user.userId };
    if (data.name !== undefined) set.name = data.name;
    if (typeof data.description === 'string') set.description = data.description;
    if (data.rule !== undefined) set.ruleJson = JSON.stringify(validateRule(data.rule));
    const saved = await this.events.atomically(async () => {
      let updated: GrayRuleModel | null;
      try {
        updated = await this.store.updateRule(
          current._id,
          data.expectedVersion,
          set,
          data.description === null ? ['description'] : [],
        );
      } catch (error) {
        throw this.nameTaken(error);
      }
      if (!updated) {
        throw new ConflictError('The rule was changed by someone else; reload and try again', {
          reason: 'STALE_VERSION',
          expectedVersion: data.expectedVersion,
        });
      }
      await this.events.publish(RuleEngineEventType.GRAY_RULE_UPDATED, {
        appId: app.appId,
        orgId: app.orgId,
        ruleId: updated._id,
        version: updated.version,
        actorId: user.userId,
      });
      return updated;
    });
    this.compiled.get(saved._id, saved.version, saved.ruleJson);
    return toGrayRuleView(saved);
  }

  /** Refused while a running or paused plan uses the rule. */
  async delete(p: Principal, id: string): Promise<boolean> {
    const { current, user, app } = await this.owned(p, id);
    const plan = await this.store.livePlanUsingRule(current._id);
    if (plan)
      throw new ConflictError('A running release plan uses this rule; complete or revert it first', {
        reason: 'RULE_IN_USE',
        planId: plan._id,
      });
    return this.events.atomically(async () => {
      const removed = (await this.store.deleteRule(current._id)) > 0;
      if (removed)
        await this.events.publish(RuleEngineEventType.GRAY_RULE_DELETED, {
          appId: app.appId,
          orgId: app.orgId,
          ruleId: current._id,
          actorId: user.userId,
        });
      return removed;
    });
  }

  private async owned(p: Principal, id: string) {
    requireUser(p);
    const ruleId = parseInput(idField, id);
    const current = await this.store.findRule(ruleId);
    if (!current) throw new NotFoundError('Gray rule not found');
    const { user, app } = await this.access.app(p, current.appId, Permission.MINIPROGRAM_RELEASE);
    return { current, user, app };
  }

  private nameTaken(error: unknown): unknown {
    if (error instanceof ConflictError)
      return new ConflictError('This mini-program already has a rule with that name', { field: 'name' });
    return error;
  }
}
