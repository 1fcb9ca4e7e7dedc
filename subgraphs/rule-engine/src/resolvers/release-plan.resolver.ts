import { ORDER_BY_ARG_DESCRIPTION } from '@grove/platform';
import { ReleasePlanOrder } from '../schema/list-orders.type';
import { AFTER_ARG_DESCRIPTION, takeArgDescription, type SubgraphContext } from '@grove/platform';
import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GrayRuleService } from '../service/gray-rule.service';
import type { ReleasePlanService } from '../service/release-plan.service';
import type { ReleasePlanView } from '../service/views';
import { RELEASE_PLANS_PAGE } from '../store/rule-engine.store';
import { GrayRule } from '../schema/gray-rule.type';
import { ReleasePlan, StartReleasePlanInput } from '../schema/release-plan.type';

@Resolver(() => ReleasePlan)
export class ReleasePlanResolver {
  constructor(
    private readonly plans: ReleasePlanService,
    private readonly rules: GrayRuleService,
  ) {}

  @Query(() => [ReleasePlan], {
    nullable: true,
    description:
      'Members of the owning organization or reviewing operators; newest first unless orderBy says otherwise, a page at a time',
  })
  releasePlans(
    @Arg('appId', () => ID) appId: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('take', () => Int, {
      defaultValue: RELEASE_PLANS_PAGE.defaultTake,
      description: takeArgDescription(RELEASE_PLANS_PAGE.maxTake),
    })
    take?: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
    @Arg('orderBy', () => ReleasePlanOrder, { nullable: true, description: ORDER_BY_ARG_DESCRIPTION })
    orderBy?: ReleasePlanOrder | null,
  ) {
    return this.plans.list(ctx.principal, appId, { take, after, orderBy });
  }

  @Query(() => ReleasePlan, { nullable: true })
  releasePlan(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.plans.get(ctx.principal, id);
  }

  @Mutation(() => ReleasePlan, {
    description: 'miniprogram:release; one running plan per mini-program; license-limited',
  })
  startReleasePlan(
    @Arg('input', () => StartReleasePlanInput) input: StartReleasePlanInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.plans.start(ctx.principal, input);
  }

  @Mutation(() => ReleasePlan, { description: 'miniprogram:release; ACTIVE plans only, and only upwards' })
  raiseReleasePlanPercentage(
    @Arg('id', () => ID) id: string,
    @Arg('percentage', () => Float) percentage: number,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.plans.raise(ctx.principal, id, percentage);
  }

  @Mutation(() => ReleasePlan, { description: 'miniprogram:release; ACTIVE → PAUSED' })
  pauseReleasePlan(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.plans.pause(ctx.principal, id);
  }

  @Mutation(() => ReleasePlan, { description: 'miniprogram:release; PAUSED → ACTIVE' })
  resumeReleasePlan(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.plans.resume(ctx.principal, id);
  }

  @Mutation(() => ReleasePlan, {
    description:
      'miniprogram:release; ACTIVE/PAUSED → COMPLETING, then COMPLETED once app-manage has published the gray version (FAILED if it cannot)',
  })
  completeReleasePlan(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.plans.complete(ctx.principal, id);
  }

  @Mutation(() => ReleasePlan, {
    description: 'miniprogram:release; ACTIVE/PAUSED → REVERTED (gray devices go back)',
  })
  revertReleasePlan(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.plans.revert(ctx.principal, id);
  }

  @FieldResolver(() => GrayRule, { nullable: true, description: 'Null once the rule was deleted' })
  rule(@Root() plan: ReleasePlanView, @Ctx() ctx: SubgraphContext) {
    return this.rules.byId(ctx.principal, plan.ruleId);
  }
}
