import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { problem } from './problem.catalogue';
import { PROBLEM_CONTENT_TYPE } from './problem.exception';
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
        problem(
          'REQUEST.UNSUPPORTED_MEDIA_TYPE',
          `Send the body as application/json (got ${req.headers['content-type'] ?? 'no content type'}).`,
        ),
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
      exception = problem('REQUEST.MALFORMED_JSON', 'The request body is not valid JSON.');
    } else if (typed.type === 'entity.too.large') {
      exception = problem('REQUEST.TOO_LARGE', `Bodies are limited to ${MAX_BODY_BYTES} bytes.`);
    } else if (typed.type === 'encoding.unsupported' || typed.type === 'charset.unsupported') {
      exception = problem('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Only UTF-8 JSON bodies are accepted.');
    } else if (typed.status === 400 && typed.type) {
      exception = problem('REQUEST.INVALID', 'The request body could not be read.');
    }
    const rendered = toProblem(exception);
    for (const [name, value] of Object.entries(rendered.headers)) res.setHeader(name, value);
    res
      .status(rendered.problem.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify({ ...rendered.problem, instance: req.originalUrl }));
  };
}
