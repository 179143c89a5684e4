import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, Problem, ProblemException, problemType } from './problem.exception';

const CODES_BY_STATUS: Record<number, { code: string; title: string }> = {
  400: { code: 'REQUEST.INVALID', title: 'Bad request' },
  401: { code: 'AUTH.UNAUTHENTICATED', title: 'Unauthenticated' },
  403: { code: 'AUTH.FORBIDDEN', title: 'Forbidden' },
  404: { code: 'ROUTE.NOT_FOUND', title: 'Not found' },
  405: { code: 'ROUTE.METHOD_NOT_ALLOWED', title: 'Method not allowed' },
  413: { code: 'REQUEST.TOO_LARGE', title: 'Payload too large' },
  415: { code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE', title: 'Unsupported media type' },
  429: { code: 'REQUEST.RATE_LIMITED', title: 'Too many requests' },
};

/** Renders every error as RFC 9457 problem+json; unexpected errors become a 500 without internals. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<Request>();
    const response = ctx.getResponse<Response>();
    const { problem, headers } = toProblem(exception);
    if (problem.status >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response
      .status(problem.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify({ ...problem, instance: problem.instance ?? request.originalUrl }));
  }
}

export function toProblem(exception: unknown): { problem: Problem; headers: Record<string, string> } {
  if (exception instanceof ProblemException)
    return { problem: exception.problem, headers: exception.headers };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const known = CODES_BY_STATUS[status] ?? { code: `HTTP.${status}`, title: exception.message };
    const detail = exception.message;
    return {
      problem: { type: problemType(known.code), title: known.title, status, code: known.code, detail },
      headers: {},
    };
  }
  return {
    problem: {
      type: problemType('INTERNAL'),
      title: 'Internal error',
      status: 500,
      code: 'INTERNAL',
      detail: 'An unexpected error occurred.',
    },
    headers: {},
  };
}
