import { ORDER_BY_ARG_DESCRIPTION } from '@grove/platform';
import { OrganizationOrder } from '../schema/list-orders.type';
import { AFTER_ARG_DESCRIPTION, takeArgDescription, type SubgraphContext } from '@grove/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { OrganizationService } from '../service/organization.service';
import { MY_ORGANIZATIONS_PAGE } from '../store/membership.store';
import type { OrganizationView } from '../store/views';
import { OrganizationStatus } from '../schema/enums';
import { OrganizationApplicationInput, OrganizationUpdateInput } from '../schema/inputs';
import { Organization, OrganizationAmendment, OrganizationPage } from '../schema/organization.type';

type PrivateField = Exclude<keyof OrganizationView, 'id' | 'name' | 'status' | 'frozen'>;

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(private readonly organizationService: OrganizationService) {}

  @Query(() => Organization, { nullable: true, description: 'Members of the organization or operators' })
  organization(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.organizationService.get(ctx.principal, id);
  }

  @Query(() => OrganizationPage, {
    nullable: true,
    description: 'Operators (org:read:any); newest first unless orderBy says otherwise',
  })
  organizations(
    @Ctx() ctx: SubgraphContext,
    @Arg('status', () => OrganizationStatus, { nullable: true }) status?: OrganizationStatus,
    @Arg('frozen', () => Boolean, { nullable: true }) frozen?: boolean,
    @Arg('skip', () => Int, { defaultValue: 0 }) skip?: number,
    @Arg('take', () => Int, { defaultValue: 20 }) take?: number,
    @Arg('amendmentPending', () => Boolean, {
      nullable: true,
      description: 'true: only those with a change waiting for review',
    })
    amendmentPending?: boolean,
    @Arg('search', () => String, {
      nullable: true,
      description: 'Part of the name (case-insensitive) or the whole unified social credit code',
    })
    search?: string | null,
    @Arg('orderBy', () => OrganizationOrder, { nullable: true, description: ORDER_BY_ARG_DESCRIPTION })
    orderBy?: OrganizationOrder | null,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
  ) {
    return this.organizationService.list(ctx.principal, {
      status,
      frozen,
      amendmentPending,
      search,
      skip,
      take,
      orderBy,
      after,
    });
  }

  @Query(() => [Organization], {
    nullable: true,
    description: 'Organizations the caller belongs to, in any state; in the order joined, a page at a time',
  })
  myOrganizations(
    @Ctx() ctx: SubgraphContext,
    @Arg('take', () => Int, {
      defaultValue: MY_ORGANIZATIONS_PAGE.defaultTake,
      description: takeArgDescription(MY_ORGANIZATIONS_PAGE.maxTake),
    })
    take?: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
  ) {
    return this.organizationService.mine(ctx.principal, { take, after });
  }

  @Mutation(() => Organization, {
    description: 'Any signed-in user; creates a PENDING organization owned by the caller',
  })
  applyForOrganization(
    @Arg('input', () => OrganizationApplicationInput) input: OrganizationApplicationInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.organizationService.apply(ctx.principal, input);
  }

  @Mutation(() => Organization, { description: 'Owner; REJECTED → PENDING with edited details' })
  resubmitOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => OrganizationApplicationInput) input: OrganizationApplicationInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.organizationService.resubmit(ctx.principal, id, input);
  }

  @Mutation(() => Organization, {
    description:
      'org:update (owners, admins); contacts change at once, a new name, credit code or licence of an APPROVED organization waits for review as its amendment',
  })
  updateOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => OrganizationUpdateInput) input: OrganizationUpdateInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.organizationService.update(ctx.principal, id, input);
  }

  @Mutation(() => Organization, {
    description: "org:review; the waiting amendment's details become the organization's",
  })
  approveOrganizationAmendment(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.organizationService.approveAmendment(ctx.principal, id);
  }

  @Mutation(() => Organization, { description: 'org:review; the approved details stay' })
  rejectOrganizationAmendment(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.organizationService.rejectAmendment(ctx.principal, id, reason);
  }

  @Mutation(() => Organization, { description: 'org:review; PENDING → APPROVED' })
  approveOrganization(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.organizationService.approve(ctx.principal, id);
  }

  @Mutation(() => Organization, { description: 'org:review; PENDING → REJECTED' })
  rejectOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.organizationService.reject(ctx.principal, id, reason);
  }

  @Mutation(() => Organization, { description: 'org:freeze; APPROVED only' })
  freezeOrganization(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('reason', () => String, { nullable: true }) reason?: string | null,
  ) {
    return this.organizationService.freeze(ctx.principal, id, reason);
  }

  @Mutation(() => Organization, { description: 'org:freeze' })
  unfreezeOrganization(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.organizationService.unfreeze(ctx.principal, id);
  }

  private async guarded<K extends PrivateField>(
    org: OrganizationView,
    ctx: SubgraphContext,
    field: K,
  ): Promise<OrganizationView[K] | null> {
    await this.organizationService.requirePrivateAccess(ctx.principal, org.id);
    return org[field] ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  creditCode(@Root() org: OrganizationView, @Ctx() ctx: SubgraphContext) {
    return this.guarded(org, ctx, 'creditCode');
  }

  @FieldResolver(() => String, { nullable: true })
  contactName(@Root() org: OrganizationView, @Ctx() ctx: SubgraphContext) {
    return this.guarded(org, ctx, 'contactName');
  }

  @FieldResolver(() => String, { nullable: true })
  contactPhone(@Root() org: OrganizationView, @Ctx() ctx: SubgraphContext) {
    return this.guarded(org, ctx, 'contactPhone');
  }

  @FieldResolver(() => String, { nullable: true })
  contactEmail(@Root() org: OrganizationView, @Ctx() ctx: SubgraphContext) {
    return this.guarded(org, ctx, 'contactEmail');
  }

  @FieldResolver(() => String, { nullable: true })
  licenceDocumentRef(@Root() org: OrganizationView, @Ctx() ctx: SubgraphContext) {
    return this.guarded(org, ctx, 'licenceDocumentRef');
  }

  @FieldResolver(() => String, { nullable: true })
  rejectionReason(@Root() org: OrganizationView, @Ctx() ctx: SubgraphContext) {
    return this.guarded(org, ctx, 'rejectionReason');
  }

  @FieldResolver(() => String, { nullable: true })
  frozenReason(@Root() org: OrganizationView, @Ctx() ctx: SubgraphContext) {
    return this.guarded(org, ctx, 'frozenReason');
  }

  @FieldResolver(() => ID, { nullable: true })
  applicantId(@Root() org: OrganizationView, @Ctx() ctx: SubgraphContext) {
    return this.guarded(org, ctx, 'applicantId');
  }

  @FieldResolver(() => Date, { nullable: true })
  submittedAt(@Root() org: OrganizationView, @Ctx() ctx: SubgraphContext) {
    return this.guarded(org, ctx, 'submittedAt');
  }

  @FieldResolver(() => Date, { nullable: true })
  reviewedAt(@Root() org: OrganizationView, @Ctx() ctx: SubgraphContext) {
    return this.guarded(org, ctx, 'reviewedAt');
  }

  @FieldResolver(() => OrganizationAmendment, {
    nullable: true,
    description: 'The change waiting for review, or the last one rejected',
  })
  amendment(@Root() org: OrganizationView, @Ctx() ctx: SubgraphContext) {
    return this.guarded(org, ctx, 'amendment');
  }

  @FieldResolver(() => Date, { nullable: true })
  createdAt(@Root() org: OrganizationView, @Ctx() ctx: SubgraphContext) {
    return this.guarded(org, ctx, 'createdAt');
  }
}
