import { RunningLedger, startLedger } from './support/standalone-harness';
import { mongoliaProject } from './support/mongolia';

describe('command API: a project lifecycle over real HTTP', () => {
  let ledger: RunningLedger;
  beforeEach(async () => (ledger = await startLedger()));
  afterEach(() => ledger.stop());

  const create = (body: unknown = mongoliaProject) =>
    ledger.call('POST', '/projects', { role: 'publisher', body });

  it('creates a project: 201 with Location, ETag and the revision and position written', async () => {
    const response = await create();
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/projects/TC.0789');
    expect(response.headers.get('etag')).toBe('"0"');
    expect(await response.json()).toEqual({ projectId: 'TC.0789', revision: 0, position: 1 });
  });

  it('drives create → start → revise budget → complete and records each as an event in order', async () => {
    await create();
    const started = await ledger.call('POST', '/projects/TC.0789/start', {
      role: 'publisher',
      body: { actualStart: '2014-03' },
    });
    expect(started.status).toBe(200);
    expect(await started.json()).toEqual({ projectId: 'TC.0789', revision: 1, position: 2 });
    const revised = await ledger.call('POST', '/projects/TC.0789/budget-revisions', {
      role: 'publisher',
      body: {
        amount: '250000.00',
        currency: 'USD',
        reason: 'additional-funding',
        effectiveDate: '2015-01-15',
      },
    });
    expect(revised.status).toBe(200);
    const completed = await ledger.call('POST', '/projects/TC.0789/complete', {
      role: 'publisher',
      body: { actualEnd: '2016-12' },
    });
    expect(completed.status).toBe(200);
    expect(completed.headers.get('etag')).toBe('"3"');

    const history = await ledger.call('GET', '/projects/TC.0789/events', { role: 'auditor' });
    expect(history.status).toBe(200);
    const events = await history.json();
    expect(events.map((e: { type: string; revision: number }) => [e.type, e.revision])).toEqual([
      ['ProjectCreated', 0],
      ['ProjectStarted', 1],
      ['ProjectBudgetRevised', 2],
      ['ProjectCompleted', 3],
    ]);
    expect(events[0].data.benefitingMemberStates).toEqual(['MN']);
    expect(events[2].data).toMatchObject({
      previous: '200000.00',
      amount: '250000.00',
      delta: '50000.00',
      effectiveDate: '2015-01-15',
    });
  });

  it('records who, why and when in metadata: actor from the key, correlation id from the header', async () => {
    await ledger.call('POST', '/projects', {
      role: 'publisher',
      body: mongoliaProject,
      headers: { 'x-correlation-id': 'import-run-42' },
    });
    const [created] = await (
      await ledger.call('GET', '/projects/TC.0789/events', { role: 'auditor' })
    ).json();
    expect(created.metadata.actor).toMatch(/^api-key:publisher:[0-9a-f]{12}$/);
    expect(created.metadata.correlationId).toBe('import-run-42');
    expect(created.metadata.commandId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata.causationId).toBe(created.metadata.commandId);
    expect(created.metadata.commandType).toBe('CreateProject');
    expect(Date.parse(created.metadata.recordedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('suspends, resumes, extends and cancels, each answering the new revision', async () => {
    await create();
    await ledger.call('POST', '/projects/TC.0789/start', {
      role: 'publisher',
      body: { actualStart: '2014' },
    });
    const steps: Array<[string, unknown]> = [
      ['suspend', { reason: 'Security situation at the border' }],
      ['resume', {}],
      ['extend', { plannedEnd: '2017-06', reason: 'Training postponed' }],
      ['cancel', { reason: 'Funding withdrawn' }],
    ];
    for (const [index, [action, body]] of steps.entries()) {
      const response = await ledger.call('POST', `/projects/TC.0789/${action}`, { role: 'publisher', body });
      expect({ action, status: response.status }).toEqual({ action, status: 200 });
      expect((await response.json()).revision).toBe(index + 2);
    }
    const types = (
      await (await ledger.call('GET', '/projects/TC.0789/events', { role: 'auditor' })).json()
    ).map((e: { type: string }) => e.type);
    expect(types.slice(2)).toEqual([
      'ProjectSuspended',
      'ProjectResumed',
      'ProjectExtended',
      'ProjectCancelled',
    ]);
  });

  it('keeps every accepted event across a restart (durable SQLite file)', async () => {
    await create();
    await ledger.stop({ keepData: true });
    ledger = await startLedger({ dataDir: ledger.dataDir });
    const events = await (await ledger.call('GET', '/projects/TC.0789/events', { role: 'auditor' })).json();
    expect(events).toHaveLength(1);
    const again = await create();
    expect(again.status).toBe(409);
  });
});
