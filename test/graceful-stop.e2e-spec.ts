import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'amqplib';
import { SqliteEventStore } from '@ledger/event-store';
import { acquireBrokerLock, TEST_AMQP_URL, uniqueName } from '@ledger/messaging/testing';
import { mongoliaProject } from './support/mongolia';
import { freePort, spawnStandalone, type StandaloneProcess } from './support/standalone-process';
import { TEST_KEYS } from './support/test-keys';

const STOP_TIMEOUT_MS = 10_000;
const CLIENTS = 8;

interface Reply {
  projectId: string;
  sentAt: number;
  status: number;
  connection?: string;
  contentType?: string;
}

/** One POST /projects on the client's own kept-alive connection; a transport error resolves to status 0. */
function create(agent: Agent, baseUrl: string, projectId: string): Promise<Reply> {
  const body = JSON.stringify({ ...mongoliaProject, projectId, primaId: null });
  const sentAt = Date.now();
  return new Promise((resolve) => {
    const req = request(
      `${baseUrl}/projects`,
      {
        method: 'POST',
        agent,
        headers: {
          Authorization: `Bearer ${TEST_KEYS.publisher}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            projectId,
            sentAt,
            status: res.statusCode ?? 0,
            connection: res.headers.connection,
            contentType: res.headers['content-type'],
          }),
        );
      },
    );
    req.on('error', () => resolve({ projectId, sentAt, status: 0 }));
    req.end(body);
  });
}

/** A client sending commands back to back on one keep-alive connection until refused or told to stop. */
async function client(n: number, baseUrl: string, until: () => boolean, replies: Reply[]): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; !until(); i++) {
    const reply = await create(agent, baseUrl, `GS.${n}.${i}`);
    replies.push(reply);
    if (reply.status === 0) break;
  }
  agent.destroy();
}

describe('Ctrl-C under keep-alive load (a real standalone process)', () => {
  let release: () => void;
  let dataDir: string;
  let ledger: StandaloneProcess | undefined;
  const exchange = uniqueName('graceful-stop');
  beforeAll(async () => {
    release = await acquireBrokerLock();
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-stop-'));
  });
  afterAll(async () => {
    if (ledger?.child.exitCode === null) ledger.child.kill('SIGKILL');
    const connection = await connect(TEST_AMQP_URL);
    const channel = await connection.createChannel();
    await channel.deleteExchange(exchange);
    await connection.close();
    rmSync(dataDir, { recursive: true, force: true });
    release();
  });

  it('stops taking commands at once, loses no acknowledged one, drains projector and relay, exits within the bound', async () => {
    ledger = spawnStandalone(await freePort(), {
      DATA_DIR: dataDir,
      RELAY_ENABLED: 'true',
      RELAY_EXCHANGE: exchange,
      STOP_TIMEOUT_MS: String(STOP_TIMEOUT_MS),
      LOG_LEVEL: 'info',
    });
    await ledger.started();
    const replies: Reply[] = [];
    let signalledAt = 0;
    // Clients give up 20 s after the signal at the latest, so a server that never stops still ends the test.
    const giveUp = () => signalledAt > 0 && Date.now() > signalledAt + 20_000;
    const load = Array.from({ length: CLIENTS }, (_, n) => client(n, ledger!.baseUrl, giveUp, replies));
    while (replies.filter((r) => r.status === 201).length < 200) await new Promise((r) => setTimeout(r, 20));

    signalledAt = Date.now();
    ledger.child.kill('SIGINT');
    const exit = await ledger.exited;
    await Promise.all(load);

    const stopLine = ledger.logs().find((line) => line.phase === 'stop-intake');
    // Without a stop line (a process that never logs one), the signal itself is when the stop began.
    const stopBegan = stopLine ? Date.parse(String(stopLine.time)) : signalledAt;
    const acknowledged = replies.filter((r) => r.status === 201);
    const acceptedAfterStop = acknowledged.filter((r) => r.sentAt > stopBegan);
    const refused = replies.filter((r) => r.status === 503);
    console.log(
      `graceful stop: exit ${exit.code} after ${exit.at - signalledAt} ms (bound ${STOP_TIMEOUT_MS}); ` +
        `${acknowledged.length} acknowledged, ${acceptedAfterStop.length} accepted after the stop began, ` +
        `${refused.length} refused with 503`,
    );

    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at - signalledAt).toBeLessThanOrEqual(STOP_TIMEOUT_MS);
    expect(acceptedAfterStop).toEqual([]);
    expect(stopLine).toBeDefined();
    for (const reply of refused) {
      expect(reply).toMatchObject({ connection: 'close', contentType: 'application/problem+json' });
    }
    const phases = ledger
      .logs()
      .map((line) => line.phase)
      .filter(Boolean);
    expect(phases).toEqual(['stop-intake', 'stop-in-flight', 'stop-drain', 'stop-closed']);
    const drain = ledger.logs().find((line) => line.phase === 'stop-drain')!;
    expect(drain).toMatchObject({ drained: true, lags: { projector: 0, relay: 0 } });

    // What a restart reads: every acknowledged command's event is in the store.
    const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
    try {
      const stored = new Set(
        (await store.readAll({ limit: 1_000_000 })).map((e) => e.streamId.replace(/^project-/, '')),
      );
      expect(acknowledged.filter((r) => !stored.has(r.projectId))).toEqual([]);
    } finally {
      await store.close();
    }
  }, 90_000);

  it('a second Ctrl-C exits at once, and every acknowledged command is still stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-stop-twice-'));
    try {
      const twice = spawnStandalone(await freePort(), { DATA_DIR: dir, LOG_LEVEL: 'info' });
      await twice.started();
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const replies: Reply[] = [];
      for (let i = 0; i < 20; i++) replies.push(await create(agent, twice.baseUrl, `TWICE.${i}`));
      agent.destroy();
      twice.child.kill('SIGINT');
      while (!twice.logs().some((line) => line.phase === 'stop-intake'))
        await new Promise((resolve) => setTimeout(resolve, 10));
      twice.child.kill('SIGINT');
      expect((await twice.exited).code).toBe(130);
      expect(twice.logs().some((line) => String(line.msg).startsWith('stop: second signal'))).toBe(true);

      const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
      try {
        const stored = new Set((await store.readAll()).map((e) => e.streamId));
        const acknowledged = replies.filter((r) => r.status === 201).map((r) => `project-${r.projectId}`);
        expect(acknowledged).toHaveLength(20);
        expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
