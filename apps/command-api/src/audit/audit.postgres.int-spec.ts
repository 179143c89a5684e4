import { generateKeyPairSync } from 'node:crypto';
import { Client } from 'pg';
import {
  HashChainingEventStore,
  exportLines,
  keyIdOf,
  parsePublicKey,
  verifyExport,
  verifyStore,
} from '@ledger/audit';
import { PostgresEventStore } from '@ledger/event-store/postgres';
import {
  dropSchema,
  tempSchemaName,
  TEST_DATABASE_URL,
} from '@ledger/event-store/testing/temp-postgres.fixture';
import { AuditLedger, awaitServing, startAuditLedger, walkThrough } from './testing/audit-ledger.fixture';

/**
 * The audit features (hash chain, as-of, checkpoints, verify, export) on EVENT_STORE=postgres: the same
 * walk-through as audit.int-spec.ts, with the log in a schema of its own, tampered with in SQL.
 */
describe('audit over the PostgreSQL event store', () => {
  let ledger: AuditLedger;
  let schema: string;
  beforeAll(async () => {
    schema = tempSchemaName('audit');
    ledger = await startAuditLedger({
      eventStore: 'postgres',
      eventStoreDatabaseUrl: TEST_DATABASE_URL,
      eventStoreSchema: schema,
      auditCheckpointEvery: 2,
      // Required with the shared store: every replica must sign with the same key.
      auditSigningKey: generateKeyPairSync('ed25519')
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
    });
    await awaitServing(ledger, 'audit-checkpointer');
    await walkThrough(ledger);
  });
  afterAll(async () => {
    await ledger.stop();
    await dropSchema(schema);
  });
  const openStore = () =>
    HashChainingEventStore.wrap(new PostgresEventStore({ connectionString: TEST_DATABASE_URL, schema }));

  it('answers as-of on both timelines from the PostgreSQL log', async () => {
    const at = async (query: string) =>
      (await (await ledger.call('GET', `/projects/TC.0789/as-of?${query}`, { role: 'auditor' })).json())
        .state;
    expect(await at('recordedAt=2015-01-31')).toMatchObject({
      status: 'active',
      budget: { amount: '180000.00' },
    });
    expect(await at('effectiveDate=2015-01-15')).toMatchObject({ budget: { amount: '200000.00' } });
    expect(await at('revision=3')).toMatchObject({ status: 'completed', actualEnd: '2016-12' });
  });

  it('writes signed checkpoints that verify against the store, and an export that verifies offline', async () => {
    const deadline = Date.now() + 20_000; // the checkpointer writes in the background
    const store = openStore();
    try {
      let checkpoints = 0;
      while (Date.now() < deadline && checkpoints < 2) {
        checkpoints = (await store.readStream('audit-checkpoints')).length;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(checkpoints).toBe(2);
      const { publicKeyPem } = await (await ledger.call('GET', '/audit/public-key', { role: null })).json();
      const publicKey = parsePublicKey(publicKeyPem);
      const live = await verifyStore(store, { publicKey, keyId: keyIdOf(publicKey) });
      // 4 project events, the Prima ID reservation, 2 checkpoints.
      expect(live).toMatchObject({ ok: true, events: 7, checkpointsVerified: 2 });
      const lines: string[] = [];
      for await (const line of exportLines(store, { now: new Date() })) lines.push(JSON.stringify(line));
      expect(await verifyExport(lines, publicKey)).toMatchObject({ ok: true, checkpointsVerified: 2 });
    } finally {
      await store.close();
    }
  });

  it('detects an event edited in the database at the edited revision', async () => {
    const intact = await (await ledger.call('GET', '/projects/TC.0789/verify', { role: 'auditor' })).json();
    expect(intact).toMatchObject({ ok: true, events: 4 });
    const client = new Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      const { rowCount } = await client.query(
        `UPDATE "${schema}".events SET data = jsonb_set(data::jsonb, '{amount}', '"900000.00"')::json
         WHERE stream_id = 'project-TC.0789' AND revision = 2`,
      );
      expect(rowCount).toBe(1);
    } finally {
      await client.end();
    }
    const verdict = await (await ledger.call('GET', '/projects/TC.0789/verify', { role: 'auditor' })).json();
    expect(verdict).toMatchObject({ ok: false, events: 4, firstBrokenRevision: 2 });
  });
});
