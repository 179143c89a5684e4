import { connect } from 'amqplib';
import { acquireBrokerLock, TEST_AMQP_URL, uniqueName } from '@ledger/messaging/testing';
import { ProjectorService } from '../apps/projector/src/projector.service';
import { RunningLedger, startLedger } from './support/standalone-harness';
import { mongoliaProject } from './support/mongolia';

/** Generous: projector and relay run in the background at a loaded machine's pace. */
const eventually = async (probe: () => Promise<boolean>, ms = 20_000) => {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    if (await probe()) return;
  }
  throw new Error('condition not reached in time');
};

describe('health and metrics', () => {
  let ledger: RunningLedger;
  afterEach(() => ledger.stop());

  describe('embedded parts', () => {
    beforeEach(async () => (ledger = await startLedger()));

    it('/health/live and /health/ready answer without a key; ready reports event store, read model and projector', async () => {
      const live = await ledger.call('GET', '/health/live', { role: null });
      expect(live.status).toBe(200);
      expect((await live.json()).status).toBe('ok');
      await ledger.call('POST', '/projects', { role: 'publisher', body: mongoliaProject });
      await eventually(
        async () =>
          (await (await ledger.call('GET', '/health/ready', { role: null })).json()).info?.projector
            ?.checkpoint === 1,
      );
      const ready = await ledger.call('GET', '/health/ready', { role: null });
      const body = await ready.json();
      expect(ready.status).toBe(200);
      expect(body.info.eventStore).toMatchObject({ status: 'up', headPosition: 1 });
      expect(body.info.readModel).toMatchObject({ status: 'up' });
      expect(body.info.projector).toMatchObject({ status: 'up', lag: 0 });
    });

    it('/metrics counts commands by type and outcome, times appends, and shows projector lag', async () => {
      await ledger.call('POST', '/projects', { role: 'publisher', body: mongoliaProject });
      await ledger.call('POST', '/projects/TC.0789/complete', {
        role: 'publisher',
        body: { actualEnd: '2016' },
      });
      await ledger.call('POST', '/projects/TC.0789/start', {
        role: 'publisher',
        body: { actualStart: 'not a date' },
      });
      const response = await ledger.call('GET', '/metrics', { role: null });
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await response.text();
      expect(text).toContain('ledger_commands_total{type="CreateProject",outcome="accepted"} 1');
      expect(text).toContain('ledger_commands_total{type="CompleteProject",outcome="rejected"} 1');
      expect(text).toContain('ledger_commands_total{type="StartProject",outcome="invalid"} 1');
      expect(text).toMatch(/ledger_event_store_append_seconds_count 1\b/);
      expect(text).toMatch(/ledger_event_store_head_position 1\b/);
      expect(text).toMatch(/ledger_projector_lag_seconds \d/);
      expect(text).toMatch(/ledger_projector_parked_events 0\b/);
    });

    it('readiness fails (503) when the projector stops following the log', async () => {
      await ledger.app.get(ProjectorService).beforeApplicationShutdown();
      await ledger.call('POST', '/projects', { role: 'publisher', body: mongoliaProject });
      const ready = await ledger.call('GET', '/health/ready', { role: null });
      expect(ready.status).toBe(503);
      expect((await ready.json()).error.projector).toMatchObject({ status: 'down', lag: 1 });
    });
  });

  describe('with the relay', () => {
    let release: () => void;
    const exchange = uniqueName('test.health.events');
    beforeAll(async () => (release = await acquireBrokerLock()));
    afterAll(async () => {
      const connection = await connect(TEST_AMQP_URL);
      await (await connection.createChannel()).deleteExchange(exchange);
      await connection.close();
      release();
    });

    it('reports the relay ready with no lag once the broker confirmed, and counts confirms', async () => {
      ledger = await startLedger({ relayEnabled: true, relayExchange: exchange, amqpUrl: TEST_AMQP_URL });
      await ledger.call('POST', '/projects', { role: 'publisher', body: mongoliaProject });
      await eventually(
        async () =>
          (await (await ledger.call('GET', '/health/ready', { role: null })).json()).info?.relay
            ?.checkpoint === 1,
      );
      const body = await (await ledger.call('GET', '/health/ready', { role: null })).json();
      expect(body.info.relay).toMatchObject({ status: 'up', connected: true, lag: 0 });
      const text = await (await ledger.call('GET', '/metrics', { role: null })).text();
      expect(text).toMatch(/ledger_relay_confirms_total 1\b/);
      expect(text).toMatch(/ledger_relay_nacks_total 0\b/);
      expect(text).toMatch(/ledger_relay_lag_positions 0\b/);
    });
  });
});
