import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ROLES, type Principal, type Role } from '../auth/roles';
import type { JwtConfig } from './security.config';

export const JWT_VERIFIER = Symbol('JWT_VERIFIER');

/** Asymmetric algorithms only: an HS* or `none` token could be forged from public material. */
const ALGORITHMS_BY_KEY_TYPE: Record<string, string[]> = {
  rsa: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'],
  'rsa-pss': ['PS256', 'PS384', 'PS512'],
  ec: ['ES256', 'ES384', 'ES512'],
  ed25519: ['EdDSA', 'Ed25519'],
};
const ALL_ALGORITHMS = [...new Set(Object.values(ALGORITHMS_BY_KEY_TYPE).flat())];
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
/** Most privileged first, so `Principal.role` (shown in logs) names the strongest role the token holds. */
const ROLE_PRECEDENCE: Role[] = ['admin', 'auditor', 'publisher', 'reader'];

export type JwtOutcome = { ok: true; principal: Principal } | { ok: false; reason: string };

/**
 * Verifies bearer JWTs from the organisation's identity provider: signature (from a JWKS file or one PEM key),
 * `iss`, `aud`, `exp`/`nbf` (30 s leeway) and a `sub`. Roles come from a `roles` claim (array or string) or
 * from `scope`/`scp` entries named `<role>` or `ledger:<role>`; unknown names are ignored.
 */
export class JwtVerifier {
  private constructor(
    private readonly config: JwtConfig,
    private readonly key: KeyObject | JWTVerifyGetKey,
    private readonly algorithms: string[],
  ) {}

  static fromConfig(config: JwtConfig): JwtVerifier {
    if (config.publicKey) {
      const key = createPublicKey(config.publicKey);
      const algorithms = ALGORITHMS_BY_KEY_TYPE[key.asymmetricKeyType ?? ''];
      if (!algorithms) throw new Error(`JWT_PUBLIC_KEY: unsupported key type ${key.asymmetricKeyType}`);
      return new JwtVerifier(config, key, algorithms);
    }
    if (!config.jwksFile) throw new Error('JWT_JWKS_FILE or JWT_PUBLIC_KEY is required');
    const jwks = JSON.parse(readFileSync(config.jwksFile, 'utf8')) as Parameters<typeof createLocalJWKSet>[0];
    return new JwtVerifier(config, createLocalJWKSet(jwks), ALL_ALGORITHMS);
  }

  /** Whether a bearer credential has the shape of a JWT (so it is worth verifying as one). */
  static looksLikeJwt(token: string): boolean {
    return COMPACT_JWS.test(token);
  }

  async verify(token: string): Promise<JwtOutcome> {
    let payload: JWTPayload;
    try {
      const options = {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: this.algorithms,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: 30,
      };
      // jwtVerify is overloaded on the key kind; both branches take the same options.
      payload =
        typeof this.key === 'function'
          ? (await jwtVerify(token, this.key, options)).payload
          : (await jwtVerify(token, this.key, options)).payload;
    } catch (error) {
      return { ok: false, reason: error instanceof errors.JOSEError ? error.code : 'ERR_JWT_INVALID' };
    }
    const roles = rolesOf(payload);
    if (roles.length === 0) return { ok: false, reason: 'ERR_JWT_NO_ROLE' };
    if (typeof payload.sub !== 'string' || !/^[\x21-\x7e]{1,256}$/.test(payload.sub))
      return { ok: false, reason: 'ERR_JWT_BAD_SUBJECT' };
    const role = ROLE_PRECEDENCE.find((candidate) => roles.includes(candidate))!;
    return { ok: true, principal: { actor: `jwt:${payload.iss}:${payload.sub}`, role, roles } };
  }
}

function rolesOf(payload: JWTPayload): Role[] {
  const names: unknown[] = [];
  const { roles, scope, scp } = payload as { roles?: unknown; scope?: unknown; scp?: unknown };
  if (Array.isArray(roles)) names.push(...roles);
  else if (typeof roles === 'string') names.push(...roles.split(/[\s,]+/));
  if (typeof scope === 'string') names.push(...scope.split(' '));
  if (Array.isArray(scp)) names.push(...scp);
  const found = new Set<Role>();
  for (const name of names) {
    if (typeof name !== 'string') continue;
    const bare = name.startsWith('ledger:') ? name.slice('ledger:'.length) : name;
    if ((ROLES as readonly string[]).includes(bare)) found.add(bare as Role);
  }
  return [...found];
}
