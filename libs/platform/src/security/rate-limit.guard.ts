import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import type { FastifyRequest as Request } from 'fastify';

import { HealthController } from '../health/health.controller';
import { MetricsController } from '../metrics/metrics.controller';
import {
  DEFAULT_RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  type SecurityConfig,
} from './security.config';
import { problem } from '../problem/problem.catalogue';

const MINUTE_MS = 60_000;
/** Probes and scrapers poll on a schedule; throttling them would turn load into false "down" alerts. */
const EXEMPT_CONTROLLERS: unknown[] = [HealthController, MetricsController];

const bearerOf = (request: Request): string | null =>
  /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ?? null;

/** A digest, not the credential: the limiter's memory must not become a second copy of the keys. */
const credentialTracker = (request: Record<string, unknown>): string =>
  createHash('sha256')
    .update(bearerOf(request as unknown as Request) ?? '')
    .digest('hex')
    .slice(0, 32);

/**
 * Two fixed windows of one minute (O(1) storage: FixedWindowThrottlerStorage): per credential (API key or token, across every route) and per client
 * address (every request, so guessing keys or rotating made-up keys is still bounded).
 */
export function rateLimitOptions(config: SecurityConfig): ThrottlerModuleOptions {
  return {
    throttlers: [
      {
        name: 'key',
        ttl: MINUTE_MS,
        limit: config.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
        getTracker: credentialTracker,
        skipIf: (context) => bearerOf(context.switchToHttp().getRequest<Request>()) === null,
      },
      {
        name: 'address',
        ttl: MINUTE_MS,
        limit: config.rateLimitPerAddressPerMinute ?? DEFAULT_RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
        getTracker: (request) =>
          String((request as unknown as Request).ip ?? (request as unknown as Request).socket?.remoteAddress),
      },
    ],
    // One budget per tracker across all routes (the default key is per route).
    generateKey: (_context, tracker, name) => `${name}:${tracker}`,
  };
}

/** @nestjs/throttler with our exemptions and a problem+json 429 carrying Retry-After (seconds). */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return context.getType() !== 'http' || EXEMPT_CONTROLLERS.includes(context.getClass());
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    throw problem(
      'REQUEST.RATE_LIMITED',
      `At most ${detail.limit} requests per minute; retry after ${retryAfter} s.`,
      { headers: { 'Retry-After': String(retryAfter) } },
    );
  }
}
