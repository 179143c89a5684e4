import { refusalOf, type RefusedOutcome } from '@ledger/commands';
import { problem, type ProblemException } from '@ledger/platform';

/**
 * The one translation of a refused command into problem+json, for HTTP and the AMQP reply alike: status
 * and title from the problem catalogue, code and sentence from the outcome.
 */
export function outcomeProblem(outcome: RefusedOutcome): ProblemException {
  const { code, detail, ...extra } = refusalOf(outcome);
  return problem(code, detail, extra);
}
