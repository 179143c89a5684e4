import { z } from 'zod';

const perMinute = z.coerce.number().int().min(1).max(1_000_000);
const optionalText = z.string().min(1).optional();

/** Environment variables of the security controls; merged into the app's one config schema. */
export const securityEnvSchema = {
  RATE_LIMIT_PER_MINUTE: perMinute.default(600),
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE: perMinute.default(1200),
  CORS_ORIGINS: optionalText,
  JWT_ISSUER: optionalText,
  JWT_AUDIENCE: optionalText,
  JWT_JWKS_FILE: optionalText,
  JWT_PUBLIC_KEY: optionalText,
};

type SecurityEnv = z.output<z.ZodObject<typeof securityEnvSchema>>;

export interface JwtConfig {
  issuer: string;
  audience: string;
  /** A JSON Web Key Set file (`{"keys":[…]}`), for keys rotated by the identity provider. */
  jwksFile?: string;
  /** One PEM (SPKI) public key, for a single fixed signing key. */
  publicKey?: string;
}

/** Optional everywhere so code (and tests) that build an AppConfig by hand keep the defaults. */
export interface SecurityConfig {
  /** Requests per minute per credential (API key or token), across all routes. */
  rateLimitPerMinute?: number;
  /** Requests per minute per client address, authenticated or not. */
  rateLimitPerAddressPerMinute?: number;
  /** Origins allowed to call from a browser; CORS stays off when empty. */
  corsOrigins?: string[];
  /** Accept JWT bearer tokens beside API keys when set. */
  jwt?: JwtConfig;
}

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
export const DEFAULT_RATE_LIMIT_PER_ADDRESS_PER_MINUTE = 1200;

export function securityConfigProblems(env: SecurityEnv): string[] {
  const problems: string[] = [];
  for (const origin of splitList(env.CORS_ORIGINS)) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      problems.push(`CORS_ORIGINS: ${JSON.stringify(origin)} is not an origin like https://app.example.org`);
  }
  const jwtVariables = [env.JWT_ISSUER, env.JWT_AUDIENCE, env.JWT_JWKS_FILE, env.JWT_PUBLIC_KEY];
  if (jwtVariables.every((value) => value === undefined)) return problems;
  if (!env.JWT_ISSUER) problems.push('JWT_ISSUER: required when JWT bearer tokens are configured');
  if (!env.JWT_AUDIENCE) problems.push('JWT_AUDIENCE: required when JWT bearer tokens are configured');
  if (!env.JWT_JWKS_FILE === !env.JWT_PUBLIC_KEY)
    problems.push('JWT_JWKS_FILE or JWT_PUBLIC_KEY: set exactly one');
  if (env.JWT_PUBLIC_KEY && !env.JWT_PUBLIC_KEY.includes('BEGIN PUBLIC KEY')) {
    problems.push('JWT_PUBLIC_KEY: expected a PEM public key (-----BEGIN PUBLIC KEY-----)');
  }
  return problems;
}

export function securityConfigFrom(env: SecurityEnv): SecurityConfig {
  return {
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    rateLimitPerAddressPerMinute: env.RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
    corsOrigins: splitList(env.CORS_ORIGINS),
    jwt:
      env.JWT_ISSUER && env.JWT_AUDIENCE
        ? {
            issuer: env.JWT_ISSUER,
            audience: env.JWT_AUDIENCE,
            jwksFile: env.JWT_JWKS_FILE,
            publicKey: env.JWT_PUBLIC_KEY?.replace(/\\n/g, '\n'),
          }
        : undefined,
  };
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
