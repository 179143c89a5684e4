import { eventStoreContract } from '../testing/event-store.contract';
import { tempPostgresStore } from '../testing/temp-postgres.fixture';

eventStoreContract('PostgresEventStore', () => tempPostgresStore());
