import { ORDER_BY_ARG_DESCRIPTION } from '@grove/platform';
import { MemberOrder } from '../schema/list-orders.type';
import {
  AFTER_ARG_DESCRIPTION,
  requestLoader,
  takeArgDescription,
  type SubgraphContext,
} from '@grove/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { IdentityService } from '../service/identity.service';
import type { MemberService } from '../service/member.service';
import type { OrganizationService } from '../service/organization.service';
import { INVITATIONS_PAGE } from '../store/invitation.store';
import { MEMBERS_PAGE } from '../store/membership.store';
import type { MemberView } from '../store/views';
import { InvitationStatus, OrgRole } from '../schema/enums';
import { InviteMemberInput } from '../schema/inputs';
import { Invitation, InvitationPayload, Member } from '../schema/member.type';
import { Organization } from '../schema/organization.type';
import { User } from '../schema/user.type';

@Resolver(() => Member)
export class MemberResolver {
  constructor(
    private readonly memberService: MemberService,
    private readonly identity: IdentityService,
    private readonly organizations: OrganizationService,
  ) {}

  @Query(() => [Member], {
    nullable: true,
    description:
      'org:members:read, or operators; oldest first unless orderBy says otherwise, a page at a time',
  })
  members(
    @Arg('orgId', () => ID) orgId: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('take', () => Int, {
      defaultValue: MEMBERS_PAGE.defaultTake,
      description: takeArgDescription(MEMBERS_PAGE.maxTake),
    })
    take?: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
    @Arg('orderBy', () => MemberOrder, { nullable: true, description: ORDER_BY_ARG_DESCRIPTION })
    orderBy?: MemberOrder | null,
  ) {
    return this.memberService.list(ctx.principal, orgId, { take, after, orderBy });
  }

  @Query(() => [Invitation], {
    description:
      'ORG_OWNER/ORG_ADMIN of the organization, or operators who read any organization; newest first, a page at a time',
  })
  invitations(
    @Arg('orgId', () => ID) orgId: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('status', () => InvitationStatus, {
      nullable: true,
      description: 'Only this status (EXPIRED: pending past expiresAt); omit for all',
    })
    status?: InvitationStatus | null,
    @Arg('take', () => Int, {
      defaultValue: INVITATIONS_PAGE.defaultTake,
      description: takeArgDescription(INVITATIONS_PAGE.maxTake),
    })
    take?: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
  ) {
    return this.memberService.invitationsOf(ctx.principal, orgId, status, { take, after });
  }

  @Mutation(() => Invitation, {
    description:
      'ORG_OWNER/ORG_ADMIN of its approved, unfrozen organization; only a PENDING invitation, once (its token stops working)',
  })
  revokeInvitation(@Arg('invitationId', () => ID) invitationId: string, @Ctx() ctx: SubgraphContext) {
    return this.memberService.revokeInvitation(ctx.principal, invitationId);
  }

  @Mutation(() => InvitationPayload, {
    description: 'ORG_OWNER/ORG_ADMIN of an approved, unfrozen organization',
  })
  inviteMember(@Arg('input', () => InviteMemberInput) input: InviteMemberInput, @Ctx() ctx: SubgraphContext) {
    return this.memberService.invite(ctx.principal, input);
  }

  @Mutation(() => Member, { description: 'The invited (signed-in) user redeems the token' })
  acceptInvitation(@Arg('token') token: string, @Ctx() ctx: SubgraphContext) {
    return this.memberService.accept(ctx.principal, token);
  }

  @Mutation(() => Member, { description: 'Nobody grants a role above their own; the last owner stays' })
  changeMemberRole(
    @Arg('orgId', () => ID) orgId: string,
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => OrgRole) role: OrgRole,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.memberService.changeRole(ctx.principal, { orgId, userId, role });
  }

  @Mutation(() => Boolean, {
    description: 'Managers remove lower or equal ranks; anyone may remove themself (leave)',
  })
  removeMember(
    @Arg('orgId', () => ID) orgId: string,
    @Arg('userId', () => ID) userId: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.memberService.remove(ctx.principal, { orgId, userId });
  }

  // A page of members reads its users (and organizations) once, not once per member.
  @FieldResolver(() => User, { nullable: true })
  user(@Root() member: MemberView, @Ctx() ctx: SubgraphContext) {
    return requestLoader(ctx, 'Member.user', (ids: readonly string[]) =>
      this.identity.referenceMany(ids),
    ).load(member.userId);
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() member: MemberView, @Ctx() ctx: SubgraphContext) {
    return requestLoader(ctx, 'Member.organization', (ids: readonly string[]) =>
      this.organizations.referenceMany(ids),
    ).load(member.orgId);
  }
}
