import { RunningLedger, startLedger } from './support/standalone-harness';
import { mongoliaProject } from './support/mongolia';

describe('health and metrics', () => {
  let ledger: RunningLedger;
  beforeEach(async () => (ledger = await startLedger()));
  afterEach(() => ledger.stop());

  it('/health/live and /health/ready answer without a key; ready reports the event store', async () => {
    const live = await ledger.call('GET', '/health/live', { role: null });
    expect(live.status).toBe(200);
    expect((await live.json()).status).toBe('ok');
    const ready = await ledger.call('GET', '/health/ready', { role: null });
    const body = await ready.json();
    expect(ready.status).toBe(200);
    expect(body.info.eventStore).toMatchObject({ status: 'up', headPosition: 0 });
  });

  it('/metrics counts commands by type and outcome and times appends', async () => {
    await ledger.call('POST', '/projects', { role: 'publisher', body: mongoliaProject });
    await ledger.call('POST', '/projects/TC.0789/complete', { role: 'publisher', body: { actualEnd: '2016' } });
    await ledger.call('POST', '/projects/TC.0789/start', { role: 'publisher', body: { actualStart: 'not a date' } });
    const response = await ledger.call('GET', '/metrics', { role: null });
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toContain('ledger_commands_total{type="CreateProject",outcome="accepted"} 1');
    expect(text).toContain('ledger_commands_total{type="CompleteProject",outcome="rejected"} 1');
    expect(text).toContain('ledger_commands_total{type="StartProject",outcome="invalid"} 1');
    expect(text).toMatch(/ledger_event_store_append_seconds_count 1\b/);
    expect(text).toMatch(/ledger_event_store_head_position 1\b/);
  });
});
