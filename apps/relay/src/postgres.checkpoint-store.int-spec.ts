import { LeaseLostError, type WriteFence } from '@ledger/event-store';
import {
  dropSchema,
  tempSchemaName,
  TEST_DATABASE_URL,
} from '@ledger/event-store/testing/temp-postgres.fixture';
import { PostgresLeases } from '@ledger/platform';
import { PostgresCheckpointStore } from './postgres.checkpoint-store';

describe('PostgresCheckpointStore (relay checkpoints in a cluster)', () => {
  let schema: string;
  let leases: PostgresLeases;
  beforeEach(() => {
    schema = tempSchemaName('relay');
    leases = new PostgresLeases(TEST_DATABASE_URL, schema);
  });
  afterEach(async () => {
    await leases.close();
    await dropSchema(schema);
  });

  it('is shared by leader and standby, never goes back, and refuses a save by a deposed relay', async () => {
    let fenceA: WriteFence | undefined;
    let fenceB: WriteFence | undefined;
    const a = new PostgresCheckpointStore(TEST_DATABASE_URL, schema, () => fenceA);
    const b = new PostgresCheckpointStore(TEST_DATABASE_URL, schema, () => fenceB);
    try {
      const termA = (await leases.tryAcquire('relay:ex:relay', 'a', 60_000))!;
      fenceA = leases.fenceOf(termA);
      await a.save('relay', 10);
      await a.save('relay', 7);
      expect(await b.load('relay')).toBe(10);
      // a's term ends (release ages the row exactly as an expiry does) without racing a short TTL
      await leases.release(termA);
      fenceB = leases.fenceOf((await leases.tryAcquire('relay:ex:relay', 'b', 5000))!);
      await b.save('relay', 12);
      await expect(a.save('relay', 40)).rejects.toBeInstanceOf(LeaseLostError);
      expect(await a.load('relay')).toBe(12);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
