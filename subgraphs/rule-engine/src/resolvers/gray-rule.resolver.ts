import { AFTER_ARG_DESCRIPTION, takeArgDescription, type SubgraphContext } from '@grove/platform';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GrayRuleService } from '../service/gray-rule.service';
import { GRAY_RULES_PAGE } from '../store/rule-engine.store';
import { CreateGrayRuleInput, GrayRule, UpdateGrayRuleInput } from '../schema/gray-rule.type';

@Resolver(() => GrayRule)
export class GrayRuleResolver {
  constructor(private readonly rules: GrayRuleService) {}

  @Query(() => [GrayRule], {
    nullable: true,
    description: 'Members of the owning organization or reviewing operators; by name, a page at a time',
  })
  grayRules(
    @Arg('appId', () => ID) appId: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('take', () => Int, {
      defaultValue: GRAY_RULES_PAGE.defaultTake,
      description: takeArgDescription(GRAY_RULES_PAGE.maxTake),
    })
    take?: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
  ) {
    return this.rules.list(ctx.principal, appId, { take, after });
  }

  @Mutation(() => GrayRule, {
    description: 'miniprogram:release; BAD_USER_INPUT lists every problem of the rule',
  })
  createGrayRule(
    @Arg('input', () => CreateGrayRuleInput) input: CreateGrayRuleInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.rules.create(ctx.principal, input);
  }

  @Mutation(() => GrayRule, { description: 'miniprogram:release; CONFLICT when expectedVersion is stale' })
  updateGrayRule(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateGrayRuleInput) input: UpdateGrayRuleInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.rules.update(ctx.principal, id, input);
  }

  @Mutation(() => Boolean, { description: 'miniprogram:release; CONFLICT while a running plan uses it' })
  deleteGrayRule(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.rules.delete(ctx.principal, id);
  }
}
