import { ORDER_BY_ARG_DESCRIPTION } from '@grove/platform';
import { WhitelistDomainOrder } from '../schema/list-orders.type';
import { AFTER_ARG_DESCRIPTION, takeArgDescription, type SubgraphContext } from '@grove/platform';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { WhitelistService } from '../service/whitelist.service';
import { WHITELIST_PAGE } from '../store/domain.store';
import { WhitelistDomain } from '../schema/domain.types';

@Resolver(() => WhitelistDomain)
export class WhitelistResolver {
  constructor(private readonly whitelist: WhitelistService) {}

  @Query(() => [WhitelistDomain], {
    nullable: true,
    description: 'Operators; in name order unless orderBy says otherwise, a page at a time',
  })
  whitelistDomains(
    @Ctx() ctx: SubgraphContext,
    @Arg('take', () => Int, {
      defaultValue: WHITELIST_PAGE.defaultTake,
      description: takeArgDescription(WHITELIST_PAGE.maxTake),
    })
    take?: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
    @Arg('orderBy', () => WhitelistDomainOrder, { nullable: true, description: ORDER_BY_ARG_DESCRIPTION })
    orderBy?: WhitelistDomainOrder | null,
  ) {
    return this.whitelist.list(ctx.principal, { take, after, orderBy });
  }

  @Mutation(() => WhitelistDomain, { description: 'Operators with platform:configure' })
  addWhitelistDomain(
    @Arg('domain') domain: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ) {
    return this.whitelist.add(ctx.principal, domain, note);
  }

  @Mutation(() => Boolean, {
    description: 'Operators with platform:configure; domains verified through it stay verified',
  })
  removeWhitelistDomain(@Arg('domain') domain: string, @Ctx() ctx: SubgraphContext) {
    return this.whitelist.remove(ctx.principal, domain);
  }
}
