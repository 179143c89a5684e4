import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, ProblemException } from './problem.exception';
import { toProblem } from './problem.filter';

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Body handling for every JSON endpoint, installed instead of Nest's default parser so that each failure
 * has its own status and stable code: 415 wrong content type, 413 over 64 KB, 400 malformed JSON.
 */
export function jsonBodyParsing(): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    const hasBody =
      Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (['POST', 'PUT', 'PATCH'].includes(req.method) && hasBody && !req.is('application/json')) {
      return next(
        new ProblemException({
          status: 415,
          code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
          title: 'Unsupported media type',
          detail: `Send the body as application/json (got ${req.headers['content-type'] ?? 'no content type'}).`,
        }),
      );
    }
    next();
  };
  const parse = express.json({ limit: MAX_BODY_BYTES, strict: false, type: 'application/json' });
  return [requireJson, parse];
}

/** Turns body-parser failures (and anything thrown before routing) into problem+json. */
export function bodyParsingErrorHandler() {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const typed = error as { type?: string; status?: number };
    let exception: unknown = error;
    if (typed.type === 'entity.parse.failed') {
      exception = new ProblemException({
        status: 400,
        code: 'REQUEST.MALFORMED_JSON',
        title: 'Malformed JSON',
        detail: 'The request body is not valid JSON.',
      });
    } else if (typed.type === 'entity.too.large') {
      exception = new ProblemException({
        status: 413,
        code: 'REQUEST.TOO_LARGE',
        title: 'Payload too large',
        detail: `Bodies are limited to ${MAX_BODY_BYTES} bytes.`,
      });
    } else if (typed.type === 'encoding.unsupported' || typed.type === 'charset.unsupported') {
      exception = new ProblemException({
        status: 415,
        code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
        title: 'Unsupported media type',
        detail: 'Only UTF-8 JSON bodies are accepted.',
      });
    } else if (typed.status === 400 && typed.type) {
      exception = new ProblemException({
        status: 400,
        code: 'REQUEST.INVALID',
        title: 'Bad request',
        detail: 'The request body could not be read.',
      });
    }
    const { problem, headers } = toProblem(exception);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res
      .status(problem.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify({ ...problem, instance: req.originalUrl }));
  };
}
