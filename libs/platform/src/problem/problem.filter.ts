import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PROBLEMS, type ProblemCode } from './problem.catalogue';
import { PROBLEM_CONTENT_TYPE, Problem, ProblemException, problemType } from './problem.exception';

/** The code an error Nest or Express raised itself (no ProblemException) is reported with, by status. */
const CODES_BY_STATUS: Record<number, ProblemCode> = {
  400: 'REQUEST.INVALID',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'ROUTE.NOT_FOUND',
  405: 'ROUTE.METHOD_NOT_ALLOWED',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  429: 'REQUEST.RATE_LIMITED',
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
    const code = CODES_BY_STATUS[status];
    const known = code
      ? { code, title: PROBLEMS[code].title }
      : { code: `HTTP.${status}`, title: exception.message };
    const detail = exception.message;
    return {
      problem: { type: problemType(known.code), title: known.title, status, code: known.code, detail },
      headers: {},
    };
  }
  return {
    problem: {
      type: problemType('INTERNAL'),
      title: PROBLEMS.INTERNAL.title,
      status: PROBLEMS.INTERNAL.status,
      code: 'INTERNAL',
      detail: 'An unexpected error occurred.',
    },
    headers: {},
  };
}
