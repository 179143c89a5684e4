import type { FieldError, Rejection } from '@ledger/domain';
import { ProblemException } from '@ledger/platform';

export function validationProblem(errors: FieldError[]): ProblemException {
  return new ProblemException({
    status: 400,
    code: 'VALIDATION.FAILED',
    title: 'The command is not valid',
    detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    errors,
  });
}

/** Rule violations are conflicts with the project's current state (409); an unknown project is 404. */
export function rejectionProblem(rejection: Rejection): ProblemException {
  const status = rejection.code === 'PROJECT.NOT_FOUND' ? 404 : 409;
  return new ProblemException({
    status,
    code: rejection.code,
    title: titleOf(rejection.code),
    detail: rejection.message,
  });
}

export function revisionMismatchProblem(
  projectId: string,
  expected: number,
  actual: number,
): ProblemException {
  return new ProblemException({
    status: 412,
    code: 'PROJECT.REVISION_MISMATCH',
    title: 'The project has changed',
    detail: `Project ${projectId} is at revision ${actual}, not ${expected}: read it again and retry.`,
    currentRevision: actual,
  });
}

function titleOf(code: string): string {
  const words = code
    .replace(/^PROJECT\./, '')
    .toLowerCase()
    .replace(/_/g, ' ');
  return `Project rule violated: ${words}`;
}
