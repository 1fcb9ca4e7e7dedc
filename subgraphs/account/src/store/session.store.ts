import {
  keysetPage,
  type DocumentCollection,
  type DocumentStore,
  type KeysetOrder,
  type PageRequest,
} from '@grove/platform';
import { RefreshTokenModel, SessionModel } from './session.model';
import { compact, stamped } from './views';

export const SESSIONS_ORDER: KeysetOrder = { name: 'sessions', field: 'createdAt', direction: -1 };
export const SESSIONS_PAGE = { defaultTake: 50, maxTake: 100 };

export type RevokeReason = NonNullable<SessionModel['revokedReason']>;

export interface NewSession {
  userId: string;
  deviceId?: string;
  deviceName?: string;
  userAgent?: string;
  clientIp?: string;
  lastUsedAt: Date;
  expiresAt: Date;
}

/** Session families and their refresh tokens (stored only as sha256 hashes). */
export class SessionStore {
  private readonly sessions: DocumentCollection<SessionModel>;
  private readonly tokens: DocumentCollection<RefreshTokenModel>;

  constructor(documents: DocumentStore) {
    this.sessions = documents.collection(SessionModel);
    this.tokens = documents.collection(RefreshTokenModel);
  }

  createSession(session: NewSession): Promise<SessionModel> {
    return this.sessions.insertOne(stamped<SessionModel>(compact({ ...session, revoked: false })));
  }

  findSession(id: string): Promise<SessionModel | null> {
    return this.sessions.findById(id);
  }

  /**
   * A user's live sessions, newest first, a page at a time. Ordered by when they began, not when last used: that
   * changes while a client pages, which would move sessions between pages.
   */
  pageActive(userId: string, now: Date, request: PageRequest): Promise<SessionModel[]> {
    const page = keysetPage(SESSIONS_ORDER, request, SESSIONS_PAGE, {
      userId,
      revoked: false,
      expiresAt: { $gt: now },
    });
    return this.sessions.find(page.filter, { sort: page.sort, limit: page.take });
  }

  /** Conditional: only a live, unexpired family can be extended. */
  touchSession(id: string, now: Date, expiresAt: Date): Promise<SessionModel | null> {
    return this.sessions.findOneAndUpdate(
      { _id: id, revoked: false, expiresAt: { $gt: now } },
      { $set: { lastUsedAt: now, expiresAt } },
    );
  }

  revokeSession(id: string, reason: RevokeReason, now: Date): Promise<SessionModel | null> {
    return this.sessions.findOneAndUpdate(
      { _id: id, revoked: false },
      { $set: { revoked: true, revokedAt: now, revokedReason: reason } },
    );
  }

  async revokeWhere(
    filter: { userId: string; deviceId?: string },
    reason: RevokeReason,
    now: Date,
  ): Promise<number> {
    const result = await this.sessions.updateMany(compact({ ...filter, revoked: false }), {
      $set: { revoked: true, revokedAt: now, revokedReason: reason },
    });
    return result.modifiedCount;
  }

  /** Every live session of the user except `keepSessionId` (a password change keeps the caller's own). */
  async revokeOthers(
    userId: string,
    keepSessionId: string,
    reason: RevokeReason,
    now: Date,
  ): Promise<number> {
    const result = await this.sessions.updateMany(
      { userId, revoked: false, _id: { $ne: keepSessionId } },
      { $set: { revoked: true, revokedAt: now, revokedReason: reason } },
    );
    return result.modifiedCount;
  }

  /** Marks the session's unused refresh tokens used: presenting one later counts as reuse (the family is revoked). */
  async spendTokens(sessionId: string, now: Date): Promise<void> {
    await this.tokens.updateMany({ sessionId, used: false }, { $set: { used: true, usedAt: now } });
  }

  async insertToken(token: {
    hash: string;
    sessionId: string;
    userId: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.tokens.insertOne(
      stamped<RefreshTokenModel>({
        _id: token.hash,
        sessionId: token.sessionId,
        userId: token.userId,
        used: false,
        expiresAt: token.expiresAt,
      }),
    );
  }

  findToken(hash: string): Promise<RefreshTokenModel | null> {
    return this.tokens.findById(hash);
  }

  /** Rotation gate: exactly one caller flips `used` on a token; everyone else gets null. */
  claimToken(hash: string, now: Date): Promise<RefreshTokenModel | null> {
    return this.tokens.findOneAndUpdate(
      { _id: hash, used: false, expiresAt: { $gt: now } },
      { $set: { used: true, usedAt: now } },
    );
  }
}
