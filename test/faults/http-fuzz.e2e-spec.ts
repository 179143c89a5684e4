import fc from 'fast-check';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { RunningLedger, startLedger } from '../support/standalone-harness';
import { mongoliaProject } from '../support/mongolia';
import { mountedRoutes } from '../security/support/routes';
import { fuzzRequest, type FuzzRequest } from './support/fuzz-requests.arbitrary';
import { reportFigures, scaled } from './support/fault-scale';

const CASES = scaled(2_000, 10_000);

describe('HTTP fuzzing of every endpoint (fast-check)', () => {
  let ledger: RunningLedger;
  beforeAll(async () => {
    // Limits high enough that the fuzzer tests input handling, not the rate limiter.
    ledger = await startLedger({ rateLimitPerMinute: 1_000_000, rateLimitPerAddressPerMinute: 1_000_000 });
    expect(
      (await ledger.call('POST', '/projects', { role: 'publisher', body: mongoliaProject })).status,
    ).toBe(201);
  });
  afterAll(() => ledger.stop());

  it(
    `${CASES} generated requests: no 5xx, and the log only grows on 2xx`,
    async () => {
      const store = ledger.app.get<EventStore>(EVENT_STORE);
      const routes = mountedRoutes(ledger.app);
      const statuses = new Map<number, number>();
      let appendedBy2xx = 0;
      let appendedByRejected = 0;
      const started = Date.now();

      const send = async (request: FuzzRequest) => {
        const before = await store.headPosition();
        const response = await fetch(ledger.baseUrl + request.path, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: AbortSignal.timeout(20_000),
        });
        // A live-updates stream (SSE) never ends its body: its status and headers are the answer.
        const streaming = response.headers.get('content-type')?.startsWith('text/event-stream');
        const text = streaming ? (await response.body?.cancel(), '') : await response.text();
        const after = await store.headPosition();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 200 && response.status < 300) appendedBy2xx += after - before;
        else appendedByRejected += after - before;
        return {
          status: response.status,
          text,
          moved: after - before,
          contentType: response.headers.get('content-type') ?? '',
        };
      };

      await fc.assert(
        fc.asyncProperty(fuzzRequest(routes), async (request) => {
          const { status, text, moved, contentType } = await send(request);
          if (status >= 500)
            throw new Error(`${status} for ${request.method} ${request.path}: ${text.slice(0, 300)}`);
          if ((status < 200 || status >= 300) && moved !== 0)
            throw new Error(`${status} yet ${moved} events appended`);
          // Every refusal is problem+json with a stable code (a 404 of an unknown route included).
          if (
            status >= 400 &&
            !(contentType.startsWith('application/problem+json') && typeof JSON.parse(text).code === 'string')
          ) {
            throw new Error(`${status} without a problem+json body: ${contentType} ${text.slice(0, 200)}`);
          }
        }),
        { numRuns: CASES, seed: Number(process.env.LEDGER_FUZZ_SEED ?? Date.now() % 2 ** 31) },
      );

      const total = [...statuses.values()].reduce((a, b) => a + b, 0);
      const serverErrors = [...statuses]
        .filter(([status]) => status >= 500)
        .reduce((n, [, count]) => n + count, 0);
      expect(serverErrors).toBe(0);
      expect(appendedByRejected).toBe(0);
      reportFigures('http-fuzz', {
        requests: total,
        routes: routes.length,
        status5xx: serverErrors,
        eventsAppendedByRejected: appendedByRejected,
        eventsAppendedBy2xx: appendedBy2xx,
        statuses: [...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}:${n}`)
          .join(','),
        seconds: ((Date.now() - started) / 1000).toFixed(1),
      });
    },
    scaled(180_000, 600_000),
  );
});
