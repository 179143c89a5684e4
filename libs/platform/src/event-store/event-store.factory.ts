import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventStore, SqliteEventStore } from '@ledger/event-store';
import type { AppConfig } from '../config/app-config';

/** The event store the configuration names: the embedded SQLite file by default. */
export function createEventStore(config: AppConfig): EventStore {
  switch (config.eventStore) {
    case 'sqlite':
      mkdirSync(config.dataDir, { recursive: true });
      return new SqliteEventStore({ file: join(config.dataDir, 'events.sqlite') });
    case 'eventstoredb':
      throw new Error('EVENT_STORE=eventstoredb is not wired yet');
  }
}
