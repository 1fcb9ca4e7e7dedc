import type { ReleasePlanState } from '../engine';
import type { GrayRuleModel } from '../store/gray-rule.model';
import type { ReleasePlanModel } from '../store/release-plan.model';

export interface GrayRuleView {
  id: string;
  appId: string;
  name: string;
  description?: string;
  rule: Record<string, unknown>;
  version: number;
  createdBy: string;
  updatedBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** Set by paginated lists. */
  cursor?: string;
}

export interface ReleasePlanView {
  id: string;
  appId: string;
  grayVersionId: string;
  ruleId: string;
  state: ReleasePlanState;
  percentage: number;
  startedBy: string;
  updatedBy: string;
  startedAt: Date;
  pausedAt?: Date;
  completedAt?: Date;
  revertedAt?: Date;
  failedAt?: Date;
  failureReason?: string;
  updatedAt: Date;
  /** Set by paginated lists. */
  cursor?: string;
}

export function toGrayRuleView(doc: GrayRuleModel): GrayRuleView {
  return {
    id: doc._id,
    appId: doc.appId,
    name: doc.name,
    description: doc.description,
    rule: JSON.parse(doc.ruleJson) as Record<string, unknown>,
    version: doc.version,
    createdBy: doc.createdBy,
    updatedBy: doc.updatedBy,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function toReleasePlanView(doc: ReleasePlanModel): ReleasePlanView {
  return {
    id: doc._id,
    appId: doc.appId,
    grayVersionId: doc.grayVersionId,
    ruleId: doc.ruleId,
    state: doc.state,
    percentage: doc.percentage,
    startedBy: doc.startedBy,
    updatedBy: doc.updatedBy,
    startedAt: doc.createdAt,
    pausedAt: doc.pausedAt,
    completedAt: doc.completedAt,
    revertedAt: doc.revertedAt,
    failedAt: doc.failedAt,
    failureReason: doc.failureReason,
    updatedAt: doc.updatedAt,
  };
}
