import {
  keysetPage,
  type DocumentCollection,
  type DocumentStore,
  type Filter,
  type KeysetOrder,
  type NewDocument,
  type PageRequest,
  type Update,
} from '@grove/platform';
import { GrayRuleModel } from './gray-rule.model';
import { CONCURRENT_GRAY_RELEASES_FILTER, ReleasePlanModel } from './release-plan.model';

/** `grayRules(appId)`: by name, at most 100 a page; `releasePlans(appId)`: newest first unless ordered (RELEASE_PLAN_ORDERS), at most 100 (docs/query-limits.md). */
export const GRAY_RULES_ORDER: KeysetOrder = { name: 'grayRules', field: 'name', direction: 1 };
export const GRAY_RULES_PAGE = { defaultTake: 100, maxTake: 100 };
export const RELEASE_PLANS_PAGE = { defaultTake: 100, maxTake: 100 };

/** Persistence of gray rules and release plans over the documents port. */
export class RuleEngineStore {
  private readonly rules: DocumentCollection<GrayRuleModel>;
  private readonly plans: DocumentCollection<ReleasePlanModel>;

  constructor(documents: DocumentStore) {
    this.rules = documents.collection(GrayRuleModel);
    this.plans = documents.collection(ReleasePlanModel);
  }

  insertRule(doc: NewDocument<GrayRuleModel>): Promise<GrayRuleModel> {
    return this.rules.insertOne(doc);
  }

  findRule(id: string): Promise<GrayRuleModel | null> {
    return this.rules.findById(id);
  }

  listRules(appId: string, request: PageRequest = {}): Promise<GrayRuleModel[]> {
    const page = keysetPage(GRAY_RULES_ORDER, request, GRAY_RULES_PAGE, { appId });
    return this.rules.find(page.filter, { sort: page.sort, limit: page.take });
  }

  /** Conditional edit: only while the stored version is still `version`. */
  updateRule(
    id: string,
    version: number,
    set: Record<string, unknown>,
    unset: string[],
  ): Promise<GrayRuleModel | null> {
    const update: Update = { $set: set, $inc: { version: 1 } };
    if (unset.length > 0) update.$unset = Object.fromEntries(unset.map((f) => [f, '']));
    return this.rules.findOneAndUpdate({ _id: id, version }, update);
  }

  deleteRule(id: string): Promise<number> {
    return this.rules.deleteOne({ _id: id });
  }

  insertPlan(doc: NewDocument<ReleasePlanModel>): Promise<ReleasePlanModel> {
    return this.plans.insertOne(doc);
  }

  findPlan(id: string): Promise<ReleasePlanModel | null> {
    return this.plans.findById(id);
  }

  listPlans(appId: string, order: KeysetOrder, request: PageRequest = {}): Promise<ReleasePlanModel[]> {
    const page = keysetPage(order, request, RELEASE_PLANS_PAGE, { appId });
    return this.plans.find(page.filter, { sort: page.sort, limit: page.take });
  }

  /** The ACTIVE or PAUSED plan of an app, if any. */
  livePlan(appId: string): Promise<ReleasePlanModel | null> {
    return this.plans.findOne({ liveSlot: appId });
  }

  livePlanUsingRule(ruleId: string): Promise<ReleasePlanModel | null> {
    return this.plans.findOne({ ruleId, ...CONCURRENT_GRAY_RELEASES_FILTER });
  }

  countLivePlans(): Promise<number> {
    return this.plans.count(CONCURRENT_GRAY_RELEASES_FILTER);
  }

  /** Conditional transition: `guard` must still hold when the write happens, else null and nothing written. */
  transitionPlan(id: string, guard: Filter, update: Update): Promise<ReleasePlanModel | null> {
    return this.plans.findOneAndUpdate({ ...guard, _id: id }, update);
  }
}
