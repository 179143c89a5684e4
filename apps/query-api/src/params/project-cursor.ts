import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Keyset, ProjectFilter, ProjectSort } from '@ledger/read-model';

/**
 * Cursors are not secret (they hold a sort value and a project id the reader has already seen); the MAC
 * only makes a tampered or truncated cursor a clear 400 instead of a silently wrong page.
 */
const CURSOR_KEY = 'project-ledger/projects-cursor/v1';

interface CursorBody {
  /** Sort the cursor was made for, e.g. `-budget`. */
  s: string;
  /** Fingerprint of the filters it was made for. */
  f: string;
  v: string | number;
  i: string;
}

const sortText = (sort: ProjectSort) => `${sort.descending ? '-' : ''}${sort.field}`;
const fingerprint = (filter: ProjectFilter) =>
  JSON.stringify(
    Object.entries(filter)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
const mac = (payload: string) =>
  createHmac('sha256', CURSOR_KEY).update(payload).digest('base64url').slice(0, 22);

export function encodeCursor(keyset: Keyset, sort: ProjectSort, filter: ProjectFilter): string {
  const body: CursorBody = {
    s: sortText(sort),
    f: fingerprint(filter),
    v: keyset.value,
    i: keyset.projectId,
  };
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${payload}.${mac(payload)}`;
}

export type CursorResult =
  { ok: true; keyset: Keyset } | { ok: false; code: 'INVALID_CURSOR' | 'CURSOR_MISMATCH'; message: string };

export function decodeCursor(cursor: string, sort: ProjectSort, filter: ProjectFilter): CursorResult {
  const invalid: CursorResult = {
    ok: false,
    code: 'INVALID_CURSOR',
    message: 'cursor is not one this API issued (altered or truncated).',
  };
  const [payload, signature, extra] = cursor.split('.');
  if (!payload || !signature || extra !== undefined) return invalid;
  const expected = Buffer.from(mac(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return invalid;
  let body: CursorBody;
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as CursorBody;
  } catch {
    return invalid;
  }
  if (typeof body !== 'object' || body === null) return invalid;
  if (body.s !== sortText(sort) || body.f !== fingerprint(filter)) {
    return {
      ok: false,
      code: 'CURSOR_MISMATCH',
      message: 'cursor belongs to a different sort or filter; start again without it.',
    };
  }
  // The MAC key is public: a signed cursor can still carry anything, and the keyset reaches SQL.
  if (typeof body.i !== 'string') return invalid;
  if (sort.field === 'fundingYear' ? !Number.isSafeInteger(body.v) : typeof body.v !== 'string')
    return invalid;
  return { ok: true, keyset: { value: body.v, projectId: body.i } };
}
