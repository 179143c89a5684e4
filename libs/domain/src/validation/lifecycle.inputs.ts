import { z } from 'zod';
import { formatAmount } from '../money';
import type { ProjectCommand } from '../project.commands';
import type { FieldError, Validated } from '../project.decision';
import { amountPrecisionErrors } from './cross-checks';
import {
  amountSchema,
  budgetReasonSchema,
  currencySchema,
  fullDateSchema,
  MAX_REASON_LENGTH,
  partialDateSchema,
  reasonSchema,
} from './field-schemas';
import { fieldIsValid, own, parseWith } from './parse-with';

type DataOf<T extends ProjectCommand['type']> = Omit<
  Extract<ProjectCommand, { type: T }>['data'],
  'projectId'
>;

const none = (): FieldError[] => [];

export const startBody = z.object({ actualStart: partialDateSchema }).strict();
export const completeBody = z.object({ actualEnd: partialDateSchema }).strict();
/** The body of a suspension or a cancellation. */
export const reasonOnlyBody = z.object({ reason: reasonSchema }).strict();
export const resumeBody = z.object({ reason: reasonSchema.nullish() }).strict();
export const extendBody = z.object({ plannedEnd: partialDateSchema, reason: reasonSchema }).strict();

export function parseStart(body: unknown): Validated<DataOf<'StartProject'>> {
  return parseWith(startBody, body, none, (b) => b);
}

export function parseComplete(body: unknown): Validated<DataOf<'CompleteProject'>> {
  return parseWith(completeBody, body, none, (b) => b);
}

export function parseSuspend(body: unknown): Validated<DataOf<'SuspendProject'>> {
  return parseWith(reasonOnlyBody, body, none, (b) => b);
}

export function parseCancel(body: unknown): Validated<DataOf<'CancelProject'>> {
  return parseWith(reasonOnlyBody, body, none, (b) => b);
}

export function parseResume(body: unknown): Validated<DataOf<'ResumeProject'>> {
  return parseWith(resumeBody, body, none, (b) => ({ reason: b.reason ?? null }));
}

export function parseExtend(body: unknown): Validated<DataOf<'ExtendProject'>> {
  return parseWith(extendBody, body, none, (b) => b);
}

/** Over the wire a revision is flat ({amount, currency, ...}); the command nests it as `budget`. */
export const revisionBody = z
  .object({
    amount: amountSchema,
    currency: currencySchema,
    reason: budgetReasonSchema,
    effectiveDate: fullDateSchema
      .nullish()
      .meta({ description: 'Defaults to the day the command is decided' }),
    note: z.string().trim().max(MAX_REASON_LENGTH).nullish(),
  })
  .strict();

export function parseReviseBudget(body: unknown): Validated<DataOf<'ReviseProjectBudget'>> {
  const crossChecks = (raw: Record<string, unknown>, errors: readonly FieldError[]) =>
    fieldIsValid(errors, 'amount') && fieldIsValid(errors, 'currency') && own(raw, 'amount') !== undefined
      ? amountPrecisionErrors('amount', raw.amount as string, raw.currency as string)
      : [];
  return parseWith(revisionBody, body, crossChecks, (b) => ({
    budget: { amount: formatAmount(b.amount, b.currency), currency: b.currency },
    reason: b.reason,
    effectiveDate: b.effectiveDate ?? null,
    note: b.note ? b.note : null,
  }));
}
