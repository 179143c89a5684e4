import {
  AppendResult,
  EventIdConflictError,
  ExpectedRevision,
  Revision,
  WrongExpectedRevisionError,
} from '../event-store.port';
import type { GroupCommitStats } from './sqlite.group-commit';

/** What the writer thread needs to open its own connection to the store file. */
export interface WriterSettings {
  file: string;
  busyTimeoutMs: number;
  maxAppendsPerCommit: number;
}

/** One append, already validated and serialised on the caller's thread. */
export interface AppendRequest {
  id: number;
  streamId: string;
  eventIds: string[];
  types: string[];
  expected: ExpectedRevision;
  data: string[];
  metadata: string[];
}

/** An error crossing the thread boundary: structured clone keeps neither the class nor extra fields. */
export type WireError =
  | { kind: 'wrong-revision'; streamId: string; expected: ExpectedRevision; actual: Revision | 'no-stream' }
  | { kind: 'id-conflict'; streamId: string; storedEventIds: string[] }
  | { kind: 'other'; name: string; message: string; code?: string };

export type Outcome =
  { id: number; ok: true; result: AppendResult } | { id: number; ok: false; error: WireError };

export type ToWriter = { kind: 'append'; requests: AppendRequest[] } | { kind: 'close' };

export type FromWriter =
  | { kind: 'flushed'; committed: boolean; outcomes: Outcome[]; stats: GroupCommitStats }
  | { kind: 'fatal'; error: WireError }
  | { kind: 'closed' };

export function toWire(error: unknown): WireError {
  if (error instanceof WrongExpectedRevisionError) {
    const { streamId, expected, actual } = error;
    return { kind: 'wrong-revision', streamId, expected, actual };
  }
  if (error instanceof EventIdConflictError) {
    return { kind: 'id-conflict', streamId: error.streamId, storedEventIds: error.storedEventIds };
  }
  const e = error as { name?: string; message?: string; code?: unknown };
  return {
    kind: 'other',
    name: String(e?.name ?? 'Error'),
    message: String(e?.message ?? error),
    ...(typeof e?.code === 'string' ? { code: e.code } : {}),
  };
}

export function fromWire(wire: WireError): Error {
  if (wire.kind === 'wrong-revision') {
    return new WrongExpectedRevisionError(wire.streamId, wire.expected, wire.actual);
  }
  if (wire.kind === 'id-conflict') return new EventIdConflictError(wire.streamId, wire.storedEventIds);
  const error = new Error(wire.message) as Error & { code?: string };
  error.name = wire.name;
  if (wire.code !== undefined) error.code = wire.code;
  return error;
}
