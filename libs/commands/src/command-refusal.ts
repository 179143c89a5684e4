import type { FieldError } from '@ledger/domain';
import type { ProblemCode } from '@ledger/platform';
import type { CommandOutcome } from './command-outcome';

export type RefusedOutcome = Exclude<CommandOutcome, { kind: 'accepted' | 'replayed' }>;

/** A refused command in words: its stable code, a sentence, and the details a client may act on. */
export interface Refusal {
  code: ProblemCode;
  detail: string;
  errors?: FieldError[];
  currentRevision?: number;
}

export const isRefused = (outcome: CommandOutcome): outcome is RefusedOutcome =>
  outcome.kind !== 'accepted' && outcome.kind !== 'replayed';

/** The one wording of each refusal; HTTP, the AMQP reply and the IATI import summary all show it. */
export function refusalOf(outcome: RefusedOutcome): Refusal {
  switch (outcome.kind) {
    case 'invalid':
      return {
        code: 'VALIDATION.FAILED',
        detail: outcome.errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        errors: outcome.errors,
      };
    case 'not-found':
      return { code: 'PROJECT.NOT_FOUND', detail: outcome.message };
    case 'rejected':
      return { code: outcome.code, detail: outcome.message };
    case 'stale':
      return {
        code: 'PROJECT.REVISION_MISMATCH',
        detail: `Project ${outcome.projectId} is at revision ${outcome.currentRevision}, not ${outcome.expectedRevision}: read it again and retry.`,
        currentRevision: outcome.currentRevision,
      };
    case 'conflict':
      return {
        code: 'PROJECT.CONCURRENCY_CONFLICT',
        detail: `Project ${outcome.projectId} kept changing while this command was decided; retry it.`,
      };
  }
}
