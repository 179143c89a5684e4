import type { FieldError, RejectionCode } from '@ledger/domain';
import type { CommandResult } from './command-result';

/** Codes a command can be refused with besides the domain's own: checks made outside `decide`. */
export type CommandRefusalCode = RejectionCode | 'PROJECT.PRIMA_ID_TAKEN' | 'CORRECTION.TARGET_MISMATCH';

/**
 * What became of one command, as a value every caller reads the same way: HTTP turns it into a status and
 * problem+json, AMQP into its reply, the IATI import into its summary, metrics into a label.
 */
export type CommandOutcome =
  /** Its events were appended now. */
  | { kind: 'accepted'; result: CommandResult }
  /** Its events were already in the stream (same command id): nothing was written. */
  | { kind: 'replayed'; result: CommandResult }
  /** The input breaks field rules; every problem at once. */
  | { kind: 'invalid'; errors: FieldError[] }
  /** The project it names does not exist. */
  | { kind: 'not-found'; projectId: string; message: string }
  /** A rule refuses it in the project's current state. */
  | { kind: 'rejected'; code: Exclude<CommandRefusalCode, 'PROJECT.NOT_FOUND'>; message: string }
  /** The caller's expected revision (If-Match) is not the project's. */
  | { kind: 'stale'; projectId: string; expectedRevision: number; currentRevision: number }
  /** The project kept changing under the command, retry after retry. */
  | { kind: 'conflict'; projectId: string };

export type CommandOutcomeKind = CommandOutcome['kind'];

/** A refusal found before deciding (not-found or rejected), shaped like the outcome it becomes. */
export type CommandRefusal = Extract<CommandOutcome, { kind: 'not-found' | 'rejected' }>;

/** The metric label of an outcome; the labels predate the outcome value, so replays count as accepted. */
export function metricLabelOf(outcome: CommandOutcome): string {
  switch (outcome.kind) {
    case 'accepted':
    case 'replayed':
      return 'accepted';
    case 'invalid':
      return 'invalid';
    case 'stale':
    case 'conflict':
      return 'conflict';
    case 'not-found':
    case 'rejected':
      return 'rejected';
  }
}
