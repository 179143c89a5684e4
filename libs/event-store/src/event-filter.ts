import type { EventFilter, RecordedEvent } from './event-store.port';

/** The filter semantics of EventFilter, for adapters that filter in memory. */
export function matchesFilter(event: RecordedEvent, filter: EventFilter | undefined): boolean {
  const prefixes = filter?.streamPrefixes ?? [];
  const types = filter?.eventTypes ?? [];
  return (
    (prefixes.length === 0 || prefixes.some((p) => event.streamId.startsWith(p))) &&
    (types.length === 0 || types.includes(event.type))
  );
}
