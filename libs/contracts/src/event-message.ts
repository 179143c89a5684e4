import type { RecordedEvent } from '@ledger/event-store';
import { EVENT_KINDS, routingKeyFor, type EventKind } from './event-kinds';
import { CLOUDEVENTS_CONTENT_TYPE, type ProjectIntegrationEvent } from './integration-events';
import { toIntegrationEvent, type ToIntegrationEventOptions } from './to-integration-event';

/** Header names on every event message (AMQP application headers). */
export const EVENT_HEADERS = {
  stream: 'stream',
  revision: 'revision',
  position: 'position',
  region: 'region',
  correlationId: 'correlation-id',
  replay: 'x-replay',
  originalPosition: 'x-original-position',
} as const;

/** Everything needed to publish one event with amqplib: routing key, body and message properties. */
export interface EventMessage {
  routingKey: string;
  body: Buffer;
  envelope: ProjectIntegrationEvent;
  properties: {
    persistent: true;
    messageId: string;
    contentType: typeof CLOUDEVENTS_CONTENT_TYPE;
    type: string;
    /** Seconds since the epoch (AMQP timestamp), of recordedAt. */
    timestamp: number;
    correlationId?: string;
    headers: Record<string, string | number | boolean>;
  };
}

export interface EventMessageOptions extends ToIntegrationEventOptions {
  /** Region slug of the event's project (routing key's last word). */
  regionSlug: string;
  /** Marks a republished message so consumers can tell a replay from live traffic. */
  replay?: boolean;
}

export function toEventMessage(recorded: RecordedEvent, options: EventMessageOptions): EventMessage {
  const envelope = toIntegrationEvent(recorded, options);
  const kind = EVENT_KINDS[recorded.type as keyof typeof EVENT_KINDS] as EventKind;
  const correlationId = recorded.metadata.correlationId;
  const headers: Record<string, string | number | boolean> = {
    [EVENT_HEADERS.stream]: recorded.streamId,
    [EVENT_HEADERS.revision]: recorded.revision,
    [EVENT_HEADERS.position]: recorded.position,
    [EVENT_HEADERS.region]: options.regionSlug,
  };
  if (typeof correlationId === 'string') headers[EVENT_HEADERS.correlationId] = correlationId;
  if (options.replay) {
    headers[EVENT_HEADERS.replay] = true;
    headers[EVENT_HEADERS.originalPosition] = recorded.position;
  }
  return {
    routingKey: routingKeyFor(kind, options.regionSlug),
    body: Buffer.from(JSON.stringify(envelope)),
    envelope,
    properties: {
      persistent: true,
      messageId: recorded.eventId,
      contentType: CLOUDEVENTS_CONTENT_TYPE,
      type: envelope.type,
      timestamp: Math.floor(Date.parse(envelope.time) / 1000),
      ...(typeof correlationId === 'string' ? { correlationId } : {}),
      headers,
    },
  };
}
