import { ErrorType, WrongExpectedVersionError } from '@eventstore/db-client';
import { ExpectedRevision, WrongExpectedRevisionError } from '../event-store.port';
import { fromEsdbCurrentRevision } from './eventstoredb.mapping';

/** gRPC status codes that mean "the connection or the node went away", not "the request is wrong". */
const TRANSIENT_GRPC_CODES = new Set([
  4 /* DEADLINE_EXCEEDED */, 13 /* INTERNAL: e.g. RST_STREAM */, 14 /* UNAVAILABLE */,
]);
const TRANSIENT_TYPES = new Set<string>([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
  ErrorType.CANCELLED,
]);

/**
 * Whether a dropped subscription should be re-opened. Access denied, invalid arguments and the like are
 * not retried: re-opening would fail the same way forever and hide the fault.
 */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { type, code } = error as { type?: unknown; code?: unknown };
  if (typeof type === 'string' && TRANSIENT_TYPES.has(type)) return true;
  return type === ErrorType.UNKNOWN && typeof code === 'number' && TRANSIENT_GRPC_CODES.has(code);
}

/** The server's optimistic-concurrency failure, in the port's words (with the actual revision). */
export function toWrongExpectedRevisionError(
  error: WrongExpectedVersionError,
  streamId: string,
  expected: ExpectedRevision,
): WrongExpectedRevisionError {
  return new WrongExpectedRevisionError(streamId, expected, fromEsdbCurrentRevision(error.actualVersion));
}
