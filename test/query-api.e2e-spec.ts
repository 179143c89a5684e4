import { MONGOLIA_CREATE_BODY } from '@ledger/domain';
import {
  QUERY_TEST_KEYS,
  startQueryApi,
  type QueryApiHarness,
} from '../apps/query-api/src/testing/query-api.harness';
import { readSse } from '../apps/query-api/src/testing/sse.reader';
import { ProjectorService } from '../apps/projector/src';
import { encodeCursor } from '../apps/query-api/src/params/project-cursor';
import { startProjectorProcess } from '../apps/projector/src/testing/projector-process';

const mongolia = MONGOLIA_CREATE_BODY;

describe('query API over real HTTP', () => {
  let api: QueryApiHarness;
  beforeEach(async () => (api = await startQueryApi()));
  afterEach(() => api.stop());

  async function command(path: string, body: unknown): Promise<number> {
    const response = await api.call('POST', path, { role: 'publisher', body });
    expect(response.status).toBeLessThan(300);
    return ((await response.json()) as { position: number }).position;
  }

  async function mongoliaLifecycle(): Promise<number> {
    await command('/projects', mongolia);
    await command('/projects/TC.0789/start', { actualStart: '2014-03' });
    await command('/projects/TC.0789/budget-revisions', {
      amount: '250000.00',
      currency: 'USD',
      reason: 'additional-funding',
      effectiveDate: '2015-01-15',
    });
    return command('/projects/TC.0789/complete', { actualEnd: '2016-12' });
  }

  it('serves the Mongolia project after create → start → revise budget → complete, read-your-writes via minPosition', async () => {
    const position = await mongoliaLifecycle();
    const response = await api.call('GET', `/projects/TC.0789?minPosition=${position}`);
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('x-projection-position'))).toBeGreaterThanOrEqual(position);
    expect(response.headers.get('etag')).toBe('"3"');
    expect(await response.json()).toMatchObject({
      projectId: 'TC.0789',
      primaId: 'MN10P0001',
      status: 'completed',
      actualStart: '2014-03',
      actualEnd: '2016-12',
      budget: { amount: '250000.00', currency: 'USD' },
      initialBudget: { amount: '200000.00', currency: 'USD' },
      benefitingMemberStates: ['MN'],
      fundingYear: 2014,
      region: 'Asia and Oceania',
    });
    const fresh = await api.call('GET', '/projects/TC.0789', { headers: { 'if-none-match': '"3"' } });
    expect(fresh.status).toBe(304);
    expect(fresh.headers.get('x-projection-position')).toBe(String(position));

    const revisions = await api.call('GET', '/projects/TC.0789/budget-revisions');
    expect(await revisions.json()).toEqual([
      expect.objectContaining({
        revisionNo: 1,
        previous: '200000.00',
        amount: '250000.00',
        delta: '50000.00',
        reason: 'additional-funding',
        effectiveDate: '2015-01-15',
      }),
    ]);
    const stats = await api.call('GET', '/stats/budget?groupBy=region');
    expect(stats.headers.get('x-projection-position')).toBe(String(position));
    expect(await stats.json()).toEqual([
      { key: 'Asia and Oceania', projects: 1, budget: { currency: 'USD', total: '250000.00' } },
    ]);
    const byName = await api.call(
      'GET',
      `/projects?memberState=${encodeURIComponent('Mongolia')}&q=BORDER%20officials&status=completed`,
    );
    expect(
      ((await byName.json()) as { items: { projectId: string }[] }).items.map((p) => p.projectId),
    ).toEqual(['TC.0789']);
  });

  it('pages with an opaque cursor and rejects a tampered one', async () => {
    let position = 0;
    for (const id of ['P.1', 'P.2', 'P.3']) {
      position = await command('/projects', {
        ...mongolia,
        projectId: id,
        primaId: null,
        title: `Project ${id}`,
      });
    }
    const first = await api.call('GET', `/projects?sort=-title&limit=2&minPosition=${position}`);
    const page1 = (await first.json()) as { items: { projectId: string }[]; nextCursor: string };
    expect(page1.items.map((p) => p.projectId)).toEqual(['P.3', 'P.2']);
    const second = await api.call('GET', `/projects?sort=-title&limit=2&cursor=${page1.nextCursor}`);
    expect(await second.json()).toMatchObject({ items: [{ projectId: 'P.1' }], nextCursor: null });

    const tampered = page1.nextCursor.replace(/^./, (c) => (c === 'e' ? 'f' : 'e'));
    const bad = await api.call('GET', `/projects?sort=-title&limit=2&cursor=${tampered}`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: 'QUERY.INVALID_PARAMETER',
      errors: [{ field: 'cursor', code: 'INVALID_CURSOR' }],
    });
    const otherSort = await api.call('GET', `/projects?sort=title&limit=2&cursor=${page1.nextCursor}`);
    expect(await otherSort.json()).toMatchObject({ errors: [{ field: 'cursor', code: 'CURSOR_MISMATCH' }] });
  });

  // The cursor's MAC key is in the public source, so anyone can sign a cursor: its content must still be
  // checked, or a sort value the database cannot bind (an object) turns into a 500.
  it('rejects a well-signed cursor whose keyset is not a sort value and a project id', async () => {
    const sort = { field: 'title', descending: false } as const;
    for (const keyset of [
      { value: { $gt: '' }, projectId: 'P.1' },
      { value: 'p', projectId: ['P.1'] },
    ]) {
      const forged = encodeCursor(keyset as never, sort, {});
      const response = await api.call('GET', `/projects?sort=title&cursor=${forged}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: 'QUERY.INVALID_PARAMETER',
        errors: [{ field: 'cursor', code: 'INVALID_CURSOR' }],
      });
    }
  });

  it('answers bad and unknown query parameters with 400 problem+json naming each one, and unknown projects with 404', async () => {
    const bad = await api.call('GET', '/projects?limit=500&sort=cost&colour=red');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(bad.headers.get('x-projection-position')).toBe('0');
    const body = (await bad.json()) as { code: string; errors: { field: string; code: string }[] };
    expect(body.code).toBe('QUERY.INVALID_PARAMETER');
    expect(body.errors.map((e) => [e.field, e.code]).sort()).toEqual([
      ['colour', 'UNKNOWN_PARAMETER'],
      ['limit', 'OUT_OF_RANGE'],
      ['sort', 'NOT_IN_LIST'],
    ]);
    const stats = await api.call('GET', '/stats/budget?groupBy=colour');
    expect(await stats.json()).toMatchObject({
      status: 400,
      errors: [{ field: 'groupBy', code: 'NOT_IN_LIST' }],
    });
    const country = await api.call('GET', '/projects?memberState=Atlantis');
    expect(await country.json()).toMatchObject({ errors: [{ field: 'memberState', code: 'NOT_A_COUNTRY' }] });
    const missing = await api.call('GET', '/projects/NOPE.1');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'PROJECT.NOT_FOUND', status: 404 });
  });

  it('lets readers in and keeps others out', async () => {
    expect((await api.call('GET', '/projects', { role: null })).status).toBe(401);
    expect((await api.call('GET', '/projects', { role: 'publisher' })).status).toBe(403);
    expect((await api.call('GET', '/projects', { role: 'admin' })).status).toBe(200);
  });

  it('answers 503 with Retry-After when the projector does not reach minPosition within 5 s', async () => {
    const started = Date.now();
    const response = await api.call('GET', '/projects?minPosition=99');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toMatchObject({ code: 'PROJECTION.BEHIND' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(4900);
  }, 15_000);

  it('streams updates as SSE with the position as id, replaying after Last-Event-ID, then live', async () => {
    await mongoliaLifecycle();
    const stream = readSse(`${api.baseUrl}/projects/updates`, {
      authorization: `Bearer ${QUERY_TEST_KEYS.reader}`,
      'last-event-id': '1',
    });
    const replayed = await stream.next(3);
    expect(replayed.map((e) => [e.id, e.event, JSON.parse(e.data).eventType])).toEqual([
      ['2', 'project-changed', 'ProjectStarted'],
      ['3', 'project-changed', 'ProjectBudgetRevised'],
      ['4', 'project-changed', 'ProjectCompleted'],
    ]);
    await command('/projects', { ...mongolia, projectId: 'TC.0790', primaId: null });
    const [live] = await stream.next(1);
    expect(live.id).toBe('5');
    expect(JSON.parse(live.data)).toMatchObject({
      projectId: 'TC.0790',
      eventType: 'ProjectCreated',
      status: 'planned',
      position: 5,
    });
    // Shutting down with a client still connected ends its stream instead of hanging the server.
    await api.stop();
    await stream.close();
  });

  it('runs the projector in-process: checkpoint and lag follow the log', async () => {
    const projector = api.app.get(ProjectorService);
    const position = await mongoliaLifecycle();
    await api.call('GET', `/projects?minPosition=${position}`);
    expect(projector.checkpoint).toBe(position);
    expect(await projector.lag()).toBe(0);
    expect(projector.status()).toMatchObject({ running: true, lastError: null });
  });

  describe('with the projector in another process', () => {
    it('serves read-your-writes and live updates by polling the shared read model', async () => {
      await api.stop();
      api = await startQueryApi({ projectorEnabled: false });
      const projector = startProjectorProcess(['run'], {
        readModel: 'sqlite',
        dataDir: api.dataDir,
        databaseUrl: 'postgres://unused',
      });
      try {
        // Its start-up (compiling TypeScript on the fly) must not eat into the 5 s minPosition window.
        for (let waited = 0; !projector.output().includes('projector following the log'); waited += 100) {
          if (waited > 20_000) throw new Error(`projector did not start: ${projector.output()}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const stream = readSse(`${api.baseUrl}/projects/updates`, {
          authorization: `Bearer ${QUERY_TEST_KEYS.reader}`,
          'last-event-id': '0',
        });
        const position = await command('/projects', mongolia);
        const response = await api.call('GET', `/projects/TC.0789?minPosition=${position}`);
        expect(response.status).toBe(200);
        expect(((await response.json()) as { status: string }).status).toBe('planned');
        const [created] = await stream.next(1, 8000);
        expect(created.id).toBe(String(position));
        await stream.close();
      } finally {
        projector.child.kill('SIGTERM');
        expect(await projector.exited).toBe(0);
      }
    }, 30_000);
  });
});
