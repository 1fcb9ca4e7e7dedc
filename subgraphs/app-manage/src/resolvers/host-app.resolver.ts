import { ORDER_BY_ARG_DESCRIPTION } from '@grove/platform';
import { HostAppOrder } from '../schema/list-orders.type';
import { AFTER_ARG_DESCRIPTION, takeArgDescription, type SubgraphContext } from '@grove/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HostAppService } from '../service/host-app.service';
import type { LinkService } from '../service/link.service';
import { HOST_APPS_PAGE } from '../store/host-app.store';
import { HOST_APP_LINKS_PAGE } from '../store/link.store';
import type { HostAppView } from '../store/views';
import { HostApp, HostAppCredentials, HostAppLink } from '../schema/host-app.type';
import { CreateHostAppInput, UpdateHostAppInput } from '../schema/inputs';
import { Organization } from '../schema/organization.type';

@Resolver(() => HostApp)
export class HostAppResolver {
  constructor(
    private readonly hostAppService: HostAppService,
    private readonly linkService: LinkService,
  ) {}

  @Query(() => HostApp, { nullable: true, description: 'Members of the owning organization or operators' })
  hostApp(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.hostAppService.get(ctx.principal, id);
  }

  @Query(() => [HostApp], { nullable: true, description: 'Newest first, a page at a time' })
  hostApps(
    @Arg('orgId', () => ID) orgId: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('take', () => Int, {
      defaultValue: HOST_APPS_PAGE.defaultTake,
      description: takeArgDescription(HOST_APPS_PAGE.maxTake),
    })
    take?: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
    @Arg('orderBy', () => HostAppOrder, { nullable: true, description: ORDER_BY_ARG_DESCRIPTION })
    orderBy?: HostAppOrder | null,
  ) {
    return this.hostAppService.list(ctx.principal, orgId, { take, after, orderBy });
  }

  @Mutation(() => HostAppCredentials, {
    description: 'hostapp:manage; license-limited; the SDK secret is shown only here',
  })
  createHostApp(
    @Arg('input', () => CreateHostAppInput) input: CreateHostAppInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.hostAppService.create(ctx.principal, input);
  }

  @Mutation(() => HostApp, { description: 'hostapp:manage' })
  updateHostApp(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateHostAppInput) input: UpdateHostAppInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.hostAppService.update(ctx.principal, id, input);
  }

  @Mutation(() => HostApp, { description: 'hostapp:manage' })
  enableHostApp(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.hostAppService.setEnabled(ctx.principal, id, true);
  }

  @Mutation(() => HostApp, { description: 'hostapp:manage; the runtime refuses a disabled host app' })
  disableHostApp(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.hostAppService.setEnabled(ctx.principal, id, false);
  }

  @Mutation(() => HostAppCredentials, { description: 'hostapp:manage; the old secret stops working at once' })
  rotateHostAppSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.hostAppService.rotateSecret(ctx.principal, id);
  }

  @FieldResolver(() => Organization)
  organization(@Root() hostApp: HostAppView) {
    return { __typename: 'Organization', id: hostApp.orgId };
  }

  @FieldResolver(() => [HostAppLink], {
    description: 'Linked and requested mini-programs; newest first, a page at a time',
  })
  links(
    @Root() hostApp: HostAppView,
    @Arg('take', () => Int, {
      defaultValue: HOST_APP_LINKS_PAGE.defaultTake,
      description: takeArgDescription(HOST_APP_LINKS_PAGE.maxTake),
    })
    take?: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
  ) {
    return this.linkService.ofHostApp(hostApp.id, { take, after });
  }
}
