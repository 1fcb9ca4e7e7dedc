import type { SubgraphContext } from '@grove/platform';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { WhitelistService } from '../service/whitelist.service';
import { WhitelistDomain } from '../schema/domain.types';

@Resolver(() => WhitelistDomain)
export class WhitelistResolver {
  constructor(private readonly whitelist: WhitelistService) {}

  @Query(() => [WhitelistDomain], { nullable: true, description: 'Operators' })
  whitelistDomains(@Ctx() ctx: SubgraphContext) {
    return this.whitelist.list(ctx.principal);
  }

  @Mutation(() => WhitelistDomain, { description: 'Operators with platform:configure' })
  addWhitelistDomain(@Arg('domain') domain: string, @Ctx() ctx: SubgraphContext, @Arg('note', () => String, { nullable: true }) note?: string | null) {
    return this.whitelist.add(ctx.principal, domain, note);
  }

  @Mutation(() => Boolean, { description: 'Operators with platform:configure; domains verified through it stay verified' })
  removeWhitelistDomain(@Arg('domain') domain: string, @Ctx() ctx: SubgraphContext) {
    return this.whitelist.remove(ctx.principal, domain);
  }
}
