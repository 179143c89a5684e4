import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

/** A throw-away identity provider for tests: fresh keys per call, never written anywhere but temp files. */
export interface TestIssuer {
  issuer: string;
  audience: string;
  publicKeyPem: string;
  jwks: { keys: Record<string, unknown>[] };
  sign(
    claims: JWTPayload,
    options?: { expiresIn?: string | number; issuer?: string; audience?: string; subject?: string | null },
  ): Promise<string>;
}

export async function createTestIssuer(
  issuer = 'https://idp.test.invalid',
  audience = 'project-ledger',
): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key-1', alg: 'ES256', use: 'sig' };
  return {
    issuer,
    audience,
    publicKeyPem: await exportSPKI(publicKey),
    jwks: { keys: [jwk] },
    async sign(claims, options = {}) {
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'test-key-1' })
        .setIssuedAt()
        .setIssuer(options.issuer ?? issuer)
        .setAudience(options.audience ?? audience)
        .setExpirationTime(options.expiresIn ?? '5m');
      if (options.subject !== null) jwt.setSubject(options.subject ?? 'svc-finance');
      return jwt.sign(privateKey);
    },
  };
}
