import { AFTER_ARG_DESCRIPTION, ORDER_BY_ARG_DESCRIPTION } from '@grove/platform';
import { MiniProgramOrder, MiniProgramVersionOrder } from '../schema/list-orders.type';
import type { SubgraphContext } from '@grove/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { MiniProgramService } from '../service/mini-program.service';
import type { VersionService } from '../service/version.service';
import type { MiniProgramView } from '../store/views';
import { MiniProgramStatus } from '../schema/enums';
import {
  CreateMiniProgramInput,
  MiniProgramSearchSettingsInput,
  UpdateMiniProgramInput,
} from '../schema/inputs';
import { MiniProgram, MiniProgramPage } from '../schema/mini-program.type';
import { Organization } from '../schema/organization.type';
import { MiniProgramVersion } from '../schema/version.type';

@Resolver(() => MiniProgram)
export class MiniProgramResolver {
  constructor(
    private readonly miniProgramService: MiniProgramService,
    private readonly versionService: VersionService,
  ) {}

  @Query(() => MiniProgram, {
    nullable: true,
    description: 'Members of the owning organization (miniprogram:read) or reviewers',
  })
  miniProgram(@Arg('appId', () => ID) appId: string, @Ctx() ctx: SubgraphContext) {
    return this.miniProgramService.get(ctx.principal, appId);
  }

  @Query(() => MiniProgramPage, {
    nullable: true,
    description:
      "An organization's mini-programs (its members, or operators), newest first unless orderBy says otherwise; without orgId every organization's (operators who review)",
  })
  miniPrograms(
    @Ctx() ctx: SubgraphContext,
    @Arg('orgId', () => ID, { nullable: true }) orgId?: string,
    @Arg('status', () => MiniProgramStatus, { nullable: true }) status?: MiniProgramStatus,
    @Arg('category', () => String, { nullable: true }) category?: string,
    @Arg('search', () => String, { nullable: true, description: 'Part of the name, case-insensitive' })
    search?: string,
    @Arg('skip', () => Int, { defaultValue: 0 }) skip?: number,
    @Arg('take', () => Int, { defaultValue: 20 }) take?: number,
    @Arg('orderBy', () => MiniProgramOrder, { nullable: true, description: ORDER_BY_ARG_DESCRIPTION })
    orderBy?: MiniProgramOrder | null,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
  ) {
    return this.miniProgramService.list(ctx.principal, {
      orgId,
      status,
      category,
      search,
      skip,
      take,
      orderBy,
      after,
    });
  }

  @Mutation(() => MiniProgram, { description: 'miniprogram:write in the organization; license-limited' })
  createMiniProgram(
    @Arg('input', () => CreateMiniProgramInput) input: CreateMiniProgramInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.miniProgramService.create(ctx.principal, input);
  }

  @Mutation(() => MiniProgram, { description: 'miniprogram:write' })
  updateMiniProgram(
    @Arg('appId', () => ID) appId: string,
    @Arg('input', () => UpdateMiniProgramInput) input: UpdateMiniProgramInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.miniProgramService.update(ctx.principal, appId, input);
  }

  @Mutation(() => MiniProgram, {
    description:
      'miniprogram:write: search aliases, searchable pages and the "can be found by search" switch',
  })
  updateMiniProgramSearchSettings(
    @Arg('appId', () => ID) appId: string,
    @Arg('input', () => MiniProgramSearchSettingsInput) input: MiniProgramSearchSettingsInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.miniProgramService.updateSearchSettings(ctx.principal, appId, input);
  }

  @Mutation(() => MiniProgram, { description: 'Operators (miniprogram:govern); ACTIVE → FROZEN' })
  freezeMiniProgram(
    @Arg('appId', () => ID) appId: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.miniProgramService.freeze(ctx.principal, appId, reason);
  }

  @Mutation(() => MiniProgram, { description: 'Operators (miniprogram:govern); FROZEN → ACTIVE' })
  unfreezeMiniProgram(@Arg('appId', () => ID) appId: string, @Ctx() ctx: SubgraphContext) {
    return this.miniProgramService.unfreeze(ctx.principal, appId);
  }

  @FieldResolver(() => Organization)
  organization(@Root() app: MiniProgramView) {
    return { __typename: 'Organization', id: app.orgId };
  }

  @FieldResolver(() => String, { nullable: true, description: 'Short-lived download link of the logo' })
  logoUrl(@Root() app: MiniProgramView) {
    return this.miniProgramService.logoUrl(app);
  }

  @FieldResolver(() => [MiniProgramVersion], { description: 'Newest first unless orderBy says otherwise' })
  versions(
    @Root() app: MiniProgramView,
    @Ctx() ctx: SubgraphContext,
    @Arg('skip', () => Int, { defaultValue: 0 }) skip?: number,
    @Arg('take', () => Int, { defaultValue: 20 }) take?: number,
    @Arg('orderBy', () => MiniProgramVersionOrder, { nullable: true, description: ORDER_BY_ARG_DESCRIPTION })
    orderBy?: MiniProgramVersionOrder | null,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
  ) {
    return this.versionService.list(ctx.principal, app.appId, { skip, take, orderBy, after });
  }

  @FieldResolver(() => MiniProgramVersion, { nullable: true })
  publishedVersion(@Root() app: MiniProgramView, @Ctx() ctx: SubgraphContext) {
    return this.versionService.published(ctx.principal, app.appId);
  }
}
