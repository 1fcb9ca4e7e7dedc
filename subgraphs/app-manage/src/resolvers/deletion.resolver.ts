import type { SubgraphContext } from '@grove/platform';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { DeletionService } from '../service/deletion.service';

@Resolver()
export class DeletionResolver {
  constructor(private readonly deletions: DeletionService) {}

  @Mutation(() => Boolean, {
    description: 'miniprogram:write; DEVELOPMENT or REJECTED versions only; removes the package too',
  })
  deleteVersion(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.deletions.deleteVersion(ctx.principal, id);
  }

  @Mutation(() => Boolean, {
    description:
      'miniprogram:release; only a mini-program none of whose versions was ever approved (so never released), not frozen; removes its versions, packages, links and trial and frees its license unit',
  })
  deleteMiniProgram(@Arg('appId', () => ID) appId: string, @Ctx() ctx: SubgraphContext) {
    return this.deletions.deleteMiniProgram(ctx.principal, appId);
  }

  @Mutation(() => Boolean, {
    description:
      'hostapp:manage; disable it first; removes its links, ends its SDK key and frees its license unit',
  })
  deleteHostApp(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.deletions.deleteHostApp(ctx.principal, id);
  }
}
