import { PROJECT_EVENT_TYPES, type ProjectEvent, type ProjectEventType } from '../project.events';
import {
  FIRST_SCHEMA_VERSION,
  STORED_EVENT_VERSIONS,
  currentSchemaVersion,
  type StoredVersionRegistry,
} from './stored-event.versions';

/** What the domain needs of an event as the store holds it: its name, its payload and its schema version. */
export interface StoredEventShape {
  type: string;
  data: unknown;
  metadata?: { schemaVersion?: unknown };
}

/** Why a stored event cannot be read, for callers that map it onto their own error. */
export type UnreadableReason = 'unknown-type' | 'unknown-version' | 'not-an-object';

/** A stored event the domain cannot read: an unknown type, or a schema version with no upcaster. */
export class UnreadableStoredEventError extends Error {
  constructor(
    readonly eventType: string,
    reason: string,
    readonly code: UnreadableReason = 'unknown-type',
  ) {
    super(`Stored event ${eventType} cannot be read: ${reason}`);
    this.name = 'UnreadableStoredEventError';
  }
}

const KNOWN = new Set<string>(PROJECT_EVENT_TYPES);

/**
 * The one conversion from a stored event to a domain event. Every reader of a stream goes through it, so
 * a change to a stored shape has one place to be handled (an upcaster keyed by schema version).
 */
export function toProjectEvent(stored: StoredEventShape): ProjectEvent {
  return readStoredEvent(stored, STORED_EVENT_VERSIONS);
}

/**
 * toProjectEvent against a given registry of stored versions (tests bring their own). Checks the type,
 * reads `metadata.schemaVersion` (absent means version 1, the only version ever written without one),
 * and lifts older data through the upcasters one version at a time. The stored object is never changed:
 * what the hash chain covers stays as written.
 */
export function readStoredEvent(stored: StoredEventShape, registry: StoredVersionRegistry): ProjectEvent {
  if (!KNOWN.has(stored.type))
    throw new UnreadableStoredEventError(stored.type, 'unknown event type', 'unknown-type');
  const type = stored.type as ProjectEventType;
  if (stored.data === null || typeof stored.data !== 'object' || Array.isArray(stored.data))
    throw new UnreadableStoredEventError(type, 'its data is not an object', 'not-an-object');
  const current = currentSchemaVersion(type, registry);
  const written = stored.metadata?.schemaVersion ?? FIRST_SCHEMA_VERSION;
  if (!Number.isInteger(written) || (written as number) > current)
    throw new UnreadableStoredEventError(
      type,
      `schema version ${String(written)} is not one this code reads (current ${current})`,
      'unknown-version',
    );
  let data = stored.data as Record<string, unknown>;
  for (let version = written as number; version < current; version++) {
    const upcast = registry[type]?.upcasters[version];
    if (!upcast)
      throw new UnreadableStoredEventError(
        type,
        `no upcaster from schema version ${version}`,
        'unknown-version',
      );
    data = upcast(data);
  }
  return { type, data } as ProjectEvent;
}
