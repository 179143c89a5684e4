import { loadConfig } from '../config/app-config';
import { eventStoreLine } from './start-banner';

describe('start banner: the event store line', () => {
  it('names each store the process can write to, never a password', () => {
    expect(eventStoreLine(loadConfig({ DATA_DIR: '/var/ledger' }))).toBe('SQLite /var/ledger/events.sqlite');
    const postgres = loadConfig({
      EVENT_STORE: 'postgres',
      EVENT_STORE_DATABASE_URL: 'postgres://ledger:password@db.example:5432/ledger',
      EVENT_STORE_SCHEMA: 'events_prod',
    });
    expect(eventStoreLine(postgres)).toMatch(
      /^PostgreSQL postgres:\/\/ledger:\S*@db\.example:5432\/ledger, schema events_prod$/,
    );
    expect(eventStoreLine(postgres)).not.toContain(':password@');
  });
});
