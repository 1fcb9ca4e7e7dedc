import type { SubgraphContext } from '@grove/platform';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { PlatformOverviewService } from '../platform-overview/platform-overview.service';
import { PlatformOverview } from '../schema/platform-overview.types';

@Resolver()
export class PlatformOverviewResolver {
  constructor(private readonly overview: PlatformOverviewService) {}

  @Query(() => PlatformOverview, {
    description: 'Operators (org:read:any); days in the reporting time zone, at most 366',
  })
  platformOverview(@Arg('from') from: string, @Arg('to') to: string, @Ctx() ctx: SubgraphContext) {
    return this.overview.overview(ctx.principal, from, to);
  }
}
