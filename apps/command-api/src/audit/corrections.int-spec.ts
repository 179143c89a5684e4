import { AuditLedger, startAuditLedger, walkThrough } from './testing/audit-ledger.fixture';

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
    expect(
      (await ledger.call('POST', '/projects/TC.0789/corrections', { role: 'auditor', body: correction() }))
        .status,
    ).toBe(403);
    const wrongEvent = await ledger.call('POST', '/projects/TC.0789/corrections', {
      body: correction({ revision: 0 }),
    });
    expect(wrongEvent.status).toBe(409);
    expect(await wrongEvent.json()).toMatchObject({ code: 'CORRECTION.TARGET_MISMATCH' });
    const foreignField = await ledger.call('POST', '/projects/TC.0789/corrections', {
      body: correction({ values: { title: 'New title' } }),
    });
    expect(await foreignField.json()).toMatchObject({
      status: 409,
      code: 'CORRECTION.TARGET_MISMATCH',
      detail: expect.stringContaining('title'),
    });
    const invalid = await ledger.call('POST', '/projects/TC.0789/corrections', {
      body: correction({ approver: '' }),
    });
    expect(await invalid.json()).toMatchObject({
      status: 400,
      code: 'VALIDATION.FAILED',
      errors: [{ field: 'approver' }],
    });
    expect(
      (await (await ledger.call('GET', '/projects/TC.0789/events', { role: 'auditor' })).json()).length,
    ).toBe(4);
  });

  it('keeps the original event, shows the corrected value, and keeps the chain intact', async () => {
    ledger.clock.set('2018-05-01T09:00:00Z');
    const send = () =>
      ledger.call('POST', '/projects/TC.0789/corrections', {
        body: correction(),
        headers: { 'Idempotency-Key': 'fix-start-TC.0789' },
      });
    const response = await send();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ projectId: 'TC.0789', revision: 4 });
    // A retry with the same key answers as the first time and appends nothing.
    const retry = await send();
    expect(await retry.json()).toMatchObject({ revision: 4, position: 5 });
    const history = await (await ledger.call('GET', '/projects/TC.0789/events', { role: 'auditor' })).json();
    expect(history[1].data.actualStart).toBe('2014-03');
    expect(history[4]).toMatchObject({
      type: 'ProjectRecordCorrected',
      data: {
        correctedEventId: startedEventId,
        correctedRevision: 1,
        values: { actualStart: '2014-04' },
        previous: { actualStart: '2014-03' },
        approvedBy: 'auditor@example.org',
      },
      metadata: { actor: expect.stringContaining('admin') },
    });
    const state = async (q: string) =>
      (await (await ledger.call('GET', `/projects/TC.0789/as-of?${q}`, { role: 'auditor' })).json()).state;
    expect(await state('revision=4')).toMatchObject({ status: 'completed', actualStart: '2014-04' });
    expect(await state('recordedAt=2018-04-30')).toMatchObject({ actualStart: '2014-03' });
    expect(await state('effectiveDate=2014-03-15')).toMatchObject({ status: 'planned', actualStart: null });
    expect(await state('effectiveDate=2014-04-10')).toMatchObject({
      status: 'active',
      actualStart: '2014-04',
    });
    expect(
      await (await ledger.call('GET', '/projects/TC.0789/verify', { role: 'auditor' })).json(),
    ).toMatchObject({ ok: true, events: 5 });
  });

  it('refuses an Idempotency-Key reused for another correction, like every other command route', async () => {
    const key = { 'Idempotency-Key': 'fix-start-TC.0789' };
    const other = await ledger.call('POST', '/projects/TC.0789/corrections', {
      body: correction({ reason: 'Another reason entirely' }),
      headers: key,
    });
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
    const replay = await ledger.call('POST', '/projects/TC.0789/corrections', {
      body: correction(),
      headers: key,
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(
      (await (await ledger.call('GET', '/projects/TC.0789/events', { role: 'auditor' })).json()).length,
    ).toBe(5);
  });
});
