import { problem } from '@ledger/platform';

const badHeader = (name: string, detail: string) =>
  problem('REQUEST.INVALID_HEADER', detail, {
    errors: [{ field: name, code: 'INVALID_FORMAT', message: detail }],
  });

/** `If-Match: "3"` → 3. Only strong ETags of our own form are understood. */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = typeof header === 'string' ? /^\s*"(\d{1,15})"\s*$/.exec(header) : null;
  if (!match) throw badHeader('If-Match', 'Use the ETag a previous response gave, e.g. If-Match: "3".');
  return Number(match[1]);
}

export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(header)) {
    throw badHeader('Idempotency-Key', 'Use 1 to 255 visible ASCII characters, e.g. a UUID.');
  }
  return header;
}
