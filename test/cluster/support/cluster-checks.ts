import type { RecordedEvent } from '@ledger/event-store';
import { foldProject, PROJECT_STREAM_PREFIX, type ProjectEvent } from '@ledger/domain';
import type { Acknowledged } from './cluster-clients';

/** Every stored event in log order, page by page. */
export async function readWholeLog(store: {
  readAll(options: { fromPosition?: number; limit?: number }): Promise<RecordedEvent[]>;
}): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll({ fromPosition: all.at(-1)?.position ?? 0, limit: 1000 });
    all.push(...page);
    if (page.length < 1000) return all;
  }
}

/** Acknowledged commands whose event is not in the log at the position and revision the answer named. */
export function lostAcknowledgements(log: RecordedEvent[], acks: Acknowledged[]): string[] {
  const byPosition = new Map(log.map((e) => [e.position, e]));
  return acks
    .filter((a) => {
      const event = byPosition.get(a.position);
      return !event || event.streamId !== `project-${a.projectId}` || event.revision !== a.revision;
    })
    .map((a) => `${a.type} ${a.projectId}@${a.revision} (position ${a.position}, key ${a.key})`);
}

/** Streams whose revisions, in log order, are not exactly 0, 1, 2, … */
export function streamGaps(log: RecordedEvent[]): string[] {
  const revisions = new Map<string, number[]>();
  for (const e of log) revisions.set(e.streamId, [...(revisions.get(e.streamId) ?? []), e.revision]);
  return [...revisions]
    .filter(([, rs]) => rs.some((r, i) => r !== i))
    .map(([stream, rs]) => `${stream}: ${rs.join(',')}`);
}

/** A command id written more than once into one stream: the command was applied twice. */
export function appliedTwice(log: RecordedEvent[]): string[] {
  const seen = new Map<string, number>();
  for (const e of log) {
    const id = e.metadata.commandId;
    if (!id) continue;
    const key = `${e.streamId} ${id}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([key, n]) => `${key} ×${n}`);
}

export const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
};

/**
 * Projects whose status or revision, as the query API serves them at `head`, differ from a fold of their
 * events in the log (`{ id, served, folded }` each); empty when the API agrees on every project.
 */
export async function queryApiDisagreements(
  queryApi: string,
  readerKey: string,
  projectEvents: RecordedEvent[],
  head: number,
): Promise<unknown[]> {
  const streams = new Map<string, ProjectEvent[]>();
  for (const e of projectEvents)
    streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e as unknown as ProjectEvent]);
  const disagreements: unknown[] = [];
  for (const [streamId, events] of streams) {
    const id = streamId.slice(PROJECT_STREAM_PREFIX.length);
    const folded = { status: foldProject(events).status, revision: events.length - 1 };
    const response = await fetch(`${queryApi}/projects/${encodeURIComponent(id)}?minPosition=${head}`, {
      headers: { authorization: `Bearer ${readerKey}` },
    });
    const view = response.ok ? ((await response.json()) as { status: string; revision: number }) : null;
    const served = view ? { status: view.status, revision: view.revision } : { httpStatus: response.status };
    if (JSON.stringify(served) !== JSON.stringify(folded)) disagreements.push({ id, served, folded });
  }
  return disagreements;
}

/** How many distinct projects the events belong to. */
export const projectCount = (projectEvents: RecordedEvent[]): number =>
  new Set(projectEvents.map((e) => e.streamId)).size;
