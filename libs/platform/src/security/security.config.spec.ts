import { ConfigError, loadConfig } from '../config/app-config';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('security settings in the app config', () => {
  it('defaults: rate limits on, CORS off, no JWT', () => {
    expect(loadConfig({})).toMatchObject({
      rateLimitPerMinute: 600,
      rateLimitPerAddressPerMinute: 1200,
      corsOrigins: [],
      jwt: undefined,
    });
  });

  it('reads limits, origins and JWT settings', () => {
    const config = loadConfig({
      RATE_LIMIT_PER_MINUTE: '30',
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '90',
      CORS_ORIGINS: 'https://dashboard.example.org, http://localhost:4200',
      JWT_ISSUER: 'https://idp.example.org',
      JWT_AUDIENCE: 'project-ledger',
      JWT_JWKS_FILE: '/etc/ledger/jwks.json',
    });
    expect(config).toMatchObject({
      rateLimitPerMinute: 30,
      rateLimitPerAddressPerMinute: 90,
      corsOrigins: ['https://dashboard.example.org', 'http://localhost:4200'],
      jwt: {
        issuer: 'https://idp.example.org',
        audience: 'project-ledger',
        jwksFile: '/etc/ledger/jwks.json',
      },
    });
  });

  it('a bad value stops start-up naming the variable', () => {
    expect(problemsOf({ RATE_LIMIT_PER_MINUTE: 'lots' })[0]).toMatch(/^RATE_LIMIT_PER_MINUTE:/);
    expect(problemsOf({ RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '0' })[0]).toMatch(
      /^RATE_LIMIT_PER_ADDRESS_PER_MINUTE:/,
    );
    expect(problemsOf({ CORS_ORIGINS: '*' })[0]).toMatch(/^CORS_ORIGINS:/);
    expect(problemsOf({ CORS_ORIGINS: 'https://ok.example.org/path' })[0]).toMatch(/^CORS_ORIGINS:/);
  });

  it('JWT settings must be complete: issuer, audience and exactly one key source', () => {
    expect(problemsOf({ JWT_ISSUER: 'https://idp.example.org', JWT_JWKS_FILE: '/x' })).toEqual([
      expect.stringMatching(/^JWT_AUDIENCE:/),
    ]);
    expect(problemsOf({ JWT_ISSUER: 'https://idp.example.org', JWT_AUDIENCE: 'a' })).toEqual([
      expect.stringMatching(/^JWT_JWKS_FILE or JWT_PUBLIC_KEY:/),
    ]);
    expect(problemsOf({ JWT_AUDIENCE: 'a', JWT_PUBLIC_KEY: 'not a pem', JWT_JWKS_FILE: '/x' })).toHaveLength(
      3,
    );
  });
});
