import { ProjectionError } from '../projection/projection.error';

/**
 * Is this failure the event's fault (it will fail the same way on every retry) rather than the database's?
 * Only such events are parked; anything else (lost connection, lock timeout) fails the whole batch, which
 * is retried from the checkpoint, so a transient error never parks a good event.
 */
export function isPoison(error: unknown): boolean {
  if (error instanceof ProjectionError) return true;
  // The projection read a field the event does not have, or decimal.js refused an amount.
  if (error instanceof TypeError || /DecimalError/.test(String((error as Error)?.message))) return true;
  const code = String((error as { code?: unknown })?.code ?? '');
  // SQLite: a NOT NULL / CHECK / UNIQUE violation or a datatype mismatch caused by the event's data.
  if (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH') return true;
  // PostgreSQL SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation).
  return /^2[23][0-9A-Z]{3}$/.test(code);
}
