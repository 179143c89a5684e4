import { ProblemException, type ProblemInit } from './problem.exception';

interface ProblemKind {
  status: number;
  title: string;
}

/** A project rule refused the command in the project's current state. */
const rule = (words: string): ProblemKind => ({ status: 409, title: `Project rule violated: ${words}` });

/**
 * Every stable problem code the apps send, with its one status and title. A code used anywhere must be
 * listed here: `problem()` accepts no other, and lint forbids building a ProblemException by hand.
 */
export const PROBLEMS = {
  'VALIDATION.FAILED': { status: 400, title: 'The command is not valid' },
  'REQUEST.INVALID': { status: 400, title: 'Bad request' },
  'REQUEST.MALFORMED_JSON': { status: 400, title: 'Malformed JSON' },
  'REQUEST.INVALID_HEADER': { status: 400, title: 'Invalid request header' },
  'REQUEST.TOO_DEEP': { status: 400, title: 'JSON nested too deeply' },
  'REQUEST.TOO_LARGE': { status: 413, title: 'Payload too large' },
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': { status: 415, title: 'Unsupported media type' },
  'REQUEST.RATE_LIMITED': { status: 429, title: 'Too many requests' },
  'QUERY.INVALID_PARAMETER': { status: 400, title: 'Invalid query parameter' },
  'AUTH.UNAUTHENTICATED': { status: 401, title: 'Unauthenticated' },
  'AUTH.FORBIDDEN': { status: 403, title: 'Forbidden' },
  'IDEMPOTENCY.KEY_REUSED': { status: 422, title: 'Idempotency key reused' },
  'PROJECT.NOT_FOUND': { status: 404, title: 'Project not found' },
  'PROJECT.NOT_FOUND_AS_OF': { status: 404, title: 'Project not known at that point' },
  'PROJECT.REVISION_MISMATCH': { status: 412, title: 'The project has changed' },
  'PROJECT.CONCURRENCY_CONFLICT': { status: 409, title: 'Too many concurrent changes' },
  'PROJECT.PRIMA_ID_TAKEN': { status: 409, title: 'Prima ID already in use' },
  'PROJECT.ALREADY_EXISTS': rule('already exists'),
  'PROJECT.NOT_PLANNED': rule('not planned'),
  'PROJECT.NOT_ACTIVE': rule('not active'),
  'PROJECT.NOT_SUSPENDED': rule('not suspended'),
  'PROJECT.TERMINAL': rule('terminal'),
  'PROJECT.START_IN_FUTURE': rule('start in future'),
  'PROJECT.END_IN_FUTURE': rule('end in future'),
  'PROJECT.END_BEFORE_START': rule('end before start'),
  'PROJECT.BUDGET_UNCHANGED': rule('budget unchanged'),
  'PROJECT.CURRENCY_MISMATCH': rule('currency mismatch'),
  'PROJECT.EXTENSION_NOT_LATER': rule('extension not later'),
  'PROJECT.CORRECTION_UNCHANGED': rule('correction unchanged'),
  'PROJECT.CORRECTION_INVALID': rule('correction invalid'),
  'PROJECT.ORG_NOT_FOUND': rule('no such participating organisation'),
  'PROJECT.ORG_DUPLICATE': rule('participating organisation listed twice'),
  'PROJECT.ORG_UNCHANGED': rule('participating organisation unchanged'),
  'PROJECT.PROFILE_UNCHANGED': rule('unchanged'),
  'PROJECT.TRANSACTION_IN_FUTURE': rule('transaction in future'),
  'PROJECT.TRANSACTION_REF_TAKEN': rule('transaction ref taken'),
  'PROJECT.TRANSACTION_NOT_FOUND': rule('no such transaction'),
  'PROJECT.TRANSACTION_ALREADY_REVERSED': rule('transaction already reversed'),
  'PROJECT.REVERSAL_BEFORE_TRANSACTION': rule('reversal before transaction'),
  'PROJECT.CLOSING_WINDOW_PASSED': rule('closing window passed'),
  'CORRECTION.TARGET_MISMATCH': { status: 409, title: 'The correction does not fit the event it names' },
  'PROJECTION.BEHIND': { status: 503, title: 'Read model not yet up to date' },
  'HEALTH.NOT_READY': { status: 503, title: 'Not ready' },
  'ROUTE.NOT_FOUND': { status: 404, title: 'Not found' },
  'CONSOLE.NOT_BUILT': { status: 404, title: 'Console not built' },
  'CONSOLE.NOT_FOUND': { status: 404, title: 'Not found' },
  'ROUTE.METHOD_NOT_ALLOWED': { status: 405, title: 'Method not allowed' },
  /** An unexpected error over HTTP (nothing internal is shown)… */
  INTERNAL: { status: 500, title: 'Internal error' },
  /** …and over AMQP, where the reply has carried this code from the start. */
  'INTERNAL.ERROR': { status: 500, title: 'Internal error' },
} as const satisfies Record<string, ProblemKind>;

export type ProblemCode = keyof typeof PROBLEMS;

/** A problem of a catalogued code: its status and title come from the catalogue, the rest from the caller. */
export function problem(
  code: ProblemCode,
  detail: string,
  extra: Omit<ProblemInit, 'code' | 'status' | 'title' | 'detail'> = {},
): ProblemException {
  const { status, title } = PROBLEMS[code];
  return new ProblemException({ status, code, title, detail, ...extra });
}
