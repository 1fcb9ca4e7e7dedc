import type { SubgraphContext } from '@grove/platform';
import { Ctx, Mutation, Resolver } from 'type-graphql';
import type { SearchIndexService } from '../service/search-index.service';

@Resolver()
export class SearchIndexResolver {
  constructor(private readonly index: SearchIndexService) {}

  @Mutation(() => Boolean, {
    description:
      'Operators (platform:configure): every search process rebuilds its index from app-manage and account, in place (searches go on; /readyz of a search service reports rebuilding: true meanwhile)',
  })
  rebuildSearchIndex(@Ctx() ctx: SubgraphContext): Promise<boolean> {
    return this.index.requestRebuild(ctx.principal);
  }
}
