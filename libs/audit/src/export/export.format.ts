import type { RecordedEvent } from '@ledger/event-store';

/**
 * NDJSON export, one JSON object per line:
 *  1. a header ({kind: "header"}) naming the scope and the checkpoint positions it carries (not trusted:
 *     a header that lies only makes verification fail);
 *  2. the events in global order ({kind: "event", ...RecordedEvent});
 *  3. for one project's export, the latest checkpoint with every head line it signed ({kind: "checkpoint-proof"}).
 */
export const EXPORT_FORMAT = 'project-ledger-export';
export const EXPORT_VERSION = 1;

export interface ExportHeader {
  kind: 'header';
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  scope: 'all' | { projectId: string };
  exportedAt: string;
  headPosition: number;
  /** The global positions the export's checkpoints cover. */
  checkpointPositions: number[];
  hash: 'sha256 over RFC 8785 canonical JSON';
  signature: 'Ed25519';
}

export type ExportEventLine = { kind: 'event' } & RecordedEvent;

export interface CheckpointProofLine {
  kind: 'checkpoint-proof';
  checkpoint: RecordedEvent;
  /** Every `streamId:revision:hash` line the checkpoint's headsDigest covers, sorted. */
  heads: string[];
}

export type ExportLine = ExportHeader | ExportEventLine | CheckpointProofLine;

const CSV_COLUMNS = [
  'position',
  'streamId',
  'revision',
  'eventId',
  'type',
  'recordedAt',
  'actor',
  'commandId',
  'correlationId',
  'prevHash',
  'hash',
  'data',
] as const;

export const csvHeader = (): string => CSV_COLUMNS.join(',');

/** One CSV row (RFC 4180 quoting); `data` is the event's JSON. For spreadsheets; verify the NDJSON. */
export function csvRow(event: RecordedEvent): string {
  const m = event.metadata;
  const values: unknown[] = [
    event.position,
    event.streamId,
    event.revision,
    event.eventId,
    event.type,
    m.recordedAt,
    m.actor,
    m.commandId,
    m.correlationId,
    m.prevHash,
    m.hash,
    JSON.stringify(event.data),
  ];
  return values.map(csvField).join(',');
}

function csvField(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
