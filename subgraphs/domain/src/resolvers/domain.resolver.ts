import type { SubgraphContext } from '@grove/platform';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { DomainService } from '../service/domain.service';
import { BusinessDomain, MiniProgramDomains } from '../schema/domain.types';
import { ServiceDomainKind } from '../schema/enums';

@Resolver(() => MiniProgramDomains)
export class DomainResolver {
  constructor(private readonly domains: DomainService) {}

  @Query(() => MiniProgramDomains, {
    nullable: true,
    description: 'Members of the owning organization (miniprogram:read) or reviewing operators',
  })
  miniProgramDomains(@Arg('appId', () => ID) appId: string, @Ctx() ctx: SubgraphContext) {
    return this.domains.get(ctx.principal, appId);
  }

  @Mutation(() => MiniProgramDomains, {
    description: 'miniprogram:write; replaces the whole list (at most 200, no duplicates, no IPs)',
  })
  setServiceDomains(
    @Arg('appId', () => ID) appId: string,
    @Arg('kind', () => ServiceDomainKind) kind: ServiceDomainKind,
    @Arg('domains', () => [String]) domains: string[],
    @Ctx() ctx: SubgraphContext,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The version last read; CONFLICT when it moved on',
    })
    expectedVersion?: number | null,
  ) {
    return this.domains.replaceServiceDomains(ctx.principal, appId, kind, domains, expectedVersion);
  }

  @Mutation(() => BusinessDomain, {
    description:
      'miniprogram:write; PENDING_VERIFICATION with a file to serve, VERIFIED at once when whitelisted',
  })
  addBusinessDomain(
    @Arg('appId', () => ID) appId: string,
    @Arg('domain') domain: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.domains.addBusinessDomain(ctx.principal, appId, domain);
  }

  @Mutation(() => BusinessDomain, { description: 'miniprogram:write; fetches the verification file now' })
  verifyBusinessDomain(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.domains.verifyBusinessDomain(ctx.principal, id);
  }

  @Mutation(() => Boolean, { description: 'miniprogram:write' })
  removeBusinessDomain(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.domains.removeBusinessDomain(ctx.principal, id);
  }
}
