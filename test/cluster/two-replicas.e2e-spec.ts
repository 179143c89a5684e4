import { generateKeyPairSync } from 'node:crypto';
import { MONGOLIA_CREATE_BODY } from '@ledger/domain';
import { PostgresEventStore } from '@ledger/event-store/postgres';
import {
  dropSchema,
  tempSchemaName,
  TEST_DATABASE_URL,
} from '@ledger/event-store/testing/temp-postgres.fixture';
import {
  startAuditLedger,
  type AuditLedger,
} from '../../apps/command-api/src/audit/testing/audit-ledger.fixture';

const signingKey = () =>
  generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/**
 * Two command-api replicas (two app instances, each with its own data directory) sharing one PostgreSQL
 * event store: idempotency records and Prima ID reservations must hold across them.
 */
describe('two replicas on the PostgreSQL event store', () => {
  const schema = tempSchemaName('replicas');
  const key = signingKey();
  let a: AuditLedger;
  let b: AuditLedger;
  beforeAll(async () => {
    const shared = {
      eventStore: 'postgres' as const,
      eventStoreDatabaseUrl: TEST_DATABASE_URL,
      eventStoreSchema: schema,
      leaseSchema: schema,
      auditSigningKey: key,
      // Both replicas stand for the audit-checkpointer lease: one writes checkpoints, one stands by.
      auditCheckpointEvery: 5,
    };
    [a, b] = await Promise.all([startAuditLedger(shared), startAuditLedger(shared)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await dropSchema(schema);
  });

  const create = (replica: AuditLedger, projectId: string, primaId: string, idempotencyKey?: string) =>
    replica.call('POST', '/projects', {
      role: 'publisher',
      body: { ...MONGOLIA_CREATE_BODY, projectId, primaId },
      headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
    });

  it('answers one success and one 422 to one Idempotency-Key sent with different bodies to each replica at once', async () => {
    for (let round = 1; round <= 5; round++) {
      const k = `key-${round}-${Date.now()}`;
      const [first, second] = await Promise.all([
        create(a, `IK.${round}.A`, `IKA${round}`, k),
        create(b, `IK.${round}.B`, `IKB${round}`, k),
      ]);
      expect([first.status, second.status].sort()).toEqual([201, 422]);
      const refused = first.status === 422 ? first : second;
      expect(await refused.json()).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
    }
  });

  it('replays the first response on the other replica, and refuses there a reused key with another body', async () => {
    const k = `replay-${Date.now()}`;
    const first = await create(a, 'RP.1', 'RPA1', k);
    expect(first.status).toBe(201);
    const replay = await create(b, 'RP.1', 'RPA1', k);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(await first.json());
    const other = await create(b, 'RP.2', 'RPA2', k);
    expect(other.status).toBe(422);
  });

  it('gives one 201 and one 409 to two simultaneous creates with the same Prima ID on different replicas', async () => {
    for (let round = 1; round <= 10; round++) {
      const primaId = `PR${round}X${Date.now() % 100000}`;
      const [x, y] = await Promise.all([
        create(a, `PR.${round}.A`, primaId),
        create(b, `PR.${round}.B`, primaId),
      ]);
      expect([x.status, y.status].sort()).toEqual([201, 409]);
      const refused = x.status === 409 ? x : y;
      expect(await refused.json()).toMatchObject({ code: 'PROJECT.PRIMA_ID_TAKEN' });
    }
    // Exactly one project per Prima ID in the log, and every reservation names a project that exists.
    const store = new PostgresEventStore({ connectionString: TEST_DATABASE_URL, schema });
    try {
      const all = await store.readAll({ limit: 10_000 });
      const created = all
        .filter((e) => e.type === 'ProjectCreated')
        .map((e) => (e.data as { primaId: string }).primaId);
      expect(new Set(created).size).toBe(created.length);
    } finally {
      await store.close();
    }
  });

  it('shows in /health/ready and /metrics that exactly one replica leads the audit checkpointer', async () => {
    const leadership = async (replica: AuditLedger) => {
      const body = await (await replica.call('GET', '/health/ready', { role: null })).json();
      return body.info?.leadership ?? body.error?.leadership;
    };
    let views: { local: { name: string; leader: boolean }[]; leases: { name: string; token: number }[] }[] =
      [];
    for (let i = 0; i < 100; i++) {
      views = await Promise.all([leadership(a), leadership(b)]);
      if (views.flatMap((v) => v.local).filter((r) => r.leader).length === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const roles = views.flatMap((v) => v.local).filter((r) => r.name === 'audit-checkpointer');
    expect(roles.map((r) => r.leader).sort()).toEqual([false, true]);
    expect(views[0].leases).toEqual([expect.objectContaining({ name: 'audit-checkpointer', live: true })]);
    const metrics = await Promise.all(
      [a, b].map(async (r) => (await r.call('GET', '/metrics', { role: null })).text()),
    );
    const leaders = metrics.filter((m) => /ledger_lease_leader\{role="audit-checkpointer"\} 1/.test(m));
    expect(leaders).toHaveLength(1);
    expect(metrics[0]).toMatch(/ledger_lease_token\{role="audit-checkpointer"\} \d+/);
  }, 30_000);

  it('refuses to start a replica without AUDIT_SIGNING_KEY on the PostgreSQL store', async () => {
    await expect(
      startAuditLedger({
        eventStore: 'postgres',
        eventStoreDatabaseUrl: TEST_DATABASE_URL,
        eventStoreSchema: schema,
      }),
    ).rejects.toThrow(/AUDIT_SIGNING_KEY: required when EVENT_STORE=postgres/);
  });
});
