import { z } from 'zod';
import { formatAmount } from '../money';
import type { FieldError, Validated } from '../project.decision';
import type { TransactionCommand } from '../transaction.commands';
import { TRANSACTION_TYPES, transactionTypeOf, type TransactionParty } from '../transaction.types';
import { amountPrecisionErrors } from './cross-checks';
import { amountSchema, currencySchema, fullDateSchema, reasonSchema, rule } from './field-schemas';
import { orgRefSchema } from './profile-schemas';
import { fieldIsValid, own, parseWith } from './parse-with';

type DataOf<T extends TransactionCommand['type']> = Omit<
  Extract<TransactionCommand, { type: T }>['data'],
  'projectId'
>;

/** A transaction ref names it in URLs (`/transactions/{ref}/reversal`), so no slashes or spaces. */
export const transactionRefSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/);

const partySchema = z
  .object({
    name: z.string().trim().min(1).max(500),
    ref: orgRefSchema.nullish(),
    activityId: z.string().trim().min(1).max(200).nullish(),
  })
  .strict();

/** The kebab name (`disbursement`) or the IATI code (`"3"` or `3`). */
const transactionTypeSchema = z
  .union([z.string(), z.number()], {
    error: (issue) =>
      issue.input === undefined ? undefined : 'must be a transaction type name or IATI code.',
  })
  .refine(
    (v) => transactionTypeOf(v) !== null,
    rule(
      'NOT_IN_LIST',
      `must be one of ${TRANSACTION_TYPES.join(', ')} or its IATI code 1-${TRANSACTION_TYPES.length}.`,
    ),
  );

const transactionBody = z
  .object({
    ref: transactionRefSchema,
    type: transactionTypeSchema,
    date: fullDateSchema,
    value: z.object({ amount: amountSchema, currency: currencySchema }).strict(),
    valueDate: fullDateSchema.nullish(),
    provider: partySchema.nullish(),
    receiver: partySchema.nullish(),
    description: z.string().trim().max(2000).nullish(),
  })
  .strict();

const party = (p: z.output<typeof partySchema> | null | undefined): TransactionParty | null =>
  p ? { name: p.name, ref: p.ref ?? null, activityId: p.activityId ?? null } : null;

function precision(raw: Record<string, unknown>, errors: readonly FieldError[]): FieldError[] {
  const value = own(raw, 'value');
  if (value === undefined || !fieldIsValid(errors, 'value')) return [];
  return amountPrecisionErrors(
    'value.amount',
    own(value, 'amount') as string,
    own(value, 'currency') as string,
  );
}

/** Validates a RecordTransaction body; the value keeps its currency and is written with its minor digits. */
export function parseRecordTransaction(body: unknown): Validated<DataOf<'RecordTransaction'>> {
  return parseWith(transactionBody, body, precision, (b) => ({
    ref: b.ref,
    type: transactionTypeOf(b.type) as NonNullable<ReturnType<typeof transactionTypeOf>>,
    date: b.date,
    value: { amount: formatAmount(b.value.amount, b.value.currency), currency: b.value.currency },
    valueDate: b.valueDate ?? null,
    provider: party(b.provider),
    receiver: party(b.receiver),
    description: b.description ? b.description : null,
  }));
}

/** `ref` comes from the URL; the transport puts it into the body it hands over. */
export function parseReverseTransaction(body: unknown): Validated<DataOf<'ReverseTransaction'>> {
  const schema = z
    .object({ ref: transactionRefSchema, reason: reasonSchema, date: fullDateSchema.nullish() })
    .strict();
  return parseWith(
    schema,
    body,
    () => [],
    (b) => ({ ref: b.ref, reason: b.reason, date: b.date ?? null }),
  );
}
