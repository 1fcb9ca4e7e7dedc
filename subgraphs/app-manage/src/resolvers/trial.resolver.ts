import type { SubgraphContext } from '@grove/platform';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { TrialService } from '../service/trial.service';
import { TrialMember, TrialQrCode, TrialQrFormat } from '../schema/trial.type';
import { MiniProgramVersion } from '../schema/version.type';

@Resolver(() => TrialMember)
export class TrialResolver {
  constructor(private readonly trialService: TrialService) {}

  @Query(() => [TrialMember], {
    nullable: true,
    description:
      'Testers of the trial version, oldest first (miniprogram:read; operators with miniprogram:review)',
  })
  trialMembers(@Arg('appId', () => ID) appId: string, @Ctx() ctx: SubgraphContext) {
    return this.trialService.members(ctx.principal, appId);
  }

  @Query(() => MiniProgramVersion, {
    nullable: true,
    description: 'The trial version (体验版), or null (miniprogram:read; operators with miniprogram:review)',
  })
  trialVersion(@Arg('appId', () => ID) appId: string, @Ctx() ctx: SubgraphContext) {
    return this.trialService.trialVersion(ctx.principal, appId);
  }

  @Query(() => TrialQrCode, {
    nullable: true,
    description:
      'A QR code (PNG or SVG) opening the trial version through the SDK runtime (miniprogram:read)',
  })
  trialQrCode(
    @Arg('appId', () => ID) appId: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('format', () => TrialQrFormat, { defaultValue: TrialQrFormat.PNG }) format?: TrialQrFormat,
    @Arg('ttlHours', () => Int, {
      nullable: true,
      description: 'Hours the grant stays valid (1 to 720, default 24)',
    })
    ttlHours?: number | null,
  ) {
    return this.trialService.qrCode(ctx.principal, appId, { format, ttlHours });
  }

  @Mutation(() => TrialMember, { description: 'miniprogram:write; at most 100 testers per mini-program' })
  addTrialMember(
    @Arg('appId', () => ID) appId: string,
    @Arg('userId') userId: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('label', () => String, { nullable: true }) label?: string | null,
  ) {
    return this.trialService.addMember(ctx.principal, appId, { userId, label });
  }

  @Mutation(() => Boolean, { description: 'miniprogram:write; false when the user was not a tester' })
  removeTrialMember(
    @Arg('appId', () => ID) appId: string,
    @Arg('userId') userId: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.trialService.removeMember(ctx.principal, appId, userId);
  }

  @Mutation(() => MiniProgramVersion, {
    description: 'miniprogram:write; any version that is not REJECTED or DELISTED becomes the trial version',
  })
  setTrialVersion(@Arg('versionId', () => ID) versionId: string, @Ctx() ctx: SubgraphContext) {
    return this.trialService.setTrialVersion(ctx.principal, versionId);
  }

  @Mutation(() => Boolean, { description: 'miniprogram:write; false when none was set' })
  clearTrialVersion(@Arg('appId', () => ID) appId: string, @Ctx() ctx: SubgraphContext) {
    return this.trialService.clearTrialVersion(ctx.principal, appId);
  }
}
