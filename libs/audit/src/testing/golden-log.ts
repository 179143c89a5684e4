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

/**
 * What a project state gained after the golden log was written, with the value a project of that log
 * reads as having: no participating organisations, sectors, places or transactions, not humanitarian
 * (ProjectCreated version 1 is upcast to an empty profile). Listed here, once, so every golden check
 * says exactly which fields are new and what they default to.
 */
const FIELDS_ADDED_SINCE_V1 = {
  participatingOrgs: [],
  sectors: [],
  humanitarian: false,
  recipientCountries: [],
  locations: [],
  orgSequence: 0,
  transactions: [],
};

/** The expected results with FIELDS_ADDED_SINCE_V1 in every project state (objects with a statusReason). */
export function withFieldsAddedSinceV1(expected: unknown): unknown {
  if (Array.isArray(expected)) return expected.map(withFieldsAddedSinceV1);
  if (expected === null || typeof expected !== 'object') return expected;
  const entries = Object.entries(expected).map(([k, v]) => [k, withFieldsAddedSinceV1(v)]);
  const object = Object.fromEntries(entries) as Record<string, unknown>;
  const isProjectState = 'statusReason' in object && 'budgetRevisionCount' in object;
  return isProjectState ? { ...structuredClone(FIELDS_ADDED_SINCE_V1), ...object } : object;
}

/** Read-model tables added after the golden log was written: a v1 log leaves them empty. */
const TABLES_ADDED_SINCE_V1 = { projectTransactions: [] };

/** Read-model columns of a project row added since: the profile, as the empty profile of a v1 project. */
const PROJECT_COLUMNS_ADDED_SINCE_V1 = {
  profile: JSON.stringify({
    participatingOrgs: FIELDS_ADDED_SINCE_V1.participatingOrgs,
    sectors: FIELDS_ADDED_SINCE_V1.sectors,
    humanitarian: FIELDS_ADDED_SINCE_V1.humanitarian,
    recipientCountries: FIELDS_ADDED_SINCE_V1.recipientCountries,
    locations: FIELDS_ADDED_SINCE_V1.locations,
  }),
};

/** The expected read-model dump with TABLES_ADDED_SINCE_V1 (empty) and the columns added to project rows. */
export const withTablesAddedSinceV1 = (dump: unknown): unknown => {
  const tables = dump as { projects?: Record<string, unknown>[] } & Record<string, unknown>;
  return {
    ...structuredClone(TABLES_ADDED_SINCE_V1),
    ...tables,
    ...(tables.projects && {
      projects: tables.projects.map((row) => ({ ...row, ...PROJECT_COLUMNS_ADDED_SINCE_V1 })),
    }),
  };
};
