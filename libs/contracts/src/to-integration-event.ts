import { toProjectEvent, UnreadableStoredEventError, type ProjectEvent } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import { cloudEventType, EVENT_KINDS, type EventKind } from './event-kinds';
import { DEFAULT_SOURCE, type ProjectIntegrationEvent } from './integration-events';
import { eventSpecOf } from './project-event.table';

export class UnmappableEventError extends Error {
  constructor(
    readonly eventId: string,
    reason: string,
  ) {
    super(`Event ${eventId} cannot be published: ${reason}`);
    this.name = 'UnmappableEventError';
  }
}

export interface ToIntegrationEventOptions {
  /** CloudEvents `source`; default `/project-ledger`. */
  source?: string;
}

function readEvent(recorded: RecordedEvent): ProjectEvent {
  try {
    return toProjectEvent(recorded);
  } catch (error) {
    if (!(error instanceof UnreadableStoredEventError)) throw error;
    throw new UnmappableEventError(
      recorded.eventId,
      error.code === 'unknown-type' ? `unknown event type ${recorded.type}` : error.message,
    );
  }
}

/**
 * Maps one stored domain event to its public integration event, through the event table's field-by-field
 * mapping: a new domain field stays private until someone decides to publish it (and bumps the version if
 * it breaks consumers).
 */
export function toIntegrationEvent(
  recorded: RecordedEvent,
  options: ToIntegrationEventOptions = {},
): ProjectIntegrationEvent {
  const time = recorded.metadata.recordedAt;
  if (typeof time !== 'string')
    throw new UnmappableEventError(recorded.eventId, 'metadata.recordedAt is missing');
  const event = readEvent(recorded);
  const spec = eventSpecOf(event.type);
  // Key order is part of the bytes consumers receive: keep it.
  return {
    specversion: '1.0',
    id: recorded.eventId,
    source: options.source ?? DEFAULT_SOURCE,
    subject: (event.data as { projectId?: string }).projectId ?? '',
    time,
    datacontenttype: 'application/json',
    type: cloudEventType(spec.kind as EventKind),
    data: spec.toV1(event.data as never),
  } as ProjectIntegrationEvent;
}

/** `org.projectledger.project.budget-revised.v1` -> `budget-revised`. */
export function kindOf(type: string): EventKind | null {
  const match = /^org\.projectledger\.project\.([a-z-]+)\.v\d+$/.exec(type);
  const kinds = Object.values(EVENT_KINDS) as string[];
  return match && kinds.includes(match[1]) ? (match[1] as EventKind) : null;
}
