import { createHash } from 'node:crypto';
import type { EventStore, EventToAppend, RecordedEvent } from '@ledger/event-store';
import type { KeptElement } from '../import/iati-activity.input';
import { importCommandId, importCorrelationId } from '../import/import-command-ids';

/**
 * What an import keeps of an activity beyond the project's fields: the iati-identifier as given, the
 * activity's attributes, and every element no field holds (canonical XML, file order). The export gives them
 * back. It lives in its own stream, `iati-source-<projectId>`, beside the project's: it is the import's
 * record of its source, not a change to the project, so no domain rule applies to it and the relay (which
 * publishes project streams only) does not send it to consumers.
 */
export interface IatiSourceData {
  iatiIdentifier: string;
  attributes: Record<string, string>;
  elements: KeptElement[];
}

export const IATI_SOURCE_EVENT = 'IatiSourceKept';
export const IATI_SOURCE_STREAM_PREFIX = 'iati-source-';
export const iatiSourceStreamId = (projectId: string): string => `${IATI_SOURCE_STREAM_PREFIX}${projectId}`;

/**
 * The event for one import of one activity. Its id is derived from the identifier and the content, so
 * importing the same file again appends nothing (the store treats a known event id as done) while a changed
 * activity appends a new version; the export reads the latest.
 */
export function iatiSourceEvent(projectId: string, data: IatiSourceData, actor: string): EventToAppend {
  const digest = createHash('sha256').update(JSON.stringify(data)).digest('hex');
  return {
    eventId: importCommandId(data.iatiIdentifier, `source:${digest}`),
    type: IATI_SOURCE_EVENT,
    data,
    metadata: { actor, correlationId: importCorrelationId(projectId), schemaVersion: 1 },
  };
}

/** Appends the source record of an activity; says whether it was new. */
export async function keepIatiSource(
  store: EventStore,
  projectId: string,
  data: IatiSourceData,
  actor: string,
): Promise<'appended' | 'already-present'> {
  const event = iatiSourceEvent(projectId, data, actor);
  const stream = iatiSourceStreamId(projectId);
  const present = (await store.readStream(stream)).some((e) => e.eventId === event.eventId);
  if (!present) await store.append(stream, [event], 'any');
  return present ? 'already-present' : 'appended';
}

/** The latest source record among a stream's events, or null. */
export function latestIatiSource(
  events: readonly Pick<RecordedEvent, 'type' | 'data'>[],
): IatiSourceData | null {
  const last = [...events].reverse().find((e) => e.type === IATI_SOURCE_EVENT);
  return last ? (last.data as IatiSourceData) : null;
}
