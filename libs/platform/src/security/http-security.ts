import type { INestApplication } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { SecurityConfig } from './security.config';

/** Headers browsers may send and read across origins, when CORS is configured at all. */
const CORS_REQUEST_HEADERS = [
  'Authorization',
  'Content-Type',
  'If-Match',
  'Idempotency-Key',
  'X-Correlation-Id',
];
const CORS_EXPOSED_HEADERS = ['ETag', 'Location', 'Retry-After', 'X-Correlation-Id', 'Idempotent-Replayed'];

/**
 * Security headers on every response (helmet's defaults: nosniff, frame denial, HSTS, a same-origin CSP…),
 * set on the Node response when a request arrives so that every response carries them, streamed ones and
 * early errors included. A route may replace one (the console's CSP).
 */
export function securityHeaders(): (request: FastifyRequest, reply: FastifyReply) => void {
  const setHeaders = helmet();
  return (request, reply) => setHeaders(request.raw, reply.raw, () => undefined);
}

/**
 * CORS only for the configured origins. Without CORS_ORIGINS no Access-Control-* header is ever sent,
 * so browsers on other origins cannot read responses.
 */
export function applyCors(app: INestApplication, config: SecurityConfig): void {
  const origins = config.corsOrigins ?? [];
  if (origins.length > 0) {
    app.enableCors({
      origin: origins,
      methods: ['GET', 'POST'],
      allowedHeaders: CORS_REQUEST_HEADERS,
      exposedHeaders: CORS_EXPOSED_HEADERS,
      maxAge: 600,
    });
  }
}
