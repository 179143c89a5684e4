import { TRANSACTION_TYPES, isFullDate, transactionTypeOf } from '@ledger/domain';
import type { TransactionKeyset, TransactionQuery } from '@ledger/read-model';
import { ParamReader } from './query-problem';

export const DEFAULT_TRANSACTION_LIMIT = 50;
export const MAX_TRANSACTION_LIMIT = 500;

/** The cursor is the last row's (date, ref), base64url JSON: a keyset, so paging holds while rows are added. */
export const encodeTransactionCursor = (keyset: TransactionKeyset): string =>
  Buffer.from(JSON.stringify([keyset.date, keyset.ref])).toString('base64url');

function decodeCursor(p: ParamReader, raw: string | undefined): TransactionKeyset | undefined {
  if (raw === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      isFullDate(String(value[0])) &&
      typeof value[1] === 'string'
    )
      return { date: String(value[0]), ref: value[1] };
  } catch {
    // fall through: reported below
  }
  return p.fail('cursor', 'INVALID_CURSOR', 'cursor must be a nextCursor this API returned.');
}

/** `GET /projects/{id}/transactions`: type (name or IATI code), from, to, organisation, limit, cursor, minPosition. */
export function parseTransactionsParams(raw: Record<string, unknown>): {
  query: TransactionQuery;
  minPosition?: number;
} {
  const p = new ParamReader(raw, ['type', 'from', 'to', 'organisation', 'limit', 'cursor', 'minPosition']);
  const typeRaw = p.string('type');
  const type = typeRaw === undefined ? undefined : transactionTypeOf(typeRaw);
  if (typeRaw !== undefined && type === null)
    p.fail(
      'type',
      'NOT_IN_LIST',
      `type must be one of ${TRANSACTION_TYPES.join(', ')} or an IATI code 1-13.`,
    );
  const date = (name: string) => {
    const value = p.string(name);
    if (value !== undefined && !isFullDate(value))
      return p.fail(name, 'INVALID_FORMAT', `${name} must be a date written YYYY-MM-DD.`);
    return value;
  };
  const from = date('from');
  const to = date('to');
  const organisation = p.string('organisation');
  const limit = p.integer('limit', 1, MAX_TRANSACTION_LIMIT) ?? DEFAULT_TRANSACTION_LIMIT;
  const after = decodeCursor(p, p.string('cursor'));
  const minPosition = p.integer('minPosition', 0, Number.MAX_SAFE_INTEGER);
  p.done();
  return {
    query: { type: type ?? undefined, from, to, organisation, limit, after },
    minPosition,
  };
}
