import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type Socket } from 'node:net';
import { createReadModel, PROJECTS_SUBSCRIPTION, READ_MODEL, type ReadModel } from '@ledger/read-model';
import { recorded, projectCreated } from '@ledger/read-model/testing/project-events.fixture';
import { QUERY_TEST_KEYS, startQueryApi, type QueryApiHarness } from '../testing/query-api.harness';

// More than the kernel buffers on both ends of a loopback connection hold (a few MB each).
const CHANGES = 100_000;

/** A read model holding one project and CHANGES - 1 extensions of it: one change row each. */
async function seed(dataDir: string): Promise<void> {
  const model = await createReadModel({ readModel: 'sqlite', dataDir, databaseUrl: '' });
  try {
    const events = [recorded(projectCreated({ projectId: 'P.1' }), 0, 1)];
    for (let n = 1; n < CHANGES; n++) {
      const plannedEnd = `${2020 + (n % 50)}-0${1 + (n % 9)}`;
      const data = { projectId: 'P.1', plannedEnd, reason: 'delays' };
      events.push(recorded({ type: 'ProjectExtended', data }, n, n + 1));
    }
    await model.applyBatch(PROJECTS_SUBSCRIPTION, events);
  } finally {
    await model.close();
  }
}

describe('live updates to a client that stops reading', () => {
  let dataDir: string;
  let api: QueryApiHarness;
  let socket: Socket | undefined;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sse-backpressure-'));
    await seed(dataDir);
    api = await startQueryApi({ dataDir });
  });
  afterEach(async () => {
    socket?.destroy();
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // Without flow control one slow reader replaying from Last-Event-ID: 0 makes the server read the whole
  // changes table into the socket's memory; it must stop reading while the client is not draining.
  it('reads no further than the client drains, then delivers everything once it reads again', async () => {
    const model = api.app.get<ReadModel>(READ_MODEL);
    const reads: number[] = [];
    const changesAfter = model.changesAfter.bind(model);
    model.changesAfter = (position, limit) => {
      reads.push(position);
      return changesAfter(position, limit);
    };
    const url = new URL(api.baseUrl);
    const client = connect(Number(url.port), url.hostname);
    socket = client;
    await new Promise<void>((resolve) => client.once('connect', resolve));
    client.pause();
    client.write(
      `GET /projects/updates HTTP/1.1\r\nHost: ${url.host}\r\n` +
        `Authorization: Bearer ${QUERY_TEST_KEYS.reader}\r\nLast-Event-ID: 0\r\n\r\n`,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(Math.max(0, ...reads)).toBeLessThan(CHANGES * 0.7);

    let text = '';
    client.setEncoding('utf8');
    client.on('data', (chunk: string) => (text += chunk));
    client.resume();
    const deadline = Date.now() + 15_000;
    while (!text.includes(`id: ${CHANGES}\n`) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(ids).toHaveLength(CHANGES);
    expect(ids.every((id, i) => id === i + 1)).toBe(true);
  }, 30_000);
});
