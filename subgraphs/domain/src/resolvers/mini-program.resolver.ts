import { requestLoader, type SubgraphContext } from '@grove/platform';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { DomainService, MiniProgramRef } from '../service/domain.service';
import type { MiniProgramDomainsView } from '../service/domain-views';
import { MiniProgramDomains } from '../schema/domain.types';
import { MiniProgram } from '../schema/mini-program.type';

@Resolver(() => MiniProgram)
export class MiniProgramDomainsResolver {
  constructor(private readonly domainService: DomainService) {}

  @FieldResolver(() => MiniProgramDomains, {
    nullable: true,
    description: 'Members of the owning organization and reviewing operators; the entity is null for others',
  })
  domains(@Root() app: MiniProgram & MiniProgramRef, @Ctx() ctx: SubgraphContext) {
    // Every mini-program of the request at once (a page of 100 is two reads, not 200).
    const loader = requestLoader<MiniProgramRef, MiniProgramDomainsView, string>(
      ctx,
      'MiniProgram.domains',
      (apps) => this.domainService.getMany(ctx.principal, apps),
      {
        cacheKey: (ref) => ref.id,
      },
    );
    return loader.load({ id: app.id, orgId: app.orgId });
  }
}
