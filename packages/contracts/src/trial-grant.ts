import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Trial (体验版) grants: `<versionId>.<expires unix seconds>.<base64url HMAC-SHA256>`, signed by app-manage when it
 * draws a trial QR code and checked by the SDK runtime. The MAC covers the app id (carried by the deep link's path,
 * not the token), the version and the expiry, so a grant opens one version of one mini-program until it expires.
 */
export const MIN_TRIAL_TOKEN_SECRET_LENGTH = 32;

/**
 * Name of app-manage's generated SDK-secret key under DATA_DIR/secrets.json when APP_SECRET_ENCRYPTION_KEY is unset
 * (outside production); the SDK runtime derives the trial grant key from the same material.
 */
export const LOCAL_APP_SECRET_KEY_NAME = 'appSecretEncryptionKey';

/** TRIAL_TOKEN_SECRET, read by app-manage (signs) and the SDK runtime (checks). */
export const trialTokenSecretField = z
  .string()
  .min(MIN_TRIAL_TOKEN_SECRET_LENGTH, `must be at least ${MIN_TRIAL_TOKEN_SECRET_LENGTH} characters`)
  .optional();
/** JSON-schema pattern of a well-formed token (the runtime's query schema). */
export const TRIAL_TOKEN_PATTERN = '^[A-Za-z0-9_-]{1,64}\\.[0-9]{1,12}\\.[A-Za-z0-9_-]{43}$';
/** Scheme and host of the link a tester's host app opens: `grove://applet/<appId>?trial=<token>`. */
export const TRIAL_DEEP_LINK_BASE = 'grove://applet/';

const TOKEN = new RegExp(TRIAL_TOKEN_PATTERN);

export type TrialTokenProblem = 'malformed' | 'bad_signature' | 'expired';

export type TrialTokenCheck =
  { ok: true; versionId: string; expiresAt: Date } | { ok: false; problem: TrialTokenProblem };

/**
 * The grant key when TRIAL_TOKEN_SECRET is unset: derived from app-manage's SDK-secret key material
 * (APP_SECRET_ENCRYPTION_KEY, or the key generated under DATA_DIR outside production), which the SDK runtime already
 * shares with app-manage; domain-separated, so neither key reveals the other.
 */
export function deriveTrialTokenSecret(appSecretKeyMaterial: string): string {
  return createHmac('sha256', appSecretKeyMaterial).update('grove/trial-token/v1').digest('base64url');
}

function assertSecret(secret: string): void {
  if (typeof secret !== 'string' || secret.length < MIN_TRIAL_TOKEN_SECRET_LENGTH) {
    throw new Error(`The trial token secret must be at least ${MIN_TRIAL_TOKEN_SECRET_LENGTH} characters`);
  }
}

function mac(secret: string, appId: string, versionId: string, expires: number): string {
  return createHmac('sha256', secret)
    .update(`grove-trial\n${appId}\n${versionId}\n${expires}`)
    .digest('base64url');
}

export function signTrialToken(params: {
  appId: string;
  versionId: string;
  expiresAt: Date;
  secret: string;
}): string {
  assertSecret(params.secret);
  const expires = Math.floor(params.expiresAt.getTime() / 1000);
  const token = `${params.versionId}.${expires}.${mac(params.secret, params.appId, params.versionId, expires)}`;
  if (!TOKEN.test(token)) throw new Error(`A trial token cannot carry the version id '${params.versionId}'`);
  return token;
}

/** Checks a token for `appId`; never throws on bad input (the caller maps the problem to its error code). */
export function verifyTrialToken(
  token: unknown,
  options: { appId: string; secret: string; now?: Date },
): TrialTokenCheck {
  assertSecret(options.secret);
  if (typeof token !== 'string' || !TOKEN.test(token)) return { ok: false, problem: 'malformed' };
  const [versionId, expiresText, signature] = token.split('.');
  const expires = Number(expiresText);
  const expected = Buffer.from(mac(options.secret, options.appId, versionId, expires));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, problem: 'bad_signature' };
  if (expires * 1000 < (options.now ?? new Date()).getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, versionId, expiresAt: new Date(expires * 1000) };
}

export function trialDeepLink(appId: string, token: string): string {
  return `${TRIAL_DEEP_LINK_BASE}${appId}?trial=${encodeURIComponent(token)}`;
}
