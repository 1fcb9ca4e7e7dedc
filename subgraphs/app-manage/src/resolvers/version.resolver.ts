import { AFTER_ARG_DESCRIPTION, ORDER_BY_ARG_DESCRIPTION } from '@grove/platform';
import { MiniProgramVersionOrder, VersionReviewOrder } from '../schema/list-orders.type';
import { requestLoader, type SubgraphContext } from '@grove/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { MiniProgramService } from '../service/mini-program.service';
import type { VersionService } from '../service/version.service';
import type { VersionView } from '../store/views';
import { GrayReleaseInput } from '../schema/inputs';
import { MiniProgram } from '../schema/mini-program.type';
import { GraphQLJSONObject } from 'graphql-scalars';
import { MiniProgramVersion, MiniProgramVersionPage, PackageFilePage } from '../schema/version.type';

@Resolver(() => MiniProgramVersion)
export class VersionResolver {
  constructor(
    private readonly versionService: VersionService,
    private readonly miniProgramService: MiniProgramService,
  ) {}

  @Query(() => MiniProgramVersion, { nullable: true })
  miniProgramVersion(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.versionService.get(ctx.principal, id);
  }

  @Query(() => [MiniProgramVersion], {
    nullable: true,
    description: 'Versions of a mini-program, newest first',
  })
  versions(
    @Arg('appId', () => ID) appId: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('skip', () => Int, { defaultValue: 0 }) skip?: number,
    @Arg('take', () => Int, { defaultValue: 20 }) take?: number,
    @Arg('orderBy', () => MiniProgramVersionOrder, { nullable: true, description: ORDER_BY_ARG_DESCRIPTION })
    orderBy?: MiniProgramVersionOrder | null,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
  ) {
    return this.versionService.list(ctx.principal, appId, { skip, take, orderBy, after });
  }

  @Query(() => MiniProgramVersionPage, {
    nullable: true,
    description: 'Review queue, oldest submission first unless orderBy says otherwise (miniprogram:review)',
  })
  pendingReviews(
    @Ctx() ctx: SubgraphContext,
    @Arg('skip', () => Int, { defaultValue: 0 }) skip?: number,
    @Arg('take', () => Int, { defaultValue: 20 }) take?: number,
    @Arg('orderBy', () => VersionReviewOrder, { nullable: true, description: ORDER_BY_ARG_DESCRIPTION })
    orderBy?: VersionReviewOrder | null,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
  ) {
    return this.versionService.pendingReviews(ctx.principal, { skip, take, orderBy, after });
  }

  @Mutation(() => MiniProgramVersion, { description: 'miniprogram:write; DEVELOPMENT → SUBMITTED' })
  submitVersionForReview(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.versionService.submit(ctx.principal, id);
  }

  @Mutation(() => MiniProgramVersion, { description: 'The submitter; SUBMITTED → DEVELOPMENT' })
  withdrawVersionReview(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.versionService.withdraw(ctx.principal, id);
  }

  @Mutation(() => MiniProgramVersion, { description: 'miniprogram:review; SUBMITTED → APPROVED' })
  approveVersion(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.versionService.approve(ctx.principal, id);
  }

  @Mutation(() => MiniProgramVersion, { description: 'miniprogram:review; SUBMITTED → REJECTED' })
  rejectVersion(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: SubgraphContext) {
    return this.versionService.reject(ctx.principal, id, reason);
  }

  @Mutation(() => MiniProgramVersion, { description: 'miniprogram:release; APPROVED | GRAY → PUBLISHED' })
  publishVersion(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.versionService.publish(ctx.principal, id);
  }

  @Mutation(() => MiniProgramVersion, {
    description: 'miniprogram:release; APPROVED → GRAY without serving it to any device',
    deprecationReason:
      'Start a release plan (startReleasePlan): it gray-releases the version to devices and shows here as GRAY',
  })
  startGrayRelease(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('input', () => GrayReleaseInput, { nullable: true }) input?: GrayReleaseInput | null,
  ) {
    return this.versionService.startGrayRelease(ctx.principal, id, input ?? {});
  }

  @Mutation(() => MiniProgramVersion, {
    description:
      'miniprogram:release; GRAY → APPROVED, for versions not under a release plan (revert the plan otherwise)',
    deprecationReason: 'Revert the release plan (revertReleasePlan)',
  })
  stopGrayRelease(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.versionService.stopGrayRelease(ctx.principal, id);
  }

  @Mutation(() => MiniProgramVersion, { description: 'miniprogram:release; PUBLISHED | GRAY → DELISTED' })
  delistVersion(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('reason', () => String, { nullable: true }) reason?: string | null,
  ) {
    return this.versionService.delist(ctx.principal, id, reason);
  }

  @Mutation(() => MiniProgramVersion, {
    description: 'Operators (miniprogram:govern); PUBLISHED | GRAY → DELISTED',
  })
  forceDelistVersion(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.versionService.forceDelist(ctx.principal, id, reason);
  }

  @Mutation(() => MiniProgramVersion, {
    description: 'miniprogram:release; the previously published version is published again',
  })
  rollbackMiniProgram(@Arg('appId', () => ID) appId: string, @Ctx() ctx: SubgraphContext) {
    return this.versionService.rollback(ctx.principal, appId);
  }

  @FieldResolver(() => String, {
    description:
      'Download link of the ZIP, valid for a few minutes (members with miniprogram:read, operators with miniprogram:review)',
  })
  packageDownloadUrl(@Root() version: VersionView, @Ctx() ctx: SubgraphContext) {
    return this.versionService.packageDownloadUrl(ctx.principal, version.id);
  }

  @FieldResolver(() => PackageFilePage, {
    description: 'The files of the package (path, inflated size) in archive order; take at most 1000',
  })
  packageFileList(
    @Root() version: VersionView,
    @Ctx() ctx: SubgraphContext,
    @Arg('skip', () => Int, { defaultValue: 0 }) skip?: number,
    @Arg('take', () => Int, { defaultValue: 200 }) take?: number,
  ) {
    return this.versionService.packageFiles(ctx.principal, version.id, { skip, take });
  }

  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The parsed manifest.json / app.json; null when larger than 64 KiB',
  })
  manifest(@Root() version: VersionView, @Ctx() ctx: SubgraphContext) {
    return this.versionService.manifest(ctx.principal, version.id);
  }

  @FieldResolver(() => MiniProgram, { nullable: true })
  miniProgram(@Root() version: VersionView, @Ctx() ctx: SubgraphContext) {
    // A page of versions reads their mini-programs once (it was one read per version).
    return requestLoader(ctx, 'MiniProgramVersion.miniProgram', (ids: readonly string[]) =>
      this.miniProgramService.referenceMany(ctx.principal, ids),
    ).load(version.appId);
  }
}
