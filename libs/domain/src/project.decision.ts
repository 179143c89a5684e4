import type { ProjectEvent } from './project.events';

/**
 * Stable codes of rule violations. HTTP maps all of them to 409 except PROJECT.NOT_FOUND (404) and
 * PROJECT.ALREADY_EXISTS (409).
 */
export type RejectionCode =
  | 'PROJECT.NOT_FOUND'
  | 'PROJECT.ALREADY_EXISTS'
  | 'PROJECT.NOT_PLANNED'
  | 'PROJECT.NOT_ACTIVE'
  | 'PROJECT.NOT_SUSPENDED'
  | 'PROJECT.TERMINAL'
  | 'PROJECT.START_IN_FUTURE'
  | 'PROJECT.END_IN_FUTURE'
  | 'PROJECT.END_BEFORE_START'
  | 'PROJECT.BUDGET_UNCHANGED'
  | 'PROJECT.CURRENCY_MISMATCH'
  | 'PROJECT.EXTENSION_NOT_LATER'
  | 'PROJECT.CORRECTION_UNCHANGED'
  | 'PROJECT.CORRECTION_INVALID'
  | 'PROJECT.ORG_NOT_FOUND'
  | 'PROJECT.ORG_DUPLICATE'
  | 'PROJECT.ORG_UNCHANGED'
  | 'PROJECT.PROFILE_UNCHANGED'
  | 'PROJECT.TRANSACTION_IN_FUTURE'
  | 'PROJECT.TRANSACTION_REF_TAKEN'
  | 'PROJECT.TRANSACTION_NOT_FOUND'
  | 'PROJECT.TRANSACTION_ALREADY_REVERSED'
  | 'PROJECT.REVERSAL_BEFORE_TRANSACTION'
  | 'PROJECT.CLOSING_WINDOW_PASSED';

export interface Rejection {
  code: RejectionCode;
  /** A human sentence naming the rule, e.g. "Project TC.0789 is completed; completed projects cannot change." */
  message: string;
}

export type Decision = { ok: true; events: ProjectEvent[] } | { ok: false; rejection: Rejection };

/** One problem with one input field. `field` is a JSON path such as `budget.amount` or `benefitingMemberStates[1]`. */
export interface FieldError {
  field: string;
  /** Stable code, e.g. `REQUIRED`, `UNKNOWN_FIELD`, `TOO_LONG`, `INVALID_FORMAT`, `NOT_IN_LIST`. */
  code: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };
