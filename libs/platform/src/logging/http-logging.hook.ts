import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { acceptCorrelationId, withRequestContext } from './request-context';

const correlationIds = new WeakMap<FastifyRequest, string>();

/**
 * Gives every request a correlation id (the caller's X-Correlation-Id, or a new one), echoes it, and logs
 * one line when the response is sent. Runs first on each request (Fastify's onRequest), and writes the
 * header on the Node response so that streamed (SSE) and early error responses carry it too.
 */
export function startRequestLog(logger: Logger) {
  return (request: FastifyRequest, reply: FastifyReply): void => {
    const correlationId = acceptCorrelationId(request.headers['x-correlation-id']);
    correlationIds.set(request, correlationId);
    const started = process.hrtime.bigint();
    reply.raw.setHeader('X-Correlation-Id', correlationId);
    reply.raw.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        {
          correlationId,
          method: request.method,
          path: request.originalUrl,
          status: reply.raw.statusCode,
          ms: Math.round(ms * 10) / 10,
        },
        'request',
      );
    });
  };
}

/**
 * Everything a route handler does runs inside its request's context (correlation id in every log line
 * and event). Entered just before the handler, once the body has been read: Fastify reads bodies from
 * stream events, which do not carry an async context over.
 */
export function runHandlersInRequestContext(fastify: FastifyInstance): void {
  fastify.addHook('preHandler', (request, _reply, done) => {
    const correlationId =
      correlationIds.get(request) ?? acceptCorrelationId(request.headers['x-correlation-id']);
    withRequestContext({ correlationId }, () => done());
  });
}
