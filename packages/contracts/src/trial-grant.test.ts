import { deriveTrialTokenSecret, signTrialToken, trialDeepLink, verifyTrialToken } from './trial-grant';

const SECRET = 'a-trial-token-secret-of-sufficient-length';

describe('trial grants', () => {
  const appId = 'mp0123456789abcdef';
  const versionId = '01JTRIALVERSION0000000000A';
  const expiresAt = new Date(Date.now() + 3600_000);

  it('verify what was signed for the same app, and nothing else', () => {
    const token = signTrialToken({ appId, versionId, expiresAt, secret: SECRET });
    expect(verifyTrialToken(token, { appId, secret: SECRET })).toEqual({
      ok: true,
      versionId,
      expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000),
    });
    expect(verifyTrialToken(token, { appId: 'mpfedcba9876543210', secret: SECRET })).toEqual({
      ok: false,
      problem: 'bad_signature',
    });
    expect(verifyTrialToken(token, { appId, secret: `${SECRET}-other` })).toEqual({
      ok: false,
      problem: 'bad_signature',
    });
    const [, expires, mac] = token.split('.');
    expect(
      verifyTrialToken(`01JOTHERVERSION00000000000.${expires}.${mac}`, { appId, secret: SECRET }),
    ).toEqual({ ok: false, problem: 'bad_signature' });
    expect(verifyTrialToken(`${versionId}.${Number(expires) + 1}.${mac}`, { appId, secret: SECRET })).toEqual(
      { ok: false, problem: 'bad_signature' },
    );
    expect(
      verifyTrialToken(token, { appId, secret: SECRET, now: new Date(expiresAt.getTime() + 1000) }),
    ).toEqual({ ok: false, problem: 'expired' });
    for (const bad of ['', 'x', `${token}x`, token.replace('.', '..'), 42, null]) {
      expect(verifyTrialToken(bad, { appId, secret: SECRET })).toEqual({ ok: false, problem: 'malformed' });
    }
  });

  it('deep links carry the app in the path and the grant in the query', () => {
    const token = signTrialToken({ appId, versionId, expiresAt, secret: SECRET });
    expect(trialDeepLink(appId, token)).toBe(`grove://applet/${appId}?trial=${token}`);
  });
});

describe('deriveTrialTokenSecret', () => {
  it('is stable, long enough, and differs from its input', () => {
    const key = 'x'.repeat(40);
    expect(deriveTrialTokenSecret(key)).toBe(deriveTrialTokenSecret(key));
    expect(deriveTrialTokenSecret(key).length).toBeGreaterThanOrEqual(32);
    expect(deriveTrialTokenSecret(key)).not.toBe(deriveTrialTokenSecret('y'.repeat(40)));
    expect(deriveTrialTokenSecret(key)).not.toContain(key);
  });
});
