import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { createTestIssuer } from '@ledger/platform/security/testing/jwt-issuer.fixture';
import { RunningLedger, startLedger } from '../support/standalone-harness';
import { mongoliaProject } from '../support/mongolia';

// Each test boots an app; on a loaded 2-core CI machine that alone can take seconds.
jest.setTimeout(30_000);

const headOf = (ledger: RunningLedger) => ledger.app.get<EventStore>(EVENT_STORE).headPosition();

describe('HTTP hardening', () => {
  let ledger: RunningLedger;
  afterEach(() => ledger?.stop());

  describe('headers and CORS', () => {
    it('every response, errors included, carries the security headers and no x-powered-by', async () => {
      ledger = await startLedger();
      for (const response of [
        await ledger.call('GET', '/health/live'),
        await ledger.call('POST', '/projects', { role: null, body: {} }),
      ]) {
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
        expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
        expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
        expect(response.headers.get('x-powered-by')).toBeNull();
      }
    });

    it('CORS is off unless configured: no origin is ever allowed', async () => {
      ledger = await startLedger();
      const simple = await ledger.call('GET', '/health/live', {
        headers: { origin: 'https://dashboard.example.org' },
      });
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await ledger.call('OPTIONS', '/projects', {
        role: null,
        headers: { origin: 'https://dashboard.example.org', 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('with CORS_ORIGINS, only those origins are allowed, with the headers the API uses', async () => {
      ledger = await startLedger({ corsOrigins: ['https://dashboard.example.org'] });
      const preflight = await ledger.call('OPTIONS', '/projects/TC.0789/start', {
        role: null,
        headers: {
          origin: 'https://dashboard.example.org',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,if-match',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://dashboard.example.org');
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/If-Match/);
      const other = await ledger.call('GET', '/health/live', {
        headers: { origin: 'https://evil.example.net' },
      });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('rate limits', () => {
    it('per key: the next request gets 429 problem+json with Retry-After, appends nothing, and other keys go on', async () => {
      ledger = await startLedger({ rateLimitPerMinute: 5 });
      for (let i = 0; i < 5; i++)
        expect((await ledger.call('GET', '/projects/NONE/events', { role: 'publisher' })).status).toBe(403);
      const before = await headOf(ledger);
      const limited = await ledger.call('POST', '/projects', { role: 'publisher', body: mongoliaProject });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(await limited.json()).toMatchObject({ status: 429, code: 'REQUEST.RATE_LIMITED' });
      expect(await headOf(ledger)).toBe(before);
      expect((await ledger.call('POST', '/projects', { role: 'admin', body: mongoliaProject })).status).toBe(
        201,
      );
    });

    it('per address: made-up keys do not buy more attempts; health and metrics stay exempt', async () => {
      ledger = await startLedger({ rateLimitPerMinute: 1000, rateLimitPerAddressPerMinute: 8 });
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const response = await ledger.call('GET', '/projects/TC.0789/events', {
          role: null,
          headers: { authorization: `Bearer guess-${i}-xxxxxxxx` },
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([...Array(8).fill(401), 429, 429]);
      expect((await ledger.call('GET', '/projects/TC.0789/events', { role: 'auditor' })).status).toBe(429);
      for (let i = 0; i < 20; i++) {
        expect((await ledger.call('GET', '/health/live', { role: null })).status).toBe(200);
        expect((await ledger.call('GET', '/metrics', { role: null })).status).toBe(200);
      }
    });
  });

  describe('strict input', () => {
    beforeEach(async () => (ledger = await startLedger()));

    it('unknown query parameters are a 400 and change nothing', async () => {
      const before = await headOf(ledger);
      const command = await ledger.call('POST', '/projects?dryRun=true', {
        role: 'publisher',
        body: mongoliaProject,
      });
      expect(command.status).toBe(400);
      expect(await command.json()).toMatchObject({
        code: 'QUERY.INVALID_PARAMETER',
        errors: [{ field: 'dryRun', code: 'UNKNOWN' }],
      });
      const history = await ledger.call('GET', '/projects/TC.0789/events?limit=1', { role: 'auditor' });
      expect(history.status).toBe(400);
      expect(await headOf(ledger)).toBe(before);
    });

    it('__proto__ and constructor keys are rejected and pollute nothing, in bodies and query strings', async () => {
      const before = await headOf(ledger);
      const bodies = [
        `{"__proto__":{"polluted":"yes"},${JSON.stringify(mongoliaProject).slice(1)}`,
        `{"constructor":{"prototype":{"polluted":"yes"}},${JSON.stringify(mongoliaProject).slice(1)}`,
        JSON.stringify(mongoliaProject).replace(
          '"currency":"USD"',
          '"currency":"USD","__proto__":{"polluted":"yes"}',
        ),
        JSON.stringify({
          ...mongoliaProject,
          benefitingMemberStates: JSON.parse('{"__proto__":{"polluted":"yes"},"length":1,"0":"MN"}'),
        }),
      ];
      for (const rawBody of bodies) {
        const response = await ledger.call('POST', '/projects', {
          role: 'publisher',
          rawBody,
          headers: { 'content-type': 'application/json' },
        });
        expect(response.status).toBe(400);
        expect((await response.json()).code).toBe('VALIDATION.FAILED');
      }
      const query = await ledger.call(
        'POST',
        '/projects?__proto__[polluted]=yes&constructor[prototype][polluted]=yes',
        { role: 'publisher', body: mongoliaProject },
      );
      expect(query.status).toBe(400);
      expect(await headOf(ledger)).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
      // The app still works normally afterwards, and nothing of the attempts reached the record.
      expect(
        (await ledger.call('POST', '/projects', { role: 'publisher', body: mongoliaProject })).status,
      ).toBe(201);
      const history = await (
        await ledger.call('GET', '/projects/TC.0789/events', { role: 'auditor' })
      ).text();
      expect(history).not.toContain('polluted');
    });

    it('JSON nested deeper than 32 levels is a 400 before any handler walks it (it used to overflow the stack: 500)', async () => {
      const before = await headOf(ledger);
      const deep = '['.repeat(20_000) + ']'.repeat(20_000);
      const response = await ledger.call('POST', '/projects/TC.0789/start', {
        role: 'publisher',
        rawBody: deep,
        headers: { 'content-type': 'application/json', 'idempotency-key': 'deep-1' },
      });
      expect(response.status).toBe(400);
      expect((await response.json()).code).toBe('REQUEST.TOO_DEEP');
      expect(await headOf(ledger)).toBe(before);
    });

    it('bodies over 64 KB get 413 before any work, with or without a Content-Length', async () => {
      const before = await headOf(ledger);
      const huge = JSON.stringify({ ...mongoliaProject, description: 'x'.repeat(70 * 1024) });
      const sized = await ledger.call('POST', '/projects', {
        role: 'publisher',
        rawBody: huge,
        headers: { 'content-type': 'application/json' },
      });
      expect(sized.status).toBe(413);
      expect((await sized.json()).code).toBe('REQUEST.TOO_LARGE');
      const stream = new Blob([huge]).stream();
      const chunked = await fetch(`${ledger.baseUrl}/projects`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer publisher-dev-key' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).toBe(413);
      const justUnder = JSON.stringify({ ...mongoliaProject, description: 'x'.repeat(60 * 1024) });
      const under = await ledger.call('POST', '/projects', {
        role: 'publisher',
        rawBody: justUnder,
        headers: { 'content-type': 'application/json' },
      });
      expect(under.status).toBe(400);
      expect((await under.json()).errors).toEqual([expect.objectContaining({ field: 'description' })]);
      expect(await headOf(ledger)).toBe(before);
    });
  });

  describe('JWT bearer tokens', () => {
    it('are accepted beside API keys, with roles from the token and actor jwt:<iss>:<sub>', async () => {
      const idp = await createTestIssuer();
      ledger = await startLedger({
        jwt: { issuer: idp.issuer, audience: idp.audience, publicKey: idp.publicKeyPem },
      });
      const as = async (token: string, method: string, path: string, body?: unknown) =>
        ledger.call(method, path, { role: null, body, headers: { authorization: `Bearer ${token}` } });
      const publisher = await idp.sign({ scope: 'ledger:publisher' }, { subject: 'finance-system' });
      const reader = await idp.sign({ roles: ['reader'] });
      const auditor = await idp.sign({ roles: ['auditor'] });
      const expired = await idp.sign(
        { roles: ['admin'] },
        { expiresIn: Math.floor(Date.now() / 1000) - 120 },
      );

      expect((await as(reader, 'POST', '/projects', mongoliaProject)).status).toBe(403);
      expect((await as(expired, 'POST', '/projects', mongoliaProject)).status).toBe(401);
      expect((await as(publisher, 'POST', '/projects', mongoliaProject)).status).toBe(201);
      expect(
        (
          await ledger.call('POST', '/projects/TC.0789/start', {
            role: 'publisher',
            body: { actualStart: '2014' },
          })
        ).status,
      ).toBe(200);
      const events = await (await as(auditor, 'GET', '/projects/TC.0789/events')).json();
      expect(events.map((e: { metadata: { actor: string } }) => e.metadata.actor)).toEqual([
        `jwt:${idp.issuer}:finance-system`,
        expect.stringMatching(/^api-key:publisher:/),
      ]);
    });

    it('are refused when JWT is not configured', async () => {
      const idp = await createTestIssuer();
      ledger = await startLedger();
      const token = await idp.sign({ roles: ['admin'] });
      expect(
        (
          await ledger.call('GET', '/projects/TC.0789/events', {
            role: null,
            headers: { authorization: `Bearer ${token}` },
          })
        ).status,
      ).toBe(401);
    });
  });
});
