import type { DynamicModule, Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { FixedWindowThrottlerStorage } from './fixed-window.throttler-storage';
import { RateLimitGuard, rateLimitOptions } from './rate-limit.guard';
import { StrictQueryGuard } from './strict-query.guard';
import { JWT_VERIFIER, JwtVerifier } from './jwt.verifier';
import type { SecurityConfig } from './security.config';

/** Modules the security controls need in PlatformModule. */
export function securityImports(config: SecurityConfig): DynamicModule[] {
  return [
    ThrottlerModule.forRoot({ ...rateLimitOptions(config), storage: new FixedWindowThrottlerStorage() }),
  ];
}

/** Registered before AuthGuard: floods and key guessing are limited before any key is checked. */
export const rateLimitGuardProvider: Provider = { provide: APP_GUARD, useClass: RateLimitGuard };

/** Registered after AuthGuard: an anonymous caller learns nothing about a route's parameters. */
export function securityProviders(config: SecurityConfig): Provider[] {
  return [
    { provide: APP_GUARD, useClass: StrictQueryGuard },
    { provide: JWT_VERIFIER, useFactory: () => (config.jwt ? JwtVerifier.fromConfig(config.jwt) : null) },
  ];
}
