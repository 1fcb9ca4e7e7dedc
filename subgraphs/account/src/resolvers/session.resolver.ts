import { AFTER_ARG_DESCRIPTION, takeArgDescription, type SubgraphContext } from '@grove/platform';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { SessionService } from '../service/session.service';
import { SESSIONS_PAGE } from '../store/session.store';
import { ChangePasswordInput, LoginInput } from '../schema/inputs';
import { AuthPayload, Session } from '../schema/session.type';

@Resolver(() => Session)
export class SessionResolver {
  constructor(private readonly sessions: SessionService) {}

  @Mutation(() => AuthPayload, { description: 'Password login; throttled per identifier' })
  login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: SubgraphContext) {
    return this.sessions.login(input, {
      clientIp: ctx.clientIp,
      deviceId: ctx.deviceId,
      userAgent: ctx.userAgent,
    });
  }

  @Mutation(() => AuthPayload, {
    description: 'Rotates the refresh token; a reused token revokes its session',
  })
  refreshSession(@Arg('refreshToken') refreshToken: string) {
    return this.sessions.refresh(refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Revokes the current session' })
  logout(@Ctx() ctx: SubgraphContext) {
    return this.sessions.logout(ctx.principal);
  }

  @Mutation(() => AuthPayload, {
    description:
      'Checks the current password (throttled like login), sets the new one and ends your other sessions; this session goes on with the tokens returned',
  })
  changePassword(
    @Arg('input', () => ChangePasswordInput) input: ChangePasswordInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.sessions.changePassword(ctx.principal, input, {
      clientIp: ctx.clientIp,
      deviceId: ctx.deviceId,
      userAgent: ctx.userAgent,
    });
  }

  @Query(() => [Session], {
    nullable: true,
    description: 'Your live sessions (devices); newest first, a page at a time',
  })
  mySessions(
    @Ctx() ctx: SubgraphContext,
    @Arg('take', () => Int, {
      defaultValue: SESSIONS_PAGE.defaultTake,
      description: takeArgDescription(SESSIONS_PAGE.maxTake),
    })
    take?: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_ARG_DESCRIPTION }) after?: string | null,
  ) {
    return this.sessions.mySessions(ctx.principal, { take, after });
  }

  @Mutation(() => Boolean, { description: 'Revokes one of your own sessions' })
  revokeSession(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.sessions.revokeSession(ctx.principal, id);
  }

  @Mutation(() => Int, { description: 'user:sessions:revoke:any; returns how many sessions were live' })
  revokeUserSessions(@Arg('userId', () => ID) userId: string, @Ctx() ctx: SubgraphContext) {
    return this.sessions.revokeUserSessions(ctx.principal, userId);
  }
}
