import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_STREAM_PREFIX } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';

/** The committed golden event log (test/fixtures/golden-log/v1): written once, read by every later version. */
export const GOLDEN_LOG_DIR = join(__dirname, '../../../../test/fixtures/golden-log/v1');

export interface GoldenLog {
  /** The NDJSON export as committed, line by line (header first). */
  lines: string[];
  /** Every event of the log (project streams and audit checkpoints), in global order, as stored. */
  events: RecordedEvent[];
  /** The events of project streams only, in global order. */
  projectEvents: RecordedEvent[];
  /** Each project stream's events, oldest first, by stream id. */
  streams: Map<string, RecordedEvent[]>;
  publicKeyPem: string;
}

export function readGoldenLog(): GoldenLog {
  const lines = readFileSync(join(GOLDEN_LOG_DIR, 'events.ndjson'), 'utf8').split('\n').filter(Boolean);
  const events = lines
    .map((line) => JSON.parse(line) as { kind: string } & RecordedEvent)
    .filter((line) => line.kind === 'event')
    .map(({ kind: _kind, ...event }) => event as RecordedEvent);
  const projectEvents = events.filter((e) => e.streamId.startsWith(PROJECT_STREAM_PREFIX));
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of projectEvents)
    streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
  const publicKeyPem = readFileSync(join(GOLDEN_LOG_DIR, 'public-key.pem'), 'utf8');
  return { lines, events, projectEvents, streams, publicKeyPem };
}

/** A committed expected result (what the code of the fixture's commit produced for the log). */
export const goldenExpected = (name: string): unknown =>
  JSON.parse(readFileSync(join(GOLDEN_LOG_DIR, 'expected', name), 'utf8'));

/** Plain JSON, as the expected results were written (Maps become objects, undefined fields vanish). */
export const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
