import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bodyReadProblem } from './json-body.parser';
import { PROBLEMS, type ProblemCode } from './problem.catalogue';
import { PROBLEM_CONTENT_TYPE, Problem, ProblemException, problemType } from './problem.exception';

/** The code an error Nest or Fastify raised itself (no ProblemException) is reported with, by status. */
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
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    if (toProblem(exception).problem.status >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (reply.sent || reply.raw.headersSent) return;
    sendProblem(reply, exception, request.originalUrl);
  }
}

/** Answers with the problem for `exception`; `instance` is the request's URL unless the problem names one. */
export function sendProblem(reply: FastifyReply, exception: unknown, instance: string): void {
  const { problem, headers } = toProblem(exception);
  reply
    .headers(headers)
    .status(problem.status)
    .type(`${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
    .send(JSON.stringify({ ...problem, instance: problem.instance ?? instance }));
}

export function toProblem(exception: unknown): { problem: Problem; headers: Record<string, string> } {
  const bodyProblem = bodyReadProblem(exception);
  if (bodyProblem) return toProblem(bodyProblem);
  if (exception instanceof ProblemException)
    return { problem: exception.problem, headers: exception.headers };
  const status = clientErrorStatus(exception);
  if (status !== undefined) {
    const code = CODES_BY_STATUS[status];
    const known = code
      ? { code, title: PROBLEMS[code].title }
      : { code: `HTTP.${status}`, title: (exception as Error).message };
    const detail = (exception as Error).message;
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

/**
 * The 4xx status of an error Nest (HttpException) or Fastify and its plugins (a `statusCode`, e.g. a
 * static file it refuses to send) raised for a bad request. Anything else is our failure: a 500.
 */
function clientErrorStatus(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  return exception instanceof Error && typeof status === 'number' && status >= 400 && status < 500
    ? status
    : undefined;
}
