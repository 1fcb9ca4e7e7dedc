import { AFTER_ARG_DESCRIPTION, takeArgDescription, type SubgraphContext } from '@grove/platform';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { SdkConfigService, SdkConfigOverrideView } from '../service/sdk-config.service';
import { SdkConfigInput } from '../schema/inputs';
import { CONFIG_HISTORY_PAGE } from '../store/sdk-config.store';
import {
  EffectiveSdkConfig,
  SdkConfigOverride,
  SdkConfigRevision,
  SdkGlobalConfig,
} from '../schema/sdk-config.type';
import { toGraphqlConfig, toGraphqlSettings } from './sdk-config.mapping';

function overrideOut(view: SdkConfigOverrideView) {
  return { ...view, settings: toGraphqlSettings(view.settings) };
}

@Resolver()
export class SdkConfigResolver {
  constructor(private readonly sdkConfigService: SdkConfigService) {}

  @Query(() => SdkGlobalConfig, { nullable: true, description: 'Signed-in users' })
  async sdkGlobalConfig(@Ctx() ctx: SubgraphContext) {
    const view = await this.sdkConfigService.globalConfig(ctx.principal);
    return { ...view, config: toGraphqlConfig(view.config) };
  }

  @Query(() => SdkConfigOverride, { nullable: true, description: 'The owning organization or operators' })
  async sdkConfigOverride(@Arg('hostAppId', () => ID) hostAppId: string, @Ctx() ctx: SubgraphContext) {
    return overrideOut(await this.sdkConfigService.override(ctx.principal, hostAppId));
  }

  @Query(() => EffectiveSdkConfig, { nullable: true, description: 'The owning organization or operators' })
  async effectiveSdkConfig(@Arg('hostAppId', () => ID) hostAppId: string, @Ctx() ctx: SubgraphContext) {
    const view = await this.sdkConfigService.effective(ctx.principal, hostAppId);
    return { ...view, config: toGraphqlConfig(view.config) };
  }

  @Query(() => [SdkConfigRevision], {
    nullable: true,
    description:
      'Newest first, a page at a time: the global defaults without hostAppId, else that host app override',
  })
  async sdkConfigHistory(
    @Ctx() ctx: SubgraphContext,
    @Arg('hostAppId', () => ID, { nullable: true }) hostAppId?: string | null,
    @Arg('take', () => Int, {
      defaultValue: CONFIG_HISTORY_PAGE.defaultTake,
      description: takeArgDescription(CONFIG_HISTORY_PAGE.maxTake),
    })
    take?: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
  ) {
    const rows = await this.sdkConfigService.history(ctx.principal, hostAppId, { take, after });
    return rows.map((row) => ({ ...row, settings: toGraphqlSettings(row.settings) }));
  }

  @Mutation(() => SdkGlobalConfig, {
    description: 'platform:configure; a new version; CONFLICT when expectedVersion is stale',
  })
  async updateSdkGlobalConfig(
    @Arg('input', () => SdkConfigInput) input: SdkConfigInput,
    @Ctx() ctx: SubgraphContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ) {
    const view = await this.sdkConfigService.updateGlobal(ctx.principal, input, expectedVersion);
    return { ...view, config: toGraphqlConfig(view.config) };
  }

  @Mutation(() => SdkConfigOverride, {
    description: "hostapp:manage in the host app's organization; replaces the override",
  })
  async setSdkConfigOverride(
    @Arg('hostAppId', () => ID) hostAppId: string,
    @Arg('input', () => SdkConfigInput) input: SdkConfigInput,
    @Ctx() ctx: SubgraphContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ) {
    return overrideOut(
      await this.sdkConfigService.setOverride(ctx.principal, hostAppId, input, expectedVersion),
    );
  }

  @Mutation(() => SdkConfigOverride, {
    description: "hostapp:manage in the host app's organization; back to the global defaults",
  })
  async clearSdkConfigOverride(
    @Arg('hostAppId', () => ID) hostAppId: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ) {
    return overrideOut(await this.sdkConfigService.clearOverride(ctx.principal, hostAppId, expectedVersion));
  }
}
