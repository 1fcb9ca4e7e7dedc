import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  Permission,
  RateLimitedError,
  UnauthenticatedError,
  encodeCursor,
  randomToken,
  type Membership,
  type PageRequest,
  type PlatformRuntime,
  type Principal,
  type RateLimiter,
} from '@grove/platform';
import type { MembershipStore } from '../store/membership.store';
import type { OrganizationStore } from '../store/organization.store';
import type { SessionModel } from '../store/session.model';
import { SESSIONS_ORDER, type RevokeReason, type SessionStore } from '../store/session.store';
import type { UserModel } from '../store/user.model';
import type { UserStore } from '../store/user.store';
import { asProvenSelf, toSessionView, toUserView, type SessionView, type UserView } from '../store/views';
import type { AccountAccess } from './account-access';
import { AccountTopic, type AccountEvents } from './account-events';
import { changePasswordSchema, idField, loginSchema, parseInput, refreshTokenSchema } from './account-input';
import { identifierKey, parseIdentifier } from './identifiers';
import { LoginThrottle } from './login-throttle';
import type { PasswordHasher } from './password-hasher';
import { hashSecret } from './secret-hash';

/** Where the request came from, as the router saw it. */
export interface ClientInfo {
  clientIp?: string;
  deviceId?: string;
  userAgent?: string;
}

export interface AuthResult {
  accessToken: string;
  refreshToken: string;
  /** Access token expiry. */
  expiresAt: Date;
  refreshExpiresAt: Date;
  session: SessionView & { current: boolean };
  user: UserView;
}

export interface SessionPolicy {
  /** Failures of one account from one source before that source is locked out of it (LoginThrottle). */
  maxFailures: number;
  failureWindowSec: number;
  lockSec: number;
  refreshTokenTtlSec: number;
  /** Cap of the account-wide progressive delay (default 60 s). */
  maxDelaySec?: number;
  /** Password checks per client IP per window, whatever the identifier (default 60 per 300 s). */
  ipPoints?: number;
  ipWindowSec?: number;
  /** Clock of the progressive delay (tests). */
  now?: () => number;
}

const INVALID_CREDENTIALS = 'Invalid credentials';

/**
 * device-security: password login with throttling, access tokens, rotating refresh tokens in families.
 * Wrong password, unknown account and disabled account all answer the same, after the same amount of
 * hashing; a throttled attempt answers RATE_LIMITED whether or not an account exists behind it (LoginThrottle:
 * per account + source locks, a per-account progressive delay that known sources skip, a per-IP budget).
 */
export class SessionService {
  /** Login throttling; a password reset path calls `clearAccount` once it exists. */
  readonly loginThrottle: LoginThrottle;
  /** Per-identifier failures of the current-password check (changePassword: the caller is signed in already). */
  private readonly failures: RateLimiter;
  private dummyHash?: Promise<string>;
  /** Refreshes in flight in this process, per token hash (see refreshOnce). */
  private readonly refreshing = new Map<string, number>();

  constructor(
    private readonly runtime: PlatformRuntime,
    private readonly users: UserStore,
    private readonly sessions: SessionStore,
    private readonly memberships: MembershipStore,
    private readonly orgs: OrganizationStore,
    private readonly access: AccountAccess,
    private readonly hasher: PasswordHasher,
    private readonly events: AccountEvents,
    private readonly policy: SessionPolicy,
  ) {
    this.failures = runtime.rateLimits.create({
      keyPrefix: 'account-login-failures',
      points: policy.maxFailures,
      durationSec: policy.failureWindowSec,
      blockDurationSec: policy.lockSec,
    });
    this.loginThrottle = new LoginThrottle(
      runtime.rateLimits,
      runtime.kv,
      {
        maxFailures: policy.maxFailures,
        failureWindowSec: policy.failureWindowSec,
        lockSec: policy.lockSec,
        maxDelaySec: policy.maxDelaySec ?? 60,
        ipPoints: policy.ipPoints ?? 60,
        ipWindowSec: policy.ipWindowSec ?? 300,
      },
      policy.now,
    );
  }

  async login(input: unknown, client: ClientInfo = {}): Promise<AuthResult> {
    const data = parseInput(loginSchema, input);
    const key = identifierKey(data.identifier);
    const source = { clientIp: client.clientIp, deviceId: data.deviceId ?? client.deviceId };
    await this.loginThrottle.beforeCheck(key, source);
    const identifier = parseIdentifier(data.identifier);
    const user = identifier ? await this.users.findByIdentifier(identifier) : null;
    // Unknown accounts still pay for one hash so timing does not tell them apart.
    const valid = await this.hasher.verify(data.password, user?.passwordHash ?? (await this.getDummyHash()));
    if (!user || !valid || user.disabled) {
      if (!valid) await this.loginThrottle.failed(key, source);
      throw new UnauthenticatedError(INVALID_CREDENTIALS, { reason: 'INVALID_CREDENTIALS' });
    }
    await this.loginThrottle.succeeded(key, source);
    return this.startSession(user, { ...client, deviceId: source.deviceId }, data.deviceName);
  }

  /**
   * Rotation: the presented token is spent by a conditional update, so of two concurrent refreshes only one
   * wins. Presenting a spent token again means it leaked (or a client raced itself): the family is revoked.
   */
  async refresh(refreshToken: unknown): Promise<AuthResult> {
    const parsed = refreshTokenSchema.safeParse(refreshToken);
    if (!parsed.success)
      throw new UnauthenticatedError('Invalid refresh token', { reason: 'REFRESH_TOKEN_INVALID' });
    const hash = hashSecret(parsed.data);
    this.refreshing.set(hash, (this.refreshing.get(hash) ?? 0) + 1);
    try {
      return await this.refreshOnce(hash);
    } finally {
      const left = (this.refreshing.get(hash) ?? 1) - 1;
      if (left > 0) this.refreshing.set(hash, left);
      else this.refreshing.delete(hash);
    }
  }

  private async refreshOnce(hash: string): Promise<AuthResult> {
    const now = new Date();
    const claimed = await this.sessions.claimToken(hash, now);
    if (!claimed) {
      const known = await this.sessions.findToken(hash);
      // The same token refreshed twice at once in this process (a client retry) is a race the other call won, not a
      // replay: only a use after that refresh ended counts as reuse.
      if (known?.used && this.refreshing.get(hash) === 1) {
        await this.revoke(known.sessionId, 'REUSE_DETECTED', now);
        throw new UnauthenticatedError('Refresh token reuse detected; the session was revoked', {
          reason: 'REFRESH_TOKEN_REUSED',
        });
      }
      throw new UnauthenticatedError('Invalid refresh token', { reason: 'REFRESH_TOKEN_INVALID' });
    }
    const user = await this.users.findById(claimed.userId);
    if (!user || user.disabled) {
      await this.revoke(claimed.sessionId, 'ACCOUNT_DISABLED', now);
      throw new UnauthenticatedError('Invalid refresh token', { reason: 'REFRESH_TOKEN_INVALID' });
    }
    const refreshExpiresAt = new Date(now.getTime() + this.policy.refreshTokenTtlSec * 1000);
    const session = await this.sessions.touchSession(claimed.sessionId, now, refreshExpiresAt);
    if (!session)
      throw new UnauthenticatedError('The session was revoked or has expired', { reason: 'SESSION_REVOKED' });
    return this.issueTokens(user, session, now);
  }

  /** Revokes the caller's current family. */
  async logout(p: Principal): Promise<boolean> {
    const { principal, user } = await this.access.requireAccount(p);
    const session = await this.sessions.findSession(principal.sessionId);
    if (session && session.userId === user._id) await this.revoke(session._id, 'LOGOUT', new Date());
    return true;
  }

  async mySessions(
    p: Principal,
    page: PageRequest = {},
  ): Promise<Array<SessionView & { current: boolean; cursor: string }>> {
    const { principal, user } = await this.access.requireAccount(p);
    const sessions = await this.sessions.pageActive(user._id, new Date(), page);
    return sessions.map((s) => ({
      ...toSessionView(s),
      current: s._id === principal.sessionId,
      cursor: encodeCursor(SESSIONS_ORDER, s),
    }));
  }

  /** One of the caller's own sessions; unknown and foreign ids answer alike (FORBIDDEN). */
  async revokeSession(p: Principal, sessionId: string): Promise<boolean> {
    const id = parseInput(idField, sessionId);
    const { user } = await this.access.requireAccount(p);
    const session = await this.sessions.findSession(id);
    if (!session || session.userId !== user._id) throw new ForbiddenError('Not your session');
    await this.revoke(session._id, 'USER', new Date());
    return true;
  }

  /** Operators with user:sessions:revoke:any end every session of a user; returns how many were live. */
  async revokeUserSessions(p: Principal, userId: string): Promise<number> {
    const id = parseInput(idField, userId);
    const actor = await this.access.requireOperator(p, Permission.USER_SESSIONS_REVOKE_ANY);
    return this.events.atomically(async () => {
      const count = await this.revokeAllOf(id, 'OPERATOR');
      await this.events.publish(AccountTopic.SESSION, 'session.revoked_all', id, {
        userId: id,
        actorId: actor.user._id,
      });
      return count;
    });
  }

  /**
   * Checks the current password (throttled like login, by the same LoginThrottle and account key), stores the
   * new one and ends every other session. `password.changed` bumps the user's authorization epoch, so every access
   * token issued before is stale; the caller's own session goes on with the tokens returned here, and its earlier
   * refresh tokens are spent (presenting one later is reuse and ends the session).
   */
  async changePassword(p: Principal, input: unknown, client: ClientInfo = {}): Promise<AuthResult> {
    const data = parseInput(changePasswordSchema, input);
    const { principal, user } = await this.access.requireAccount(p);
    const now = new Date();
    const session = await this.sessions.findSession(principal.sessionId);
    if (!session || session.userId !== user._id || session.revoked || session.expiresAt <= now) {
      throw new UnauthenticatedError('The session was revoked or has expired', { reason: 'SESSION_REVOKED' });
    }
    const key = identifierKey(user.email ?? user.phone ?? user._id);
    const source = { clientIp: client.clientIp, deviceId: client.deviceId ?? session.deviceId };
    await this.loginThrottle.beforeCheck(key, source);
    if (!(await this.hasher.verify(data.currentPassword, user.passwordHash))) {
      await this.loginThrottle.failed(key, source);
      throw new BadUserInputError('The current password is not correct', {
        fields: ['currentPassword'],
        reason: 'INVALID_CURRENT_PASSWORD',
      });
    }
    await this.loginThrottle.succeeded(key, source);
    if (data.newPassword === data.currentPassword) {
      throw new BadUserInputError('The new password must differ from the current one', {
        fields: ['newPassword'],
        reason: 'PASSWORD_UNCHANGED',
      });
    }
    const passwordHash = await this.hasher.hash(data.newPassword);
    const updated = await this.events.atomically(async () => {
      const changed = await this.users.replacePasswordHash(user._id, user.passwordHash, passwordHash, now);
      if (!changed)
        throw new ConflictError('The password was changed meanwhile; sign in again', {
          reason: 'PASSWORD_CHANGED_MEANWHILE',
        });
      const ended = await this.sessions.revokeOthers(user._id, session._id, 'PASSWORD_CHANGED', now);
      await this.sessions.spendTokens(session._id, now);
      await this.events.publish(AccountTopic.USER, 'password.changed', user._id, {
        userId: user._id,
        sessionId: session._id,
        endedSessions: String(ended),
      });
      return changed;
    });
    return this.issueTokens(updated, session, await momentAfterRevocations());
  }

  revokeAllOf(userId: string, reason: RevokeReason): Promise<number> {
    return this.sessions.revokeWhere({ userId }, reason, new Date());
  }

  /** What the access token says: operator roles and memberships of approved, unfrozen organizations only. */
  async claimsFor(
    user: UserModel,
  ): Promise<{ operatorRoles: UserModel['operatorRoles']; memberships: Membership[] }> {
    const memberships = await this.memberships.listByUser(user._id);
    const active = new Set(
      (await this.orgs.findActiveByIds(memberships.map((m) => m.orgId))).map((o) => o._id),
    );
    return {
      operatorRoles: [...user.operatorRoles],
      memberships: memberships
        .filter((m) => active.has(m.orgId))
        .map((m) => ({ orgId: m.orgId, role: m.role })),
    };
  }

  private async startSession(user: UserModel, client: ClientInfo, deviceName?: string): Promise<AuthResult> {
    const now = new Date();
    const session = await this.events.atomically(async () => {
      // One family per device: a new login on the same device ends the previous one.
      if (client.deviceId)
        await this.sessions.revokeWhere(
          { userId: user._id, deviceId: client.deviceId },
          'NEW_LOGIN_ON_DEVICE',
          now,
        );
      const started = await this.sessions.createSession({
        userId: user._id,
        deviceId: client.deviceId,
        deviceName,
        userAgent: client.userAgent?.slice(0, 500),
        clientIp: client.clientIp,
        lastUsedAt: now,
        expiresAt: new Date(now.getTime() + this.policy.refreshTokenTtlSec * 1000),
      });
      await this.users.touchLogin(user._id, now);
      await this.events.publish(AccountTopic.SESSION, 'session.started', started._id, {
        sessionId: started._id,
        userId: user._id,
      });
      return started;
    });
    return this.issueTokens(user, session, now);
  }

  private async issueTokens(user: UserModel, session: SessionModel, now: Date): Promise<AuthResult> {
    const refreshToken = randomToken(32);
    await this.sessions.insertToken({
      hash: hashSecret(refreshToken),
      sessionId: session._id,
      userId: user._id,
      expiresAt: session.expiresAt,
    });
    const claims = await this.claimsFor(user);
    // `now` was taken before the roles were read: a revocation recorded after it makes this token stale (ADR 0006).
    const accessToken = await this.runtime.tokens.signAccessToken(
      { userId: user._id, sessionId: session._id, ...claims, authEpoch: now.getTime() },
      now.getTime(),
    );
    return {
      accessToken,
      refreshToken,
      expiresAt: new Date(
        Math.floor(now.getTime() / 1000) * 1000 + this.runtime.tokens.accessTokenTtlSec * 1000,
      ),
      refreshExpiresAt: session.expiresAt,
      session: { ...toSessionView(session), current: true },
      user: asProvenSelf(toUserView(user)),
    };
  }

  private revoke(sessionId: string, reason: RevokeReason, now: Date): Promise<void> {
    return this.events.atomically(async () => {
      const revoked = await this.sessions.revokeSession(sessionId, reason, now);
      if (revoked) {
        await this.events.publish(AccountTopic.SESSION, 'session.revoked', sessionId, {
          sessionId,
          userId: revoked.userId,
          reason,
        });
      }
    });
  }

  /**
   * Failures count per identifier; the failure that uses up the allowance also starts the lock (one more
   * consume pushes the bucket over its limit, which blocks it for lockSec).
   */
  private async recordFailure(key: string): Promise<void> {
    try {
      const state = await this.failures.consume(key);
      if (state.remainingPoints <= 0) await this.failures.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
    }
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(randomToken(16));
    return this.dummyHash;
  }
}

/**
 * A moment strictly after every revocation recorded so far by this process: epochs have millisecond resolution and a
 * token is stale when its `ae` is not after the user's epoch (ADR 0006), so tokens issued right after a bump wait
 * for the clock to tick.
 */
async function momentAfterRevocations(): Promise<Date> {
  const recorded = Date.now();
  while (Date.now() <= recorded) await new Promise((resolve) => setTimeout(resolve, 1));
  return new Date();
}
