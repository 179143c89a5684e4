import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { RunningLedger, startLedger } from './support/standalone-harness';
import { mongoliaProject } from './support/mongolia';

describe('command API: retries and concurrency', () => {
  let ledger: RunningLedger;
  const head = () => ledger.app.get<EventStore>(EVENT_STORE).headPosition();
  beforeEach(async () => (ledger = await startLedger()));
  afterEach(() => ledger.stop());

  it('a retry with the same Idempotency-Key returns the first response and appends nothing', async () => {
    const send = () =>
      ledger.call('POST', '/projects', {
        role: 'publisher',
        body: mongoliaProject,
        headers: { 'idempotency-key': 'create-tc0789' },
      });
    const first = await send();
    const positionAfterFirst = await head();
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await retry.json()).toEqual(await first.json());
    expect(await head()).toBe(positionAfterFirst);
  });

  it('the same Idempotency-Key with a different body → 422 and nothing appended', async () => {
    await ledger.call('POST', '/projects', {
      role: 'publisher',
      body: mongoliaProject,
      headers: { 'idempotency-key': 'k-1' },
    });
    const before = await head();
    const other = { ...mongoliaProject, projectId: 'TC.0790' };
    const response = await ledger.call('POST', '/projects', {
      role: 'publisher',
      body: other,
      headers: { 'idempotency-key': 'k-1' },
    });
    expect(response.status).toBe(422);
    expect((await response.json()).code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await head()).toBe(before);
  });

  it('the same Idempotency-Key sent concurrently with different bodies: one is applied, the other gets 422', async () => {
    await ledger.call('POST', '/projects', { role: 'publisher', body: mongoliaProject });
    await ledger.call('POST', '/projects/TC.0789/start', {
      role: 'publisher',
      body: { actualStart: '2014' },
    });
    // Open one connection per request first, so the keyed requests really overlap on the server.
    await Promise.all(Array.from({ length: 16 }, () => ledger.call('GET', '/health/live', { role: null })));
    const before = await head();
    const amounts = Array.from({ length: 16 }, (_, i) => `${210000 + i}.00`);
    const responses = await Promise.all(
      amounts.map((amount) =>
        ledger.call('POST', '/projects/TC.0789/budget-revisions', {
          role: 'publisher',
          body: { amount, currency: 'USD', reason: 'cost-variance' },
          headers: { 'idempotency-key': 'revise-once' },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(amounts.length - 1);
    for (const r of responses.filter((x) => x.status === 422))
      expect((await r.json()).code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await head()).toBe(before + 1);
    const events = await (await ledger.call('GET', '/projects/TC.0789/events', { role: 'auditor' })).json();
    const applied = amounts[statuses.indexOf(200)];
    expect(events[events.length - 1].data.amount).toBe(applied);
  });

  it('concurrent retries of one keyed command write its events once', async () => {
    await ledger.call('POST', '/projects', { role: 'publisher', body: mongoliaProject });
    const before = await head();
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        ledger.call('POST', '/projects/TC.0789/start', {
          role: 'publisher',
          body: { actualStart: '2014' },
          headers: { 'idempotency-key': 'start-once' },
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(await head()).toBe(before + 1);
  });

  it('50 concurrent commands with the same If-Match: exactly one succeeds, 49 get 412, revisions stay gapless', async () => {
    await ledger.call('POST', '/projects', { role: 'publisher', body: mongoliaProject });
    await ledger.call('POST', '/projects/TC.0789/start', {
      role: 'publisher',
      body: { actualStart: '2014' },
    });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        ledger.call('POST', '/projects/TC.0789/budget-revisions', {
          role: 'publisher',
          body: { amount: `${210000 + i}.00`, currency: 'USD', reason: 'cost-variance' },
          headers: { 'if-match': '"1"' },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(49);
    const events = await (await ledger.call('GET', '/projects/TC.0789/events', { role: 'auditor' })).json();
    expect(events.map((e: { revision: number }) => e.revision)).toEqual([0, 1, 2]);
  });

  it('concurrent commands without If-Match are all decided on fresh state (no lost update)', async () => {
    await ledger.call('POST', '/projects', { role: 'publisher', body: mongoliaProject });
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        ledger.call('POST', '/projects/TC.0789/budget-revisions', {
          role: 'publisher',
          body: { amount: `${300000 + i}.00`, currency: 'USD', reason: 'cost-variance' },
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    const events = await (await ledger.call('GET', '/projects/TC.0789/events', { role: 'auditor' })).json();
    const revisions = events.slice(1);
    for (let i = 1; i < revisions.length; i++)
      expect(revisions[i].data.previous).toBe(revisions[i - 1].data.amount);
  });
});
