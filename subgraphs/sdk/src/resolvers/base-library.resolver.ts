import { PlatformReleaseOrder } from '../schema/list-orders.type';
import {
  AFTER_ARG_DESCRIPTION,
  ORDER_BY_ARG_DESCRIPTION,
  takeArgDescription,
  type SubgraphContext,
} from '@grove/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BASE_LIBRARIES_PAGE, type BaseLibraryService } from '../service/base-library.service';
import type { BaseLibraryView } from '../store/views';
import { BaseLibrary } from '../schema/base-library.type';
import { SdkPlatform } from '../schema/enums';
import { UpdateBaseLibraryInput } from '../schema/inputs';

export const DOWNLOAD_URL_TTL_SEC = 600;

@Resolver(() => BaseLibrary)
export class BaseLibraryResolver {
  constructor(private readonly baseLibraryService: BaseLibraryService) {}

  @Query(() => [BaseLibrary], {
    nullable: true,
    description:
      'Newest (semantic) version first unless orderBy says otherwise; disabled ones only for platform:configure',
  })
  baseLibraries(
    @Ctx() ctx: SubgraphContext,
    @Arg('platform', () => SdkPlatform, { nullable: true }) platform?: SdkPlatform | null,
    @Arg('enabled', () => Boolean, { nullable: true }) enabled?: boolean | null,
    @Arg('take', () => Int, {
      defaultValue: BASE_LIBRARIES_PAGE.defaultTake,
      description: takeArgDescription(BASE_LIBRARIES_PAGE.maxTake),
    })
    take?: number,
    @Arg('skip', () => Int, { defaultValue: 0 }) skip?: number,
    @Arg('orderBy', () => PlatformReleaseOrder, { nullable: true, description: ORDER_BY_ARG_DESCRIPTION })
    orderBy?: PlatformReleaseOrder | null,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
  ) {
    return this.baseLibraryService.list(ctx.principal, { platform, enabled, take, skip, orderBy, after });
  }

  @Query(() => Int, {
    description:
      'How many base libraries `baseLibraries` holds with the same platform and enabled filter (for a paged table)',
  })
  baseLibrariesTotal(
    @Ctx() ctx: SubgraphContext,
    @Arg('platform', () => SdkPlatform, { nullable: true }) platform?: SdkPlatform | null,
    @Arg('enabled', () => Boolean, { nullable: true }) enabled?: boolean | null,
  ) {
    return this.baseLibraryService.total(ctx.principal, { platform, enabled });
  }

  @Query(() => BaseLibrary, { nullable: true })
  baseLibrary(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.baseLibraryService.get(ctx.principal, id);
  }

  @Query(() => BaseLibrary, {
    nullable: true,
    description: 'Newest enabled base library compatible with the SDK version, else the newest enabled one',
  })
  resolveBaseLibrary(
    @Arg('sdkVersion') sdkVersion: string,
    @Arg('platform', () => SdkPlatform) platform: SdkPlatform,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.baseLibraryService.resolveFor(ctx.principal, { sdkVersion, platform });
  }

  @Mutation(() => BaseLibrary, { description: 'platform:configure' })
  updateBaseLibrary(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateBaseLibraryInput) input: UpdateBaseLibraryInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.baseLibraryService.update(ctx.principal, id, input);
  }

  @Mutation(() => BaseLibrary, { description: 'platform:configure' })
  enableBaseLibrary(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.baseLibraryService.setEnabled(ctx.principal, id, true);
  }

  @Mutation(() => BaseLibrary, { description: 'platform:configure; SDKs stop receiving it' })
  disableBaseLibrary(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.baseLibraryService.setEnabled(ctx.principal, id, false);
  }

  @FieldResolver(() => String, { description: `Signed download link, valid ${DOWNLOAD_URL_TTL_SEC} s` })
  downloadUrl(@Root() library: BaseLibraryView) {
    return this.baseLibraryService.downloadUrl(library, DOWNLOAD_URL_TTL_SEC);
  }
}
