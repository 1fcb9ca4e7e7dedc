import { createSecretKey, type KeyObject } from 'node:crypto';
import {
  SignJWT,
  jwtVerify,
  importPKCS8,
  importSPKI,
  errors as joseErrors,
  type JWTPayload,
  type KeyLike,
} from 'jose';
import { UnauthenticatedError } from '../errors';
import { newId } from '../ids';
import {
  ANONYMOUS,
  type Membership,
  type OperatorRole,
  type Principal,
  type UserPrincipal,
  OperatorRole as OperatorRoles,
  OrgRole as OrgRoles,
} from './principal';

export interface TokenKeys {
  algorithm: 'HS256' | 'RS256';
  /** HS256 secret */
  secret?: string;
  /** RS256 PEM keys; only the issuer (account subgraph) needs the private key. */
  privateKeyPem?: string;
  publicKeyPem?: string;
  issuer: string;
  accessTokenTtlSec: number;
  /** Separate HS256 secret for router→subgraph principal forwarding. */
  internalSecret: string;
}

const ACCESS_AUDIENCE = 'grove-api';
const INTERNAL_AUDIENCE = 'grove-subgraph';
const INTERNAL_TTL_SEC = 60;
/** Clock skew allowed between the issuer and a verifier, for `iat` in the future and the lifetime check (exp stays exact). */
const CLOCK_TOLERANCE_SEC = 30;

/** `iat` not in the future and `exp - iat` within the lifetime this deployment issues (jose already checked `exp`). */
function withinLifetime(payload: JWTPayload, maxLifetimeSec: number): boolean {
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || typeof exp !== 'number') return false;
  return iat <= Date.now() / 1000 + CLOCK_TOLERANCE_SEC && exp - iat <= maxLifetimeSec + CLOCK_TOLERANCE_SEC;
}

/** Own-property check: a claimed role such as `toString` or `__proto__` is not a role. */
const isOperatorRole = (role: unknown): role is OperatorRole =>
  typeof role === 'string' && Object.hasOwn(OperatorRoles, role);
const isOrgRole = (role: unknown): role is Membership['role'] =>
  typeof role === 'string' && Object.hasOwn(OrgRoles, role);

interface AccessClaims extends JWTPayload {
  typ: 'access';
  sid: string;
  ops: OperatorRole[];
  orgs: Array<{ id: string; role: string }>;
  /** Authorization epoch (ms): when the roles above were read. */
  ae?: number;
}

/** Signs and verifies access JWTs (jose) and the router's internal principal token. */
export class TokenService {
  private signKey?: KeyObject | KeyLike;
  private verifyKey?: KeyObject | KeyLike;
  private readonly internalKey: KeyObject;

  private constructor(private readonly keys: TokenKeys) {
    this.internalKey = createSecretKey(Buffer.from(keys.internalSecret, 'utf8'));
  }

  static async create(keys: TokenKeys): Promise<TokenService> {
    const service = new TokenService(keys);
    if (keys.algorithm === 'HS256') {
      if (!keys.secret) throw new Error('HS256 needs a secret');
      // A KeyObject made once: jose would otherwise convert the raw secret on every sign and verify.
      service.signKey = service.verifyKey = createSecretKey(Buffer.from(keys.secret, 'utf8'));
    } else {
      if (!keys.publicKeyPem) throw new Error('RS256 needs a public key');
      service.verifyKey = await importSPKI(keys.publicKeyPem, 'RS256');
      if (keys.privateKeyPem) service.signKey = await importPKCS8(keys.privateKeyPem, 'RS256');
    }
    return service;
  }

  get accessTokenTtlSec(): number {
    return this.keys.accessTokenTtlSec;
  }

  async signAccessToken(user: Omit<UserPrincipal, 'kind'>, now = Date.now()): Promise<string> {
    if (!this.signKey) throw new Error('This process holds no signing key');
    const claims: Pick<AccessClaims, 'typ' | 'sid' | 'ops' | 'orgs' | 'ae'> = {
      typ: 'access',
      sid: user.sessionId,
      ops: user.operatorRoles,
      orgs: user.memberships.map((m) => ({ id: m.orgId, role: m.role })),
      // The issuer passes the moment it read the roles (before reading them); signing time is the fallback.
      ae: user.authEpoch ?? now,
    };
    const iat = Math.floor(now / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: this.keys.algorithm, typ: 'JWT' })
      .setSubject(user.userId)
      .setIssuer(this.keys.issuer)
      .setAudience(ACCESS_AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.keys.accessTokenTtlSec)
      .setJti(newId())
      .sign(this.signKey);
  }

  /** Verifies a bearer access token; any failure is UNAUTHENTICATED with a reason code. */
  async verifyAccessToken(token: string): Promise<UserPrincipal> {
    return (await this.verifyAccessTokenWithExpiry(token)).principal;
  }

  /** As verifyAccessToken, plus the token's expiry (epoch ms) for callers that cache the result. */
  async verifyAccessTokenWithExpiry(token: string): Promise<{ principal: UserPrincipal; expiresAt: number }> {
    if (!this.verifyKey) throw new Error('no verify key');
    try {
      // exp and iat are required, and a token may not live longer than this deployment issues them for:
      // a leaked signing key or a buggy issuer cannot mint tokens that never expire.
      const { payload } = await jwtVerify<AccessClaims>(token, this.verifyKey, {
        issuer: this.keys.issuer,
        audience: ACCESS_AUDIENCE,
        algorithms: [this.keys.algorithm],
        requiredClaims: ['exp', 'iat', 'sub'],
      });
      if (
        payload.typ !== 'access' ||
        !payload.sub ||
        typeof payload.sid !== 'string' ||
        !payload.sid ||
        !withinLifetime(payload, this.keys.accessTokenTtlSec)
      ) {
        throw new UnauthenticatedError('Invalid token', { reason: 'TOKEN_INVALID' });
      }
      const principal: UserPrincipal = {
        kind: 'user',
        userId: payload.sub,
        sessionId: payload.sid,
        operatorRoles: (Array.isArray(payload.ops) ? payload.ops : []).filter(isOperatorRole),
        memberships: (Array.isArray(payload.orgs) ? payload.orgs : [])
          .filter((o) => !!o && typeof o.id === 'string' && isOrgRole(o.role))
          .map((o) => ({ orgId: o.id, role: o.role as Membership['role'] })),
        ...(Number.isSafeInteger(payload.ae) ? { authEpoch: payload.ae } : {}),
      };
      return { principal, expiresAt: (payload.exp ?? 0) * 1000 };
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      if (error instanceof joseErrors.JWTExpired)
        throw new UnauthenticatedError('Token expired', { reason: 'TOKEN_EXPIRED' });
      throw new UnauthenticatedError('Invalid token', { reason: 'TOKEN_INVALID' });
    }
  }

  /** Router → subgraph: the verified principal, signed for a minute. */
  async signInternal(principal: Principal, extra: Record<string, string> = {}): Promise<string> {
    return new SignJWT({ p: principal, ...extra })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('grove-router')
      .setAudience(INTERNAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${INTERNAL_TTL_SEC}s`)
      .sign(this.internalKey);
  }

  /**
   * Service → service calls made for no user (the SDK runtime's reads from the owning services): the internal
   * credential with the calling service's name as `svc`. Only holders of the internal key can mint one.
   */
  signServiceCall(caller: string): Promise<string> {
    return this.signInternal(ANONYMOUS, { svc: caller });
  }

  /** Throws UNAUTHENTICATED (INTERNAL_CALLER_REQUIRED) unless `token` is a valid service credential of `caller`. */
  async verifyServiceCall(token: string | undefined, caller: string): Promise<void> {
    const claims = token ? (await this.verifyInternal(token)).claims : undefined;
    if (claims?.svc !== caller) {
      throw new UnauthenticatedError(`Only the ${caller} service may call this route`, {
        reason: 'INTERNAL_CALLER_REQUIRED',
      });
    }
  }

  async verifyInternal(token: string): Promise<{ principal: Principal; claims: JWTPayload }> {
    try {
      const { payload } = await jwtVerify(token, this.internalKey, {
        issuer: 'grove-router',
        audience: INTERNAL_AUDIENCE,
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'iat'],
      });
      if (!withinLifetime(payload, INTERNAL_TTL_SEC)) throw new Error('internal token lifetime');
      const principal = (payload.p as Principal | undefined) ?? ANONYMOUS;
      return { principal, claims: payload };
    } catch {
      throw new UnauthenticatedError('Invalid internal credential', { reason: 'INTERNAL_TOKEN_INVALID' });
    }
  }
}
