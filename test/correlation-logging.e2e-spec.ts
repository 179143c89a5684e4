import { Writable } from 'node:stream';
import { RunningLedger, startLedger } from './support/standalone-harness';
import { mongoliaProject } from './support/mongolia';

describe('structured logs and correlation ids', () => {
  let ledger: RunningLedger;
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });

  beforeEach(async () => {
    lines.length = 0;
    ledger = await startLedger({ logLevel: 'info' }, { logDestination: sink });
  });
  afterEach(() => ledger.stop());

  it('carries the caller’s X-Correlation-Id into the response, the JSON log line and the event metadata', async () => {
    const response = await ledger.call('POST', '/projects', {
      role: 'publisher',
      body: mongoliaProject,
      headers: { 'x-correlation-id': 'trace-7f3a' },
    });
    expect(response.headers.get('x-correlation-id')).toBe('trace-7f3a');
    const [created] = await (
      await ledger.call('GET', '/projects/TC.0789/events', { role: 'auditor' })
    ).json();
    expect(created.metadata.correlationId).toBe('trace-7f3a');
    const requestLine = lines.find((l) => l.msg === 'request' && l.method === 'POST');
    expect(requestLine).toMatchObject({
      correlationId: 'trace-7f3a',
      path: '/projects',
      status: 201,
      level: 30,
    });
  });

  it('generates a correlation id when none (or a malformed one) is sent, and uses it everywhere', async () => {
    const response = await ledger.call('POST', '/projects', {
      role: 'publisher',
      body: mongoliaProject,
      headers: { 'x-correlation-id': 'bad id with spaces' },
    });
    const generated = response.headers.get('x-correlation-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const [created] = await (
      await ledger.call('GET', '/projects/TC.0789/events', { role: 'auditor' })
    ).json();
    expect(created.metadata.correlationId).toBe(generated);
  });
});
