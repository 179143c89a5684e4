import { PROJECT_EVENT_TYPES, type ProjectEvent, type ProjectEventType } from '../project.events';

/** What the domain needs of an event as the store holds it: its name, its payload and its schema version. */
export interface StoredEventShape {
  type: string;
  data: unknown;
  metadata?: { schemaVersion?: unknown };
}

/** A stored event the domain cannot read: an unknown type, or a schema version with no upcaster. */
export class UnreadableStoredEventError extends Error {
  constructor(
    readonly eventType: string,
    reason: string,
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
  if (!KNOWN.has(stored.type)) throw new UnreadableStoredEventError(stored.type, 'unknown event type');
  return { type: stored.type as ProjectEventType, data: stored.data } as ProjectEvent;
}
