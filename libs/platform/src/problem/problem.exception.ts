import { HttpException } from '@nestjs/common';

export interface ProblemFieldError {
  field: string;
  code: string;
  message: string;
}

/** RFC 9457 problem details, plus a stable machine-readable `code`. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: ProblemFieldError[];
  [extension: string]: unknown;
}

export interface ProblemInit {
  type?: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: ProblemFieldError[];
  /** Response headers to send with the problem (Retry-After, WWW-Authenticate). */
  headers?: Record<string, string>;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Thrown anywhere in the apps; the global filter renders it as application/problem+json. */
export class ProblemException extends HttpException {
  readonly problem: Problem;
  readonly headers: Record<string, string>;

  constructor(init: ProblemInit) {
    const { headers, ...rest } = init;
    const problem: Problem = { ...rest, type: rest.type ?? problemType(rest.code) };
    super(problem, problem.status);
    this.problem = problem;
    this.headers = headers ?? {};
  }
}

/** A dereferenceable-looking but stable type URI per code, documented in docs/errors.md. */
export function problemType(code: string): string {
  return `https://project-ledger.dev/problems/${code.toLowerCase().replace(/[._]/g, '-')}`;
}
