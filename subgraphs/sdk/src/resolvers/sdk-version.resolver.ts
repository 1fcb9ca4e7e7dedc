import { PlatformReleaseOrder } from '../schema/list-orders.type';
import {
  AFTER_ARG_DESCRIPTION,
  ORDER_BY_ARG_DESCRIPTION,
  takeArgDescription,
  type SubgraphContext,
} from '@grove/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SDK_VERSIONS_PAGE, type SdkVersionService } from '../service/sdk-version.service';
import type { SdkVersionView } from '../store/views';
import { SdkPlatform } from '../schema/enums';
import { PublishSdkVersionInput } from '../schema/inputs';
import { SdkVersion } from '../schema/sdk-version.type';
import { DOWNLOAD_URL_TTL_SEC } from './base-library.resolver';

@Resolver(() => SdkVersion)
export class SdkVersionResolver {
  constructor(private readonly sdkVersionService: SdkVersionService) {}

  @Query(() => [SdkVersion], {
    nullable: true,
    description:
      'Newest (semantic) version first unless orderBy says otherwise; disabled ones only for platform:configure',
  })
  sdkVersions(
    @Ctx() ctx: SubgraphContext,
    @Arg('platform', () => SdkPlatform, { nullable: true }) platform?: SdkPlatform | null,
    @Arg('enabled', () => Boolean, { nullable: true }) enabled?: boolean | null,
    @Arg('take', () => Int, {
      defaultValue: SDK_VERSIONS_PAGE.defaultTake,
      description: takeArgDescription(SDK_VERSIONS_PAGE.maxTake),
    })
    take?: number,
    @Arg('skip', () => Int, { defaultValue: 0 }) skip?: number,
    @Arg('orderBy', () => PlatformReleaseOrder, { nullable: true, description: ORDER_BY_ARG_DESCRIPTION })
    orderBy?: PlatformReleaseOrder | null,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
  ) {
    return this.sdkVersionService.list(ctx.principal, { platform, enabled, take, skip, orderBy, after });
  }

  @Query(() => Int, {
    description:
      'How many SDK versions `sdkVersions` holds with the same platform and enabled filter (for a paged table)',
  })
  sdkVersionsTotal(
    @Ctx() ctx: SubgraphContext,
    @Arg('platform', () => SdkPlatform, { nullable: true }) platform?: SdkPlatform | null,
    @Arg('enabled', () => Boolean, { nullable: true }) enabled?: boolean | null,
  ) {
    return this.sdkVersionService.total(ctx.principal, { platform, enabled });
  }

  @Query(() => SdkVersion, { nullable: true })
  sdkVersion(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.sdkVersionService.get(ctx.principal, id);
  }

  @Mutation(() => SdkVersion, {
    description: 'platform:configure; the artifact must already be in the object store',
  })
  publishSdkVersion(
    @Arg('input', () => PublishSdkVersionInput) input: PublishSdkVersionInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.sdkVersionService.publish(ctx.principal, input);
  }

  @Mutation(() => SdkVersion, { description: 'platform:configure' })
  enableSdkVersion(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.sdkVersionService.setEnabled(ctx.principal, id, true);
  }

  @Mutation(() => SdkVersion, { description: 'platform:configure' })
  disableSdkVersion(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.sdkVersionService.setEnabled(ctx.principal, id, false);
  }

  @FieldResolver(() => String, { description: `Signed download link, valid ${DOWNLOAD_URL_TTL_SEC} s` })
  downloadUrl(@Root() version: SdkVersionView) {
    return this.sdkVersionService.downloadUrl(version, DOWNLOAD_URL_TTL_SEC);
  }
}
