import { AFTER_ARG_DESCRIPTION, ORDER_BY_ARG_DESCRIPTION, type SubgraphContext } from '@grove/platform';
import { SdkBuildOrder } from '../schema/list-orders.type';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SdkBuildService } from '../service/sdk-build.service';
import type { SdkBuildView } from '../store/views';
import { SubmitSdkBuildInput } from '../schema/inputs';
import { SdkBuild, SdkBuildFilePage, SdkBuildPage } from '../schema/sdk-build.type';
import { DOWNLOAD_URL_TTL_SEC } from './base-library.resolver';

@Resolver(() => SdkBuild)
export class SdkBuildResolver {
  constructor(private readonly sdkBuildService: SdkBuildService) {}

  @Query(() => SdkBuild, { nullable: true, description: 'The submitting organization or operators' })
  sdkBuild(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.sdkBuildService.get(ctx.principal, id);
  }

  @Query(() => [SdkBuild], {
    nullable: true,
    description: "An organization's submissions, newest first unless orderBy says otherwise",
  })
  sdkBuilds(
    @Arg('orgId', () => ID) orgId: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('skip', () => Int, { defaultValue: 0 }) skip?: number,
    @Arg('take', () => Int, { defaultValue: 20 }) take?: number,
    @Arg('orderBy', () => SdkBuildOrder, { nullable: true, description: ORDER_BY_ARG_DESCRIPTION })
    orderBy?: SdkBuildOrder | null,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
  ) {
    return this.sdkBuildService.listByOrg(ctx.principal, orgId, { skip, take, orderBy, after });
  }

  @Query(() => SdkBuildPage, {
    nullable: true,
    description: 'Review queue, oldest first unless orderBy says otherwise (miniprogram:review)',
  })
  pendingSdkBuildReviews(
    @Ctx() ctx: SubgraphContext,
    @Arg('skip', () => Int, { defaultValue: 0 }) skip?: number,
    @Arg('take', () => Int, { defaultValue: 20 }) take?: number,
    @Arg('orderBy', () => SdkBuildOrder, { nullable: true, description: ORDER_BY_ARG_DESCRIPTION })
    orderBy?: SdkBuildOrder | null,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
  ) {
    return this.sdkBuildService.pending(ctx.principal, { skip, take, orderBy, after });
  }

  @Mutation(() => SdkBuild, { description: 'hostapp:manage; submits an uploaded artifact → SUBMITTED' })
  submitSdkBuild(
    @Arg('input', () => SubmitSdkBuildInput) input: SubmitSdkBuildInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.sdkBuildService.submit(ctx.principal, input);
  }

  @Mutation(() => SdkBuild, { description: 'hostapp:manage; SUBMITTED → WITHDRAWN' })
  withdrawSdkBuild(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.sdkBuildService.withdraw(ctx.principal, id);
  }

  @Mutation(() => SdkBuild, { description: 'miniprogram:review; SUBMITTED → APPROVED' })
  approveSdkBuild(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.sdkBuildService.approve(ctx.principal, id);
  }

  @Mutation(() => SdkBuild, { description: 'miniprogram:review; SUBMITTED → REJECTED' })
  rejectSdkBuild(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.sdkBuildService.reject(ctx.principal, id, reason);
  }

  @FieldResolver(() => String, {
    description: `Signed download link for reviewers, valid ${DOWNLOAD_URL_TTL_SEC} s`,
  })
  downloadUrl(@Root() build: SdkBuildView) {
    return this.sdkBuildService.downloadUrl(build, DOWNLOAD_URL_TTL_SEC);
  }

  @FieldResolver(() => SdkBuildFilePage, {
    description:
      'The files of the artifact for review, in archive order (the submitting organization and operators); take up to 1000',
  })
  files(
    @Root() build: SdkBuildView,
    @Ctx() ctx: SubgraphContext,
    @Arg('skip', () => Int, { defaultValue: 0 }) skip?: number,
    @Arg('take', () => Int, { defaultValue: 200 }) take?: number,
  ) {
    return this.sdkBuildService.files(ctx.principal, build.id, { skip, take });
  }
}
