import type { SubgraphContext } from '@grove/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SdkBuildService } from '../service/sdk-build.service';
import type { SdkBuildView } from '../store/views';
import { SubmitSdkBuildInput } from '../schema/inputs';
import { SdkBuild, SdkBuildPage } from '../schema/sdk-build.type';
import { DOWNLOAD_URL_TTL_SEC } from './base-library.resolver';

@Resolver(() => SdkBuild)
export class SdkBuildResolver {
  constructor(private readonly sdkBuildService: SdkBuildService) {}

  @Query(() => SdkBuild, { nullable: true, description: 'The submitting organization or operators' })
  sdkBuild(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.sdkBuildService.get(ctx.principal, id);
  }

  @Query(() => [SdkBuild], { nullable: true, description: "An organization's submissions, newest first" })
  sdkBuilds(
    @Arg('orgId', () => ID) orgId: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('skip', () => Int, { defaultValue: 0 }) skip?: number,
    @Arg('take', () => Int, { defaultValue: 20 }) take?: number,
  ) {
    return this.sdkBuildService.listByOrg(ctx.principal, orgId, { skip, take });
  }

  @Query(() => SdkBuildPage, {
    nullable: true,
    description: 'Review queue, oldest first (miniprogram:review)',
  })
  pendingSdkBuildReviews(
    @Ctx() ctx: SubgraphContext,
    @Arg('skip', () => Int, { defaultValue: 0 }) skip?: number,
    @Arg('take', () => Int, { defaultValue: 20 }) take?: number,
  ) {
    return this.sdkBuildService.pending(ctx.principal, { skip, take });
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
}
