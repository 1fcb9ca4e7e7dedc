import { AFTER_ARG_DESCRIPTION, takeArgDescription, type SubgraphContext } from '@grove/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { LinkService } from '../service/link.service';
import type { MiniProgramService } from '../service/mini-program.service';
import { LINK_REQUESTS_PAGE } from '../store/link.store';
import type { LinkView } from '../store/views';
import { LinkDirection, LinkStatus } from '../schema/enums';
import { HostAppLink } from '../schema/host-app.type';
import { MiniProgram } from '../schema/mini-program.type';

@Resolver(() => HostAppLink)
export class LinkResolver {
  constructor(
    private readonly linkService: LinkService,
    private readonly miniProgramService: MiniProgramService,
  ) {}

  @Query(() => [HostAppLink], {
    nullable: true,
    description: 'Link requests of an organization (PENDING unless a status is given)',
  })
  linkRequests(
    @Arg('orgId', () => ID) orgId: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('direction', () => LinkDirection, { defaultValue: LinkDirection.INCOMING })
    direction?: LinkDirection,
    @Arg('status', () => LinkStatus, { nullable: true }) status?: LinkStatus,
    @Arg('take', () => Int, {
      defaultValue: LINK_REQUESTS_PAGE.defaultTake,
      description: takeArgDescription(LINK_REQUESTS_PAGE.maxTake),
    })
    take?: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
  ) {
    return this.linkService.list(
      ctx.principal,
      { orgId, direction, status: status ?? LinkStatus.PENDING },
      { take, after },
    );
  }

  @Mutation(() => HostAppLink, {
    description: 'hostapp:manage; same organization: ACTIVE at once, else a PENDING request',
  })
  linkMiniProgram(
    @Arg('hostAppId', () => ID) hostAppId: string,
    @Arg('appId', () => ID) appId: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.linkService.link(ctx.principal, hostAppId, appId);
  }

  @Mutation(() => HostAppLink, { description: "miniprogram:release in the mini-program's organization" })
  approveLinkRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.linkService.approve(ctx.principal, id);
  }

  @Mutation(() => HostAppLink, { description: "miniprogram:release in the mini-program's organization" })
  rejectLinkRequest(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('reason', () => String, { nullable: true }) reason?: string | null,
  ) {
    return this.linkService.reject(ctx.principal, id, reason);
  }

  @Mutation(() => Boolean, { description: 'Either side of the link' })
  unlinkMiniProgram(
    @Arg('hostAppId', () => ID) hostAppId: string,
    @Arg('appId', () => ID) appId: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.linkService.unlink(ctx.principal, hostAppId, appId);
  }

  @FieldResolver(() => MiniProgram, {
    nullable: true,
    description:
      "The mini-program's own organization always; the host app's organization once the link is ACTIVE (null before)",
  })
  async miniProgram(@Root() link: LinkView, @Ctx() ctx: SubgraphContext) {
    return this.linkService.canReadMiniProgram(ctx.principal, link)
      ? this.miniProgramService.byId(link.appId)
      : null;
  }
}
