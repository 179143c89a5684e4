import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventStore, SqliteEventStore } from '@ledger/event-store';
import { EventStoreDbEventStore } from '@ledger/event-store/eventstoredb';
import { PostgresEventStore } from '@ledger/event-store/postgres';
import type { AppConfig } from '../config/app-config';

/** The event store the configuration names: the embedded SQLite file by default. */
export function createEventStore(config: AppConfig): EventStore {
  switch (config.eventStore) {
    case 'sqlite':
      mkdirSync(config.dataDir, { recursive: true });
      return new SqliteEventStore({ file: join(config.dataDir, 'events.sqlite') });
    case 'eventstoredb':
      if (!config.eventStoreConnectionString) {
        throw new Error(
          'EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING (loadConfig checks this)',
        );
      }
      // The client connects lazily: a server that is down fails the first call, not start-up.
      return new EventStoreDbEventStore({ connectionString: config.eventStoreConnectionString });
    case 'postgres':
      // Connects and creates its schema in the background: a database that is down fails the first call
      // (and readiness), not start-up, like the EventStoreDB client.
      return new PostgresEventStore({
        connectionString: config.eventStoreDatabaseUrl,
        schema: config.eventStoreSchema,
      });
  }
}
