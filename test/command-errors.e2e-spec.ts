import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { RunningLedger, startLedger } from './support/standalone-harness';
import { mongoliaProject } from './support/mongolia';

/** Every rejected request answers problem+json with a stable code, and appends nothing. */
describe('command API: errors are problem+json and change nothing', () => {
  let ledger: RunningLedger;
  let headBefore: number;
  const head = () => ledger.app.get<EventStore>(EVENT_STORE).headPosition();

  beforeEach(async () => {
    ledger = await startLedger();
    await ledger.call('POST', '/projects', { role: 'publisher', body: mongoliaProject });
    headBefore = await head();
  });
  afterEach(() => ledger.stop());

  async function expectProblem(response: Response, status: number, code: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await response.json();
    expect(problem).toMatchObject({ status, code });
    expect(typeof problem.title).toBe('string');
    expect(await head()).toBe(headBefore);
    return problem;
  }

  it('malformed JSON → 400 REQUEST.MALFORMED_JSON', async () => {
    const response = await ledger.call('POST', '/projects', {
      role: 'publisher',
      rawBody: '{"projectId": ',
      headers: { 'content-type': 'application/json' },
    });
    await expectProblem(response, 400, 'REQUEST.MALFORMED_JSON');
  });

  it('schema violations → 400 VALIDATION.FAILED with one entry per bad field', async () => {
    const body = {
      ...mongoliaProject,
      projectId: 'P-2',
      primaId: 'X1',
      title: '',
      fundingYear: 1989,
      budget: { amount: 200000.5, currency: 'USD' },
    };
    const problem = await expectProblem(
      await ledger.call('POST', '/projects', { role: 'publisher', body }),
      400,
      'VALIDATION.FAILED',
    );
    const fields = problem.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['budget.amount', 'fundingYear', 'title']));
    for (const error of problem.errors) expect(typeof error.code).toBe('string');
  });

  it('unknown fields → 400 naming the field', async () => {
    const body = { ...mongoliaProject, projectId: 'P-3', actor: 'someone-else' };
    const problem = await expectProblem(
      await ledger.call('POST', '/projects', { role: 'publisher', body }),
      400,
      'VALIDATION.FAILED',
    );
    expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'actor', code: 'UNKNOWN_FIELD' }));
  });

  it('a __proto__ key is rejected and pollutes nothing', async () => {
    const rawBody = `{"actualStart":"2014","__proto__":{"polluted":true}}`;
    const response = await ledger.call('POST', '/projects/TC.0789/start', {
      role: 'publisher',
      rawBody,
      headers: { 'content-type': 'application/json' },
    });
    await expectProblem(response, 400, 'VALIDATION.FAILED');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rule violation → 409 with the rule code (completing a project that never started)', async () => {
    await expectProblem(
      await ledger.call('POST', '/projects/TC.0789/complete', {
        role: 'publisher',
        body: { actualEnd: '2016' },
      }),
      409,
      'PROJECT.NOT_ACTIVE',
    );
  });

  it('creating an existing project → 409 PROJECT.ALREADY_EXISTS', async () => {
    await expectProblem(
      await ledger.call('POST', '/projects', { role: 'publisher', body: mongoliaProject }),
      409,
      'PROJECT.ALREADY_EXISTS',
    );
  });

  it('a Prima ID another project holds → 409 PROJECT.PRIMA_ID_TAKEN (once the read model has the holder)', async () => {
    expect(
      (await ledger.call('GET', `/projects/TC.0789?minPosition=${headBefore}`, { role: 'reader' })).status,
    ).toBe(200);
    const twin = { ...mongoliaProject, projectId: 'TC.0790' };
    const problem = await expectProblem(
      await ledger.call('POST', '/projects', { role: 'publisher', body: twin }),
      409,
      'PROJECT.PRIMA_ID_TAKEN',
    );
    expect(problem.detail).toContain('TC.0789');
  });

  it('ten simultaneous creates naming one new Prima ID → one 201 and nine 409 PROJECT.PRIMA_ID_TAKEN', async () => {
    const creates = Array.from({ length: 10 }, (_, i) =>
      ledger.call('POST', '/projects', {
        role: 'publisher',
        body: { ...mongoliaProject, projectId: `TC.09${i}0`, primaId: 'MN10P0999' },
      }),
    );
    const responses = await Promise.all(creates);
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    for (const refused of responses.filter((r) => r.status === 409))
      expect(await refused.json()).toMatchObject({ code: 'PROJECT.PRIMA_ID_TAKEN' });
    expect(await head()).toBe(headBefore + 1);
  });

  it('unknown project → 404 PROJECT.NOT_FOUND', async () => {
    await expectProblem(
      await ledger.call('POST', '/projects/NOPE.1/start', {
        role: 'publisher',
        body: { actualStart: '2014' },
      }),
      404,
      'PROJECT.NOT_FOUND',
    );
    await expectProblem(
      await ledger.call('GET', '/projects/NOPE.1/events', { role: 'auditor' }),
      404,
      'PROJECT.NOT_FOUND',
    );
  });

  it('wrong content type → 415', async () => {
    const response = await ledger.call('POST', '/projects', {
      role: 'publisher',
      rawBody: 'projectId=P-4',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await expectProblem(response, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
  });

  it('body over 64 KB → 413', async () => {
    const body = { ...mongoliaProject, projectId: 'P-5', description: 'x'.repeat(70 * 1024) };
    await expectProblem(
      await ledger.call('POST', '/projects', { role: 'publisher', body }),
      413,
      'REQUEST.TOO_LARGE',
    );
  });

  it('a stale If-Match → 412 PROJECT.REVISION_MISMATCH', async () => {
    await ledger.call('POST', '/projects/TC.0789/start', {
      role: 'publisher',
      body: { actualStart: '2014' },
    });
    headBefore = await head();
    const response = await ledger.call('POST', '/projects/TC.0789/suspend', {
      role: 'publisher',
      body: { reason: 'Audit' },
      headers: { 'if-match': '"0"' },
    });
    const problem = await expectProblem(response, 412, 'PROJECT.REVISION_MISMATCH');
    expect(problem.currentRevision).toBe(1);
  });

  it('a malformed If-Match → 400', async () => {
    const response = await ledger.call('POST', '/projects/TC.0789/start', {
      role: 'publisher',
      body: { actualStart: '2014' },
      headers: { 'if-match': 'W/"x"' },
    });
    await expectProblem(response, 400, 'REQUEST.INVALID_HEADER');
  });
});
