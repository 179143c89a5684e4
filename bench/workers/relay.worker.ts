import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'amqplib';
import { SqliteEventStore } from '@ledger/event-store';
import { toEventMessage } from '@ledger/contracts';
import { regionSlug } from '@ledger/domain';
import { Relay } from '../../apps/relay/src/relay';
import { SqliteCheckpointStore } from '../../apps/relay/src/sqlite.checkpoint-store';
import { serveWorker } from './worker-runtime';

interface Timed {
  events: number;
  ms: number;
}

const quiet = {
  info: () => undefined,
  warn: (m: string) => console.warn(`[relay] ${m}`),
  error: (m: string) => console.error(`[relay] ${m}`),
};

const STALL_MS = 15_000;

/** Rejects when the checkpoint has not moved for STALL_MS: a stuck relay becomes a reported finding, not a hang. */
async function stalled(relay: Relay, head: number): Promise<never> {
  let last = -1;
  let since = performance.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const status = relay.status();
    if (status.checkpoint >= head) return new Promise<never>(() => undefined);
    if (status.checkpoint !== last) [last, since] = [status.checkpoint, performance.now()];
    else if (performance.now() - since > STALL_MS) {
      throw new Error(
        `relay stalled: checkpoint ${status.checkpoint} of ${head} for ${STALL_MS / 1000} s (status ${JSON.stringify(status)})`,
      );
    }
  }
}

const handlers = {
  /** Mean body size and one real message of the seeded log, so the raw publisher sends the same bytes. */
  async sampleMessage({ file }: { file: string }) {
    const store = new SqliteEventStore({ file });
    try {
      const events = await store.readAll({ limit: 1000 });
      const messages = events.map((e) => toEventMessage(e, { regionSlug: regionSlug('Asia and Oceania') }));
      const meanBytes = Math.round(messages.reduce((sum, m) => sum + m.body.length, 0) / messages.length);
      const { routingKey, properties } = messages[messages.length - 1];
      return { meanBytes, routingKey, headers: properties.headers };
    } finally {
      await store.close();
    }
  },

  /** Our relay from checkpoint 0 until the broker confirmed the whole seeded log. */
  async relay({
    file,
    amqpUrl,
    exchange,
    window,
  }: {
    file: string;
    amqpUrl: string;
    exchange: string;
    window: number;
  }): Promise<Timed> {
    const dir = mkdtempSync(join(tmpdir(), 'bench-relay-'));
    const store = new SqliteEventStore({ file });
    const checkpoints = new SqliteCheckpointStore(join(dir, 'checkpoint.sqlite'));
    const relay = new Relay({
      store,
      checkpoints,
      amqpUrl,
      exchange,
      window,
      logger: quiet,
      lagLogIntervalMs: 0,
    });
    try {
      const head = await store.headPosition();
      const t0 = performance.now();
      await relay.start();
      await Promise.race([relay.waitForCheckpoint(head), stalled(relay, head)]);
      const ms = performance.now() - t0;
      // status().confirmed only counts when a failpoint is set; every seeded event is a project event, so the
      // checkpoint (a position) is the number relayed.
      return { events: relay.status().checkpoint, ms };
    } finally {
      await relay.stop();
      await checkpoints.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },

  /** Raw amqplib: a confirm channel publishing `count` persistent messages of the same size, `window` in flight. */
  async rawPublish(p: {
    amqpUrl: string;
    exchange: string;
    count: number;
    bytes: number;
    window: number;
    routingKey: string;
    headers: Record<string, unknown>;
  }): Promise<Timed> {
    const model = await connect(p.amqpUrl);
    try {
      const channel = await model.createConfirmChannel();
      const body = Buffer.alloc(p.bytes, 'x');
      let inFlight = 0;
      let confirmed = 0;
      let wake: () => void = () => undefined;
      const t0 = performance.now();
      for (let i = 1; i <= p.count; i++) {
        while (inFlight >= p.window) await new Promise<void>((resolve) => (wake = resolve));
        inFlight += 1;
        const ok = channel.publish(
          p.exchange,
          p.routingKey,
          body,
          {
            persistent: true,
            messageId: String(i),
            contentType: 'application/cloudevents+json',
            headers: { ...p.headers, position: i },
          },
          (err) => {
            if (err) throw new Error(`nack ${i}`);
            inFlight -= 1;
            confirmed += 1;
            wake();
          },
        );
        if (!ok) await new Promise<void>((resolve) => channel.once('drain', () => resolve()));
      }
      await channel.waitForConfirms();
      return { events: confirmed, ms: performance.now() - t0 };
    } finally {
      await model.close().catch(() => undefined);
    }
  },
};

serveWorker(handlers);
