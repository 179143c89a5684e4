/**
 * Filtering $all. EventStoreDB filters server-side on ONE criterion (stream name or event type, by prefix or
 * regex), so the adapter sends the most selective one and re-checks both criteria exactly on the client.
 * System streams ($stats-..., $$metadata, projection links $>) are never application events and are dropped.
 */
import { eventTypeFilter, excludeSystemEvents, streamNameFilter } from '@eventstore/db-client';
import type { Filter } from '@eventstore/db-client';
import type { EventFilter } from '../event-store.port';

export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

/** The port's rule: both criteria must match; an absent or empty list does not restrict. */
export function matchesFilter(
  event: { streamId: string; type: string },
  filter: EventFilter | undefined,
): boolean {
  if (isSystemEvent(event)) return false;
  const prefixes = filter?.streamPrefixes ?? [];
  const types = filter?.eventTypes ?? [];
  if (prefixes.length > 0 && !prefixes.some((p) => event.streamId.startsWith(p))) return false;
  if (types.length > 0 && !types.includes(event.type)) return false;
  return true;
}

/**
 * Stream prefixes first (the usual `project-` case; it also excludes system streams), else an exact-match
 * regex on event types, else just "no system events".
 */
export function toServerFilter(filter: EventFilter | undefined): Filter {
  const prefixes = filter?.streamPrefixes ?? [];
  const types = filter?.eventTypes ?? [];
  if (prefixes.length > 0) return streamNameFilter({ prefixes });
  if (types.length > 0) return eventTypeFilter({ regex: `^(?:${types.map(escapeRegex).join('|')})$` });
  return excludeSystemEvents();
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
