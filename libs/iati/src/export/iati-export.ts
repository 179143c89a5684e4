import { PROJECT_STREAM_PREFIX, projectStreamId } from '@ledger/domain';
import { IATI_SOURCE_STREAM_PREFIX, iatiSourceStreamId, latestIatiSource } from '../source/iati-source.event';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import {
  matchesFilter,
  projectRecordFromEvents,
  type IatiExportFilter,
  type IatiProjectRecord,
} from './iati-project.record';

const PAGE = 1000;

/**
 * Every project in the event log that passes the filter, folded from its events (not from the read model,
 * so an export works while projections are rebuilt). Sorted by project id for stable output.
 */
export async function readIatiRecords(
  store: EventStore,
  filter: IatiExportFilter = {},
): Promise<IatiProjectRecord[]> {
  const streams = new Map<string, RecordedEvent[]>();
  const wanted = filter.projectIds?.length
    ? new Set(filter.projectIds.flatMap((id) => [projectStreamId(id), iatiSourceStreamId(id)]))
    : null;
  for (let from = 0; ;) {
    const page = await store.readAll({
      fromPosition: from,
      filter: { streamPrefixes: [PROJECT_STREAM_PREFIX, IATI_SOURCE_STREAM_PREFIX] },
      limit: PAGE,
    });
    for (const event of page) {
      if (wanted && !wanted.has(event.streamId)) continue;
      const list = streams.get(event.streamId);
      if (list) list.push(event);
      else streams.set(event.streamId, [event]);
    }
    if (page.length < PAGE) break;
    from = page[page.length - 1].position;
  }
  const records: IatiProjectRecord[] = [];
  for (const [streamId, events] of streams) {
    if (!streamId.startsWith(PROJECT_STREAM_PREFIX)) continue;
    events.sort((a, b) => a.revision - b.revision);
    const record = projectRecordFromEvents(events);
    if (!record || !matchesFilter(record, filter)) continue;
    const source = streams.get(iatiSourceStreamId(record.project.projectId));
    records.push({
      ...record,
      source: source ? latestIatiSource(source.sort((a, b) => a.revision - b.revision)) : null,
    });
  }
  return records.sort((a, b) =>
    a.project.projectId < b.project.projectId ? -1 : a.project.projectId > b.project.projectId ? 1 : 0,
  );
}

/** One project from its own stream; null when it does not exist. */
export async function readIatiRecord(
  store: EventStore,
  projectId: string,
): Promise<IatiProjectRecord | null> {
  const record = projectRecordFromEvents(await store.readStream(projectStreamId(projectId)));
  if (!record) return null;
  return { ...record, source: latestIatiSource(await store.readStream(iatiSourceStreamId(projectId))) };
}
