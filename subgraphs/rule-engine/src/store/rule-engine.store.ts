import type { DocumentCollection, DocumentStore, Filter, NewDocument, Update } from '@grove/platform';
import { GrayRuleModel } from './gray-rule.model';
import { CONCURRENT_GRAY_RELEASES_FILTER, ReleasePlanModel } from './release-plan.model';

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

  listRules(appId: string): Promise<GrayRuleModel[]> {
    return this.rules.find({ appId }, { sort: { name: 1 } });
  }

  /** Conditional edit: only while the stored version is still `version`. */
  updateRule(id: string, version: number, set: Record<string, unknown>, unset: string[]): Promise<GrayRuleModel | null> {
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

  listPlans(appId: string): Promise<ReleasePlanModel[]> {
    return this.plans.find({ appId }, { sort: { createdAt: -1 } });
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
