import Database from 'better-sqlite3';
import { join } from 'node:path';
import { AuditLedger, startAuditLedger } from './testing/audit-ledger.fixture';

/** The README walk-through of TC.0789, each command sent at a known recording time. */
const MONGOLIA = {
  projectId: 'TC.0789',
  primaId: 'MN10P0001',
  title: 'Supporting the Government of Mongolia to Improve Migration Management through Migration Management Policy and Training of Border Officials',
  projectType: 'TCMMCB',
  coverage: 'national',
  region: 'Asia and Oceania',
  fundingYear: 2014,
  plannedStart: '2014',
  plannedEnd: '2016',
  budget: { amount: '180000.00', currency: 'USD' },
  benefitingMemberStates: ['Mongolia'],
};

async function walkThrough(ledger: AuditLedger): Promise<void> {
  const send = async (at: string, path: string, body: unknown) => {
    ledger.clock.set(at);
    const response = await ledger.call('POST', path, { role: 'publisher', body });
    expect(response.status).toBeLessThan(300);
  };
  await send('2014-01-20T10:00:00Z', '/projects', MONGOLIA);
  await send('2014-04-02T08:00:00Z', '/projects/TC.0789/start', { actualStart: '2014-03' });
  await send('2015-02-01T12:00:00Z', '/projects/TC.0789/budget-revisions', { amount: '200000.00', currency: 'USD', reason: 'additional-funding', effectiveDate: '2015-01-15' });
  await send('2017-01-10T09:00:00Z', '/projects/TC.0789/complete', { actualEnd: '2016-12' });
}

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
    ['2014-04-02T08:00:00Z', { status: 'active', budget: '180000.00', actualStart: '2014-03', actualEnd: null }],
    ['2015-01-31', { status: 'active', budget: '180000.00', actualStart: '2014-03', actualEnd: null }],
    ['2015-02-01T12:00:00%2B00:00', { status: 'active', budget: '200000.00', actualStart: '2014-03', actualEnd: null }],
    ['2016-12-31T23:59:59Z', { status: 'active', budget: '200000.00', actualStart: '2014-03', actualEnd: null }],
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
    expect(summary((await asOf('revision=1')).body.state)).toMatchObject({ status: 'active', budget: '180000.00' });
    expect(await asOf('recordedAt=2014-01-20T09:59:59Z')).toMatchObject({ status: 404, body: { code: 'PROJECT.NOT_FOUND_AS_OF' } });
    expect(await asOf('effectiveDate=2013-12-31')).toMatchObject({ status: 404, body: { code: 'PROJECT.NOT_FOUND_AS_OF' } });
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
    expect((await ledger.call('GET', '/projects/TC.9999/as-of?revision=0', { role: 'auditor' })).status).toBe(404);
    expect((await ledger.call('GET', '/projects/TC.9999/verify', { role: 'auditor' })).status).toBe(404);
    expect((await ledger.call('GET', '/projects/TC.0789/verify', { role: 'reader' })).status).toBe(403);
  });

  it('pages the global log with nextPosition', async () => {
    const first = await (await ledger.call('GET', '/audit/events?limit=3', { role: 'auditor' })).json();
    expect(first.events.map((e: { position: number }) => e.position)).toEqual([1, 2, 3]);
    expect(first.nextPosition).toBe(3);
    const second = await (await ledger.call('GET', `/audit/events?fromPosition=${first.nextPosition}&limit=3`, { role: 'auditor' })).json();
    expect(second.events.map((e: { type: string }) => e.type)).toEqual(['ProjectCompleted']);
    expect(second.nextPosition).toBeNull();
    const bad = await ledger.call('GET', '/audit/events?limit=0', { role: 'auditor' });
    expect(await bad.json()).toMatchObject({ status: 400, errors: [{ field: 'limit' }] });
  });

  it('publishes the public key and signs a checkpoint on demand for auditors only', async () => {
    const key = await (await ledger.call('GET', '/audit/public-key', { role: null })).json();
    expect(key).toMatchObject({ algorithm: 'Ed25519', publicKeyPem: expect.stringMatching(/BEGIN PUBLIC KEY/) });
    expect((await ledger.call('POST', '/audit/checkpoints', { role: 'publisher' })).status).toBe(403);
    const response = await ledger.call('POST', '/audit/checkpoints', { role: 'auditor' });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ position: 4, streamCount: 1, keyId: key.keyId, eventPosition: 5 });
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
      db.prepare("UPDATE events SET data = json_set(data, '$.amount', '900000.00') WHERE stream_id = 'project-TC.0789' AND revision = 2").run();
      db.close();
      const verdict = await (await ledger.call('GET', '/projects/TC.0789/verify', { role: 'auditor' })).json();
      expect(verdict).toMatchObject({ ok: false, events: 4, firstBrokenRevision: 2 });
    } finally {
      await ledger.stop();
    }
  });

  it('writes a signed checkpoint every AUDIT_CHECKPOINT_EVERY events', async () => {
    const ledger = await startAuditLedger({ auditCheckpointEvery: 2 });
    try {
      await walkThrough(ledger);
      const deadline = Date.now() + 5000;
      let positions: number[] = [];
      while (Date.now() < deadline && positions.length < 2) {
        const page = await (await ledger.call('GET', '/audit/events?limit=100', { role: 'auditor' })).json();
        positions = page.events.filter((e: { streamId: string }) => e.streamId === 'audit-checkpoints').map((e: { data: { position: number } }) => e.data.position);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(positions.length).toBe(2);
      expect(positions[1] - positions[0]).toBeGreaterThanOrEqual(2);
    } finally {
      await ledger.stop();
    }
  });
});

describe('corrections over HTTP', () => {
  let ledger: AuditLedger;
  let startedEventId: string;
  beforeAll(async () => {
    ledger = await startAuditLedger();
    await walkThrough(ledger);
    const history = await (await ledger.call('GET', '/projects/TC.0789/events', { role: 'auditor' })).json();
    startedEventId = history[1].eventId;
  });
  afterAll(() => ledger.stop());

  const correction = (overrides: Record<string, unknown> = {}) => ({
    eventId: startedEventId,
    revision: 1,
    values: { actualStart: '2014-04' },
    reason: 'Start date mistyped at import; field report says April',
    approver: 'auditor@example.org',
    ...overrides,
  });

  it('refuses corrections that do not fit the named event, or come from a non-admin', async () => {
    expect((await ledger.call('POST', '/projects/TC.0789/corrections', { role: 'auditor', body: correction() })).status).toBe(403);
    const wrongEvent = await ledger.call('POST', '/projects/TC.0789/corrections', { body: correction({ revision: 0 }) });
    expect(wrongEvent.status).toBe(409);
    expect(await wrongEvent.json()).toMatchObject({ code: 'CORRECTION.TARGET_MISMATCH' });
    const foreignField = await ledger.call('POST', '/projects/TC.0789/corrections', { body: correction({ values: { title: 'New title' } }) });
    expect(await foreignField.json()).toMatchObject({ status: 409, code: 'CORRECTION.TARGET_MISMATCH', detail: expect.stringContaining('title') });
    const invalid = await ledger.call('POST', '/projects/TC.0789/corrections', { body: correction({ approver: '' }) });
    expect(await invalid.json()).toMatchObject({ status: 400, code: 'VALIDATION.FAILED', errors: [{ field: 'approver' }] });
    expect((await (await ledger.call('GET', '/projects/TC.0789/events', { role: 'auditor' })).json()).length).toBe(4);
  });

  it('keeps the original event, shows the corrected value, and keeps the chain intact', async () => {
    ledger.clock.set('2018-05-01T09:00:00Z');
    const response = await ledger.call('POST', '/projects/TC.0789/corrections', { body: correction() });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ projectId: 'TC.0789', revision: 4 });
    const history = await (await ledger.call('GET', '/projects/TC.0789/events', { role: 'auditor' })).json();
    expect(history[1].data.actualStart).toBe('2014-03');
    expect(history[4]).toMatchObject({
      type: 'ProjectRecordCorrected',
      data: { correctedEventId: startedEventId, correctedRevision: 1, values: { actualStart: '2014-04' }, previous: { actualStart: '2014-03' }, approvedBy: 'auditor@example.org' },
      metadata: { actor: expect.stringContaining('admin') },
    });
    const state = async (q: string) => (await (await ledger.call('GET', `/projects/TC.0789/as-of?${q}`, { role: 'auditor' })).json()).state;
    expect(await state('revision=4')).toMatchObject({ status: 'completed', actualStart: '2014-04' });
    expect(await state('recordedAt=2018-04-30')).toMatchObject({ actualStart: '2014-03' });
    expect(await state('effectiveDate=2014-03-15')).toMatchObject({ status: 'planned', actualStart: null });
    expect(await state('effectiveDate=2014-04-10')).toMatchObject({ status: 'active', actualStart: '2014-04' });
    expect(await (await ledger.call('GET', '/projects/TC.0789/verify', { role: 'auditor' })).json()).toMatchObject({ ok: true, events: 5 });
  });
});
