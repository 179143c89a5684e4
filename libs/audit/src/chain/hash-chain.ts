import { createHash } from 'node:crypto';
import type { EventMetadata } from '@ledger/event-store';
import { canonicalJson } from './canonical-json';

/** prevHash of a stream's first event (revision 0): 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** Everything an event's hash covers. `metadata` must already carry `prevHash`; any `hash` in it is ignored. */
export interface HashedFields {
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

/** What is hashed: the canonical JSON of {streamId, revision, eventId, type, data, metadata without `hash`}. */
export function hashInput(fields: HashedFields): string {
  const { hash: _ignored, ...metadata } = fields.metadata;
  return canonicalJson({
    streamId: fields.streamId,
    revision: fields.revision,
    eventId: fields.eventId,
    type: fields.type,
    data: fields.data,
    metadata,
  });
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Lowercase hex SHA-256 of the event's canonical encoding. */
export function eventHash(fields: HashedFields): string {
  return sha256Hex(hashInput(fields));
}

export const isHashString = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
