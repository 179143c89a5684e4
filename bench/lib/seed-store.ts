import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { projectStreamId, type ProjectEvent } from '@ledger/domain';
import { SqliteEventStore, type EventToAppend } from '@ledger/event-store';
import { chain } from '@ledger/audit';
import { projectLife } from './project-events';

export interface SeedOptions {
  file: string;
  /** Total events to write (rounded up to whole project lives). */
  events: number;
  /** Events per project. */
  perProject: number;
  /** Projects written round-robin, so streams interleave in the log as concurrent traffic would make them. */
  interleave?: number;
  idPrefix?: string;
  /** Projects stay open (no completion), so commands can still change them. */
  open?: boolean;
}

const BASE_TIME = Date.parse('2024-01-01T00:00:00Z');

function toAppend(event: ProjectEvent, position: number): EventToAppend {
  const commandId = randomUUID();
  const recordedAt = new Date(BASE_TIME + position * 1000).toISOString();
  return {
    eventId: randomUUID(),
    type: event.type,
    data: event.data,
    metadata: {
      actor: 'bench',
      correlationId: commandId,
      causationId: commandId,
      commandId,
      commandType: event.type,
      schemaVersion: 1,
      recordedAt,
    },
  };
}

/**
 * Writes a realistic, hash-chained log straight into an event-store file (created with the store's own
 * schema). Seeding is set-up, not a measurement, so it uses big transactions without fsync.
 */
export async function seedStore(options: SeedOptions): Promise<{ events: number; projects: number }> {
  await new SqliteEventStore({ file: options.file }).close();
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert = db.prepare(
    'INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const interleave = options.interleave ?? 64;
  const prefix = options.idPrefix ?? 'BENCH';
  const projects = Math.ceil(options.events / options.perProject);
  let position = 0;
  const writeBlock = db.transaction((first: number, count: number) => {
    const lives = Array.from({ length: count }, (_, i) => {
      const projectId = `${prefix}.${first + i}`;
      const streamId = projectStreamId(projectId);
      // Position of revision r of life i in this block (written round-robin below); recordedAt follows it.
      const events = projectLife(projectId, first + i, options.perProject, options.open).map((e, r) =>
        toAppend(e, position + r * count + i + 1),
      );
      return { streamId, events: chain(streamId, events, undefined) };
    });
    for (let revision = 0; revision < options.perProject; revision++) {
      for (const life of lives) {
        const event = life.events[revision];
        position += 1;
        insert.run(
          position,
          life.streamId,
          revision,
          event.eventId,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
        );
      }
    }
  });
  for (let first = 0; first < projects; first += interleave)
    writeBlock(first, Math.min(interleave, projects - first));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { events: position, projects };
}
