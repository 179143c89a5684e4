import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { acceptCorrelationId, withRequestContext } from './request-context';

/**
 * Gives every request a correlation id (the caller's X-Correlation-Id, or a new one), echoes it, and logs
 * one line when the response is sent. Everything the request does runs inside that context.
 */
export function httpLogging(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const correlationId = acceptCorrelationId(req.headers['x-correlation-id']);
    const started = process.hrtime.bigint();
    res.setHeader('X-Correlation-Id', correlationId);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        {
          correlationId,
          method: req.method,
          path: req.originalUrl,
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
        },
        'request',
      );
    });
    withRequestContext({ correlationId }, () => next());
  };
}
