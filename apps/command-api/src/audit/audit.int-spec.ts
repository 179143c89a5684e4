import Database from 'better-sqlite3';
import { join } from 'node:path';
import { keyIdOf, parsePublicKey, verifyStore } from '@ledger/audit';
import { SqliteEventStore } from '@ledger/event-store';
import { AuditLedger, startAuditLedger, walkThrough } from './testing/audit-ledger.fixture';

describe('auditor endpoints over HTTP (Mongolia walk-through)', () => {
  let ledger: AuditLedger;
  beforeAll(async () => {
    ledger = await startAuditLedger();
    await walkThrough(ledger);
  });
  afterAll(() => ledger.stop());

  const asOf = async (query: string) => {
    const response = await ledger.call('GET', `/projects/TC.0789/as-of?${query}`, { role: 'auditor' });
    return { status: response.status, body: await response.json() };
  };
  const summary = (state: Record<string, unknown>) => ({
    status: state.status,
    budget: (state.budget as { amount: string }).amount,
    actualStart: state.actualStart,
    actualEnd: state.actualEnd,
  });

  it.each([
    ['2014-01-20T10:00:00Z', { status: 'planned', budget: '180000.00', actualStart: null, actualEnd: null }],
    ['2014-03-31', { status: 'planned', budget: '180000.00', actualStart: null, actualEnd: null }],
    [
      '2014-04-02T08:00:00Z',
      { status: 'active', budget: '180000.00', actualStart: '2014-03', actualEnd: null },
    ],
    ['2015-01-31', { status: 'active', budget: '180000.00', actualStart: '2014-03', actualEnd: null }],
    [
      '2015-02-01T12:00:00%2B00:00',
      { status: 'active', budget: '200000.00', actualStart: '2014-03', actualEnd: null },
    ],
    [
      '2016-12-31T23:59:59Z',
      { status: 'active', budget: '200000.00', actualStart: '2014-03', actualEnd: null },
    ],
    ['2017', { status: 'completed', budget: '200000.00', actualStart: '2014-03', actualEnd: '2016-12' }],
  ])('knows at recordedAt=%s only what had been recorded by then', async (at, expected) => {
    const { status, body } = await asOf(`recordedAt=${at}`);
    expect(status).toBe(200);
    expect(summary(body.state)).toEqual(expected);
  });

  it.each([
    ['2014-01-01', { status: 'planned', budget: '180000.00', actualStart: null, actualEnd: null }],
    ['2014-02', { status: 'planned', budget: '180000.00', actualStart: null, actualEnd: null }],
    ['2014-03-01', { status: 'active', budget: '180000.00', actualStart: '2014-03', actualEnd: null }],
    ['2015-01-14', { status: 'active', budget: '180000.00', actualStart: '2014-03', actualEnd: null }],
    ['2015-01-15', { status: 'active', budget: '200000.00', actualStart: '2014-03', actualEnd: null }],
    ['2016-11-30', { status: 'active', budget: '200000.00', actualStart: '2014-03', actualEnd: null }],
    ['2016-12', { status: 'completed', budget: '200000.00', actualStart: '2014-03', actualEnd: '2016-12' }],
  ])('shows at effectiveDate=%s what was true on that date', async (date, expected) => {
    const { status, body } = await asOf(`effectiveDate=${date}`);
    expect(status).toBe(200);
    expect(summary(body.state)).toEqual(expected);
  });

  it('answers by revision, and 404s before the project existed on either timeline', async () => {
    expect(summary((await asOf('revision=1')).body.state)).toMatchObject({
      status: 'active',
      budget: '180000.00',
    });
    expect(await asOf('recordedAt=2014-01-20T09:59:59Z')).toMatchObject({
      status: 404,
      body: { code: 'PROJECT.NOT_FOUND_AS_OF' },
    });
    expect(await asOf('effectiveDate=2013-12-31')).toMatchObject({
      status: 404,
      body: { code: 'PROJECT.NOT_FOUND_AS_OF' },
    });
    expect(await asOf('revision=4')).toMatchObject({
      status: 404,
      body: { code: 'PROJECT.NOT_FOUND_AS_OF' },
    });
  });

  it.each([
    ['', 'recordedAt|effectiveDate|revision'],
    ['revision=1&effectiveDate=2015', 'effectiveDate,revision'],
    ['effectiveDate=2015-02-30', 'effectiveDate'],
    ['recordedAt=yesterday', 'recordedAt'],
    ['revision=-1', 'revision'],
  ])('rejects as-of query "%s" naming the parameter', async (query, field) => {
    const response = await ledger.call('GET', `/projects/TC.0789/as-of?${query}`, { role: 'auditor' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await response.json()).toMatchObject({ code: 'QUERY.INVALID_PARAMETER', errors: [{ field }] });
  });

  it('404s an unknown project and refuses a reader', async () => {
    expect((await ledger.call('GET', '/projects/TC.9999/as-of?revision=0', { role: 'auditor' })).status).toBe(
      404,
    );
    expect((await ledger.call('GET', '/projects/TC.9999/verify', { role: 'auditor' })).status).toBe(404);
    expect((await ledger.call('GET', '/projects/TC.0789/verify', { role: 'reader' })).status).toBe(403);
  });

  it('pages the global log with nextPosition', async () => {
    const first = await (await ledger.call('GET', '/audit/events?limit=3', { role: 'auditor' })).json();
    expect(first.events.map((e: { position: number }) => e.position)).toEqual([1, 2, 3]);
    expect(first.nextPosition).toBe(3);
    const second = await (
      await ledger.call('GET', `/audit/events?fromPosition=${first.nextPosition}&limit=3`, {
        role: 'auditor',
      })
    ).json();
    expect(second.events.map((e: { type: string }) => e.type)).toEqual(['ProjectCompleted']);
    expect(second.nextPosition).toBeNull();
    const bad = await ledger.call('GET', '/audit/events?limit=0', { role: 'auditor' });
    expect(await bad.json()).toMatchObject({ status: 400, errors: [{ field: 'limit' }] });
  });

  it('publishes the public key and signs a checkpoint on demand for auditors only', async () => {
    const key = await (await ledger.call('GET', '/audit/public-key', { role: null })).json();
    expect(key).toMatchObject({
      algorithm: 'Ed25519',
      publicKeyPem: expect.stringMatching(/BEGIN PUBLIC KEY/),
    });
    expect((await ledger.call('POST', '/audit/checkpoints', { role: 'publisher' })).status).toBe(403);
    const response = await ledger.call('POST', '/audit/checkpoints', { role: 'auditor' });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      position: 4,
      streamCount: 1,
      keyId: key.keyId,
      eventPosition: 5,
    });
  });
});

describe('tamper evidence of the SQLite log', () => {
  it('detects a stored event edited in the database file at the edited revision', async () => {
    const ledger = await startAuditLedger();
    try {
      await walkThrough(ledger);
      const intact = await (await ledger.call('GET', '/projects/TC.0789/verify', { role: 'auditor' })).json();
      expect(intact).toMatchObject({ ok: true, events: 4 });
      const db = new Database(join(ledger.dataDir, 'events.sqlite'));
      db.prepare(
        "UPDATE events SET data = json_set(data, '$.amount', '900000.00') WHERE stream_id = 'project-TC.0789' AND revision = 2",
      ).run();
      db.close();
      const verdict = await (
        await ledger.call('GET', '/projects/TC.0789/verify', { role: 'auditor' })
      ).json();
      expect(verdict).toMatchObject({ ok: false, events: 4, firstBrokenRevision: 2 });
    } finally {
      await ledger.stop();
    }
  });

  it('writes a signed checkpoint every AUDIT_CHECKPOINT_EVERY events', async () => {
    const ledger = await startAuditLedger({ auditCheckpointEvery: 2 });
    try {
      await walkThrough(ledger);
      const deadline = Date.now() + 20_000; // the checkpointer writes in the background
      let positions: number[] = [];
      while (Date.now() < deadline && positions.length < 2) {
        const page = await (await ledger.call('GET', '/audit/events?limit=100', { role: 'auditor' })).json();
        positions = page.events
          .filter((e: { streamId: string }) => e.streamId === 'audit-checkpoints')
          .map((e: { data: { position: number } }) => e.data.position);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(positions.length).toBe(2);
      expect(positions[1] - positions[0]).toBeGreaterThanOrEqual(2);
      // The heads kept incrementally by the service must equal a full recomputation from the file.
      const { publicKeyPem } = await (await ledger.call('GET', '/audit/public-key', { role: null })).json();
      const publicKey = parsePublicKey(publicKeyPem);
      const store = new SqliteEventStore({ file: join(ledger.dataDir, 'events.sqlite') });
      const verdict = await verifyStore(store, { publicKey, keyId: keyIdOf(publicKey) });
      await store.close();
      expect(verdict).toMatchObject({
        ok: true,
        checkpointsVerified: 2,
        signedThroughPosition: positions[1],
      });
    } finally {
      await ledger.stop();
    }
  });
});
