import type { SubgraphContext } from '@grove/platform';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { DomainService } from '../service/domain.service';
import { MiniProgramDomains } from '../schema/domain.types';
import { MiniProgram } from '../schema/mini-program.type';

@Resolver(() => MiniProgram)
export class MiniProgramDomainsResolver {
  constructor(private readonly domainService: DomainService) {}

  @FieldResolver(() => MiniProgramDomains, { nullable: true, description: 'Members of the owning organization and reviewing operators; the entity is null for others' })
  domains(@Root() app: MiniProgram, @Ctx() ctx: SubgraphContext) {
    return this.domainService.get(ctx.principal, app.id);
  }
}
