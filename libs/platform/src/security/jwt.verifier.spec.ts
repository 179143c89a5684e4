import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtVerifier } from './jwt.verifier';
import { createTestIssuer, type TestIssuer } from './testing/jwt-issuer.fixture';

describe('JwtVerifier', () => {
  let idp: TestIssuer;
  let verifier: JwtVerifier;
  beforeAll(async () => {
    idp = await createTestIssuer();
    verifier = JwtVerifier.fromConfig({
      issuer: idp.issuer,
      audience: idp.audience,
      publicKey: idp.publicKeyPem,
    });
  });

  it('accepts a signed token and names the actor jwt:<iss>:<sub>', async () => {
    const outcome = await verifier.verify(await idp.sign({ roles: ['publisher'] }));
    expect(outcome).toEqual({
      ok: true,
      principal: { actor: `jwt:${idp.issuer}:svc-finance`, role: 'publisher', roles: ['publisher'] },
    });
  });

  it('maps roles from a roles claim, a scope string or an scp array; unknown names are ignored', async () => {
    const rolesOf = async (claims: Record<string, unknown>) => {
      const outcome = await verifier.verify(await idp.sign(claims));
      return outcome.ok ? [...outcome.principal.roles!].sort() : outcome.reason;
    };
    expect(await rolesOf({ roles: 'reader auditor' })).toEqual(['auditor', 'reader']);
    expect(await rolesOf({ scope: 'openid ledger:publisher ledger:reader' })).toEqual([
      'publisher',
      'reader',
    ]);
    expect(await rolesOf({ scp: ['auditor', 'superuser'] })).toEqual(['auditor']);
    expect(await rolesOf({ roles: ['root', 'owner'] })).toBe('ERR_JWT_NO_ROLE');
  });

  it('the strongest role names the principal', async () => {
    const outcome = await verifier.verify(await idp.sign({ roles: ['reader', 'admin'] }));
    expect(outcome.ok && outcome.principal.role).toBe('admin');
  });

  it.each([
    ['another issuer', { issuer: 'https://evil.test.invalid' }, 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
    ['another audience', { audience: 'someone-else' }, 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
    ['an expired token', { expiresIn: Math.floor(Date.now() / 1000) - 120 }, 'ERR_JWT_EXPIRED'],
    ['no subject', { subject: null }, 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
  ])('rejects %s', async (_name, options, reason) => {
    expect(await verifier.verify(await idp.sign({ roles: ['admin'] }, options))).toEqual({
      ok: false,
      reason,
    });
  });

  it('rejects a token signed by another key, an unsigned token and an HMAC token keyed with the public key', async () => {
    const other = await generateKeyPair('ES256');
    const forged = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(idp.issuer)
      .setAudience(idp.audience)
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(other.privateKey);
    const unsigned = new UnsecuredJWT({ roles: ['admin'] })
      .setIssuer(idp.issuer)
      .setAudience(idp.audience)
      .setSubject('x')
      .setExpirationTime('5m')
      .encode();
    const confused = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(idp.issuer)
      .setAudience(idp.audience)
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(idp.publicKeyPem));
    for (const token of [forged, unsigned, confused, 'a.b.c'])
      expect((await verifier.verify(token)).ok).toBe(false);
  });

  it('verifies against a JWKS file, and rejects a kid it does not hold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-jwks-'));
    try {
      const file = join(dir, 'jwks.json');
      writeFileSync(file, JSON.stringify(idp.jwks));
      const fromJwks = JwtVerifier.fromConfig({ issuer: idp.issuer, audience: idp.audience, jwksFile: file });
      expect((await fromJwks.verify(await idp.sign({ roles: ['reader'] }))).ok).toBe(true);
      const stranger = await createTestIssuer(idp.issuer, idp.audience);
      const token = await stranger.sign({ roles: ['reader'] });
      expect(await fromJwks.verify(token)).toEqual({
        ok: false,
        reason: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('only compact JWS shapes are tried as tokens', () => {
    expect(JwtVerifier.looksLikeJwt('eyJh.eyJz.c2ln')).toBe(true);
    expect(JwtVerifier.looksLikeJwt('publisher-dev-key')).toBe(false);
    expect(JwtVerifier.looksLikeJwt('a.b.c.d')).toBe(false);
  });
});
