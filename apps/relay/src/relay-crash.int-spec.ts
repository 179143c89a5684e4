import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { seedProjects } from '@ledger/contracts/testing/project-events.fixture';
import {
  acquireBrokerLock,
  AmqpTestKit,
  TEST_AMQP_URL,
  uniqueName,
  type QueueCollector,
} from '@ledger/messaging/testing';
import { relayCheckpointFile, SqliteCheckpointStore } from './sqlite.checkpoint-store';

const ROOT = resolve(__dirname, '../../..');
const EVENTS = 20_000;
const KILLS = 20;
const WINDOW = 256;

/** Starts the relay CLI as a child process; `exit` resolves with the signal it died of (null on a clean exit). */
const children = new Set<ChildProcess>();

function startRelayProcess(env: Record<string, string>): {
  child: ChildProcess;
  exit: Promise<NodeJS.Signals | null>;
} {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/relay/src/main.ts', 'run'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<NodeJS.Signals | null>((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (signal === null && code !== 0) fail(new Error(`relay exited with ${code}: ${stderr}`));
      else done(signal);
    });
  });
  return { child, exit };
}

describe('Relay crash recovery (child process SIGKILLed between confirm and checkpoint)', () => {
  let dir: string;
  let kit: AmqpTestKit;
  let release: () => void;

  beforeAll(async () => {
    release = await acquireBrokerLock();
    dir = mkdtempSync(join(tmpdir(), 'relay-crash-'));
    kit = await AmqpTestKit.open();
  }, 200_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    try {
      await kit?.cleanup();
      rmSync(dir, { recursive: true, force: true });
    } finally {
      release?.();
    }
  });

  it(`delivers all ${EVENTS} events at least once across ${KILLS} kills, never checkpointing ahead of confirms`, async () => {
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    await seedProjects(store, { projects: EVENTS / 10, eventsPerProject: 10 });
    const all = await store.readAll({ limit: EVENTS + 1 });
    const head = await store.headPosition();
    await store.close();
    expect(all).toHaveLength(EVENTS);

    const exchange = uniqueName('test.crash');
    const queue: QueueCollector = await kit.collect(exchange, 'project.#');
    const positionsSeen = new Set<number>();
    const env = {
      DATA_DIR: dir,
      RELAY_EXCHANGE: exchange,
      AMQP_URL: TEST_AMQP_URL,
      RELAY_WINDOW: String(WINDOW),
    };
    const readCheckpoint = async (): Promise<number> => {
      const checkpoints = new SqliteCheckpointStore(relayCheckpointFile(dir));
      try {
        return await checkpoints.load('relay');
      } finally {
        await checkpoints.close();
      }
    };
    const seenUpTo = (checkpoint: number): boolean => {
      for (const m of queue.messages.splice(0)) positionsSeen.add(Number(m.properties.headers?.position));
      for (let p = 1; p <= checkpoint; p++) if (!positionsSeen.has(p)) return false;
      return true;
    };
    const received: { id: string; stream: string; revision: number }[] = [];
    const original = queue.push.bind(queue);
    queue.push = (msg) => {
      const h = msg.properties.headers ?? {};
      received.push({
        id: String(msg.properties.messageId),
        stream: String(h.stream),
        revision: Number(h.revision),
      });
      original(msg);
    };

    const started = Date.now();
    let previous = 0;
    let kills = 0;
    for (let i = 0; i < KILLS; i++) {
      const killAfter = 150 + Math.floor(Math.random() * 500);
      const signal = await startRelayProcess({ ...env, RELAY_FAILPOINT: `kill-after-confirm:${killAfter}` })
        .exit;
      if (signal === 'SIGKILL') kills++;
      const checkpoint = await readCheckpoint();
      expect(checkpoint).toBeGreaterThanOrEqual(previous);
      // Every position up to the stored checkpoint must be in the queue: the broker confirmed each of them.
      await queue.waitFor(() => seenUpTo(checkpoint), 10_000);
      previous = checkpoint;
    }
    const final = startRelayProcess(env);
    await queue.waitFor(() => seenUpTo(head), 90_000);
    // Let the last checkpoint be stored, then stop it gracefully.
    const deadline = Date.now() + 10_000;
    while ((await readCheckpoint()) < head && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(await readCheckpoint()).toBe(head);
    final.child.kill('SIGTERM');
    expect(await final.exit).toBeNull();
    const elapsed = Date.now() - started;

    const ids = new Set(received.map((r) => r.id));
    expect(all.every((e) => ids.has(e.eventId))).toBe(true);
    const duplicates = received.length - ids.size;
    expect(kills).toBe(KILLS);
    expect(duplicates).toBeLessThanOrEqual(kills * WINDOW);
    // Per project, the first time each event arrives its revision is the next one: order kept across restarts.
    const next = new Map<string, number>();
    const seenIds = new Set<string>();
    for (const r of received) {
      if (seenIds.has(r.id)) continue;
      seenIds.add(r.id);
      expect(r.revision).toBe(next.get(r.stream) ?? 0);
      next.set(r.stream, r.revision + 1);
    }
    console.log(
      `relay crash test: ${EVENTS} events, ${received.length} deliveries, ${duplicates} duplicates, ` +
        `${kills} SIGKILL restarts (window ${WINDOW}), ${(elapsed / 1000).toFixed(1)} s`,
    );
  }, 240_000);
});
