import { PROJECT_STREAM_PREFIX, projectStreamId } from '@ledger/domain';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import { CHECKPOINT_STREAM, type CheckpointData } from '../checkpoint/checkpoint';
import { collectHeads } from '../checkpoint/stream-heads';
import { EXPORT_FORMAT, EXPORT_VERSION, ExportHeader, ExportLine, csvHeader, csvRow } from './export.format';

export interface ExportOptions {
  /** One project's history; the whole log when absent. */
  projectId?: string;
  now: Date;
  pageSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The lines of an export, header first. Covers the log up to the head position read at the start, so an
 * export taken while commands arrive is still a consistent prefix.
 */
export async function* exportLines(store: EventStore, options: ExportOptions): AsyncGenerator<ExportLine> {
  const head = await store.headPosition();
  const checkpoints = (await store.readStream(CHECKPOINT_STREAM)).filter((e) => e.position <= head);
  const latest = checkpoints[checkpoints.length - 1];
  const scope: ExportHeader['scope'] =
    options.projectId === undefined ? 'all' : { projectId: options.projectId };
  const announced = scope === 'all' ? checkpoints : latest ? [latest] : [];
  yield {
    kind: 'header',
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    scope,
    exportedAt: options.now.toISOString(),
    headPosition: head,
    checkpointPositions: announced.map((e) => (e.data as CheckpointData).position),
    hash: 'sha256 over RFC 8785 canonical JSON',
    signature: 'Ed25519',
  };
  for await (const event of eventsOf(store, options, head)) yield { kind: 'event', ...event };
  if (scope !== 'all' && latest) {
    const heads = await collectHeads(store, (latest.data as CheckpointData).position, options.pageSize);
    yield { kind: 'checkpoint-proof', checkpoint: latest, heads: heads.lines() };
  }
}

async function* eventsOf(
  store: EventStore,
  options: ExportOptions,
  head: number,
): AsyncGenerator<RecordedEvent> {
  if (options.projectId !== undefined) {
    const events = (await store.readStream(projectStreamId(options.projectId))).filter(
      (e) => e.position <= head,
    );
    options.onProgress?.(events.length, events.length);
    yield* events;
    return;
  }
  let after = 0;
  let done = 0;
  while (after < head) {
    const page = await store.readAll({ fromPosition: after, limit: options.pageSize ?? 1000 });
    const inRange = page.filter((e) => e.position <= head);
    if (inRange.length === 0) break;
    yield* inRange;
    done += inRange.length;
    after = inRange[inRange.length - 1].position;
    options.onProgress?.(done, head);
  }
}

/** CSV lines (header row first) of the same events, without proofs. */
export async function* csvLines(store: EventStore, options: ExportOptions): AsyncGenerator<string> {
  yield csvHeader();
  for await (const line of exportLines(store, options)) if (line.kind === 'event') yield csvRow(line);
}

export const isProjectStream = (streamId: string): boolean => streamId.startsWith(PROJECT_STREAM_PREFIX);
