import { ORDER_BY_ARG_DESCRIPTION } from '@grove/platform';
import { OperatorOrder } from '../schema/list-orders.type';
import { AFTER_ARG_DESCRIPTION, takeArgDescription, type SubgraphContext } from '@grove/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { IdentityService, Viewer as ViewerView } from '../service/identity.service';
import { OPERATORS_PAGE } from '../store/user.store';
import type { MemberView, UserView } from '../store/views';
import { OperatorRole } from '../schema/enums';
import { CreateOperatorInput, SignUpInput } from '../schema/inputs';
import { CreateOperatorPayload, User } from '../schema/user.type';
import { Member } from '../schema/member.type';
import { SignUpPayload, Viewer } from '../schema/viewer.type';

@Resolver(() => User)
export class UserResolver {
  constructor(private readonly identity: IdentityService) {}

  @Query(() => Viewer, {
    nullable: true,
    description: 'The signed-in caller with roles, memberships and permissions',
  })
  me(@Ctx() ctx: SubgraphContext) {
    return this.identity.me(ctx.principal);
  }

  @Query(() => User, { nullable: true, description: 'Yourself, or anyone for operators' })
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.identity.user(ctx.principal, id);
  }

  @Query(() => [User], {
    nullable: true,
    description:
      'Operator accounts (operator:manage); oldest first unless orderBy says otherwise, a page at a time',
  })
  operators(
    @Ctx() ctx: SubgraphContext,
    @Arg('take', () => Int, {
      defaultValue: OPERATORS_PAGE.defaultTake,
      description: takeArgDescription(OPERATORS_PAGE.maxTake),
    })
    take?: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
    @Arg('orderBy', () => OperatorOrder, { nullable: true, description: ORDER_BY_ARG_DESCRIPTION })
    orderBy?: OperatorOrder | null,
  ) {
    return this.identity.operators(ctx.principal, { take, after, orderBy });
  }

  @Mutation(() => SignUpPayload, {
    description: 'Institution user sign-up, optionally redeeming an invitation',
  })
  signUp(@Arg('input', () => SignUpInput) input: SignUpInput) {
    return this.identity.signUp(input);
  }

  @Mutation(() => CreateOperatorPayload, { description: 'operator:manage' })
  createOperator(
    @Arg('input', () => CreateOperatorInput) input: CreateOperatorInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.identity.createOperator(ctx.principal, input);
  }

  @Mutation(() => User, {
    description:
      'operator:manage; not your own role (SELF_DEMOTION), and never the last enabled OPERATOR_ADMIN (LAST_OPERATOR_ADMIN); the operator signs in again with the new role at the next token refresh',
  })
  changeOperatorRole(
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => OperatorRole) role: OperatorRole,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.identity.changeOperatorRole(ctx.principal, { userId, role });
  }

  @Mutation(() => User, { description: 'operator:manage; also revokes the operator’s sessions' })
  disableOperator(@Arg('userId', () => ID) userId: string, @Ctx() ctx: SubgraphContext) {
    return this.identity.setOperatorDisabled(ctx.principal, userId, true);
  }

  @Mutation(() => User, { description: 'operator:manage' })
  enableOperator(@Arg('userId', () => ID) userId: string, @Ctx() ctx: SubgraphContext) {
    return this.identity.setOperatorDisabled(ctx.principal, userId, false);
  }

  @FieldResolver(() => String, { nullable: true })
  async email(@Root() user: UserView, @Ctx() ctx: SubgraphContext) {
    await this.identity.requirePrivateAccess(ctx.principal, user);
    return user.email ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async phone(@Root() user: UserView, @Ctx() ctx: SubgraphContext) {
    await this.identity.requirePrivateAccess(ctx.principal, user);
    return user.phone ?? null;
  }

  @FieldResolver(() => [OperatorRole], { nullable: true })
  async operatorRoles(@Root() user: UserView, @Ctx() ctx: SubgraphContext) {
    await this.identity.requirePrivateAccess(ctx.principal, user);
    return user.operatorRoles;
  }

  @FieldResolver(() => Boolean, { nullable: true })
  async disabled(@Root() user: UserView, @Ctx() ctx: SubgraphContext) {
    await this.identity.requirePrivateAccess(ctx.principal, user);
    return user.disabled;
  }

  @FieldResolver(() => Date, { nullable: true })
  async lastLoginAt(@Root() user: UserView, @Ctx() ctx: SubgraphContext) {
    await this.identity.requirePrivateAccess(ctx.principal, user);
    return user.lastLoginAt ?? null;
  }

  @FieldResolver(() => Date, { nullable: true })
  async createdAt(@Root() user: UserView, @Ctx() ctx: SubgraphContext) {
    await this.identity.requirePrivateAccess(ctx.principal, user);
    return user.createdAt;
  }
}

/** The signed-in caller's fields that need reads of their own (`me` itself reads only the user). */
@Resolver(() => Viewer)
export class ViewerResolver {
  constructor(private readonly identity: IdentityService) {}

  @FieldResolver(() => [Member], { description: 'All stored memberships, whatever the organization state' })
  memberships(@Root() viewer: ViewerView): Promise<MemberView[]> {
    return this.identity.viewerMemberships(viewer);
  }
}
