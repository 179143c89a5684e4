import { BACKWARDS, END, FORWARDS, StreamNotFoundError } from '@eventstore/db-client';
import type {
  AllStreamResolvedEvent,
  EventStoreDBClient,
  Position as EsdbPosition,
} from '@eventstore/db-client';
import { Position, ReadAllOptions, ReadStreamOptions, RecordedEvent, START } from '../event-store.port';
import { isSystemEvent, matchesFilter } from './eventstoredb.filter';
import { toEsdbPosition, toPortPosition, toRecordedEvent } from './eventstoredb.mapping';
import { toReadStreamPlan } from './eventstoredb.read-plan';

const DEFAULT_READ_ALL_LIMIT = 1000;

/** One stream's events in the port's range; [] when the stream does not exist. */
export async function readStreamEvents(
  client: EventStoreDBClient,
  streamId: string,
  options: ReadStreamOptions,
): Promise<RecordedEvent[]> {
  const plan = toReadStreamPlan(options);
  if (plan.maxCount === 0) return [];
  const events: RecordedEvent[] = [];
  try {
    const read = client.readStream(streamId, {
      direction: plan.backwards ? BACKWARDS : FORWARDS,
      fromRevision: plan.from === 'end' ? END : BigInt(plan.from),
      ...(plan.maxCount === undefined ? {} : { maxCount: plan.maxCount }),
    });
    for await (const { event } of read) {
      if (!event) continue;
      const recorded = toRecordedEvent(event);
      if (!plan.includes(recorded.revision)) break;
      events.push(recorded);
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return events;
}

/**
 * Application events of $all strictly after `fromPosition`. The client offers no server-side filter on
 * reads, so this pages through $all and filters locally.
 */
export async function readAllEvents(
  client: EventStoreDBClient,
  options: ReadAllOptions,
  pageSize: number,
): Promise<RecordedEvent[]> {
  const after = options.fromPosition ?? START;
  const limit = options.limit ?? DEFAULT_READ_ALL_LIMIT;
  const found: RecordedEvent[] = [];
  let cursor: EsdbPosition | 'start' = toEsdbPosition(after);
  let seen = after;
  while (found.length < limit) {
    // Reads of $all start AT the given position (inclusive), so each page repeats the previous page's
    // last record; `seen` drops it. The cursor keeps the server's own {commit, prepare} pair.
    const page = await collect(
      client.readAll({ fromPosition: cursor, maxCount: pageSize, direction: FORWARDS }),
    );
    for (const { event } of page) {
      if (!event) continue;
      const position = toPortPosition(event.position);
      if (position <= seen) continue;
      seen = position;
      if (matchesFilter(event, options.filter)) found.push(toRecordedEvent(event));
      if (found.length === limit) break;
    }
    const last = page[page.length - 1]?.event;
    if (page.length < pageSize || !last) break;
    cursor = last.position;
  }
  return found;
}

/** Position of the newest application event, walking back past system events ($stats, metadata). */
export async function findHeadPosition(client: EventStoreDBClient, pageSize: number): Promise<Position> {
  let cursor: EsdbPosition | 'end' = 'end';
  for (;;) {
    const page = await collect(
      client.readAll({ fromPosition: cursor, maxCount: pageSize, direction: BACKWARDS }),
    );
    const newest = page.find(({ event }) => event && !isSystemEvent(event))?.event;
    if (newest) return toPortPosition(newest.position);
    const last = page[page.length - 1]?.event;
    if (page.length < pageSize || !last) return START;
    cursor = last.position;
  }
}

async function collect(read: AsyncIterable<AllStreamResolvedEvent>): Promise<AllStreamResolvedEvent[]> {
  const items: AllStreamResolvedEvent[] = [];
  for await (const item of read) items.push(item);
  return items;
}
