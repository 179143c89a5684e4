import { Agent, request } from 'node:http';
import { wallNow } from './wall-clock';

export interface SentCommand {
  sentAt: number;
  respondedAt: number;
  status: number;
  /** Global position of the accepted command's event; 0 when it was not accepted. */
  position: number;
  /** For sampled commands: when `GET <probe>?minPosition=<position>` answered, and its status. */
  probedAt?: number;
  probeStatus?: number;
}

export interface OpenLoopOptions {
  port: number;
  path: string;
  authorization: string;
  rate: number;
  durationMs: number;
  body: (n: number) => { projectId: string };
  /** Read-your-writes through the query API for every `every`-th accepted command. */
  probe?: { every: number; authorization: string; path: (projectId: string, position: number) => string };
}

interface Answer {
  status: number;
  body: string;
}

function call(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  payload?: string,
): Promise<Answer> {
  return new Promise((resolve) => {
    const req = request({ agent, host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(payload);
  });
}

/**
 * Open-loop load: requests leave on a fixed schedule (`rate` per second) whether or not earlier ones were
 * answered, so a slow server shows up as latency instead of quietly lowering the offered load.
 */
export async function openLoop(options: OpenLoopOptions): Promise<SentCommand[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const total = Math.round((options.rate * options.durationMs) / 1000);
  const sent: SentCommand[] = [];
  const pending: Promise<void>[] = [];
  const headers = { 'content-type': 'application/json', authorization: options.authorization };
  const fire = async (n: number, entry: SentCommand): Promise<void> => {
    const body = options.body(n);
    const answer = await call(agent, options.port, 'POST', options.path, headers, JSON.stringify(body));
    entry.respondedAt = wallNow();
    entry.status = answer.status;
    if (answer.status === 0 || answer.status >= 300) return;
    entry.position = Number(JSON.parse(answer.body).position);
    const probe = options.probe;
    if (probe && n % probe.every === 0) {
      const read = await call(agent, options.port, 'GET', probe.path(body.projectId, entry.position), {
        authorization: probe.authorization,
      });
      entry.probedAt = wallNow();
      entry.probeStatus = read.status;
    }
  };
  const start = performance.now();
  let issued = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) * options.rate) / 1000) + 1);
      for (; issued < due; issued++) {
        const entry: SentCommand = { sentAt: wallNow(), respondedAt: 0, status: 0, position: 0 };
        sent.push(entry);
        pending.push(fire(issued, entry));
      }
      if (issued >= total) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  await Promise.all(pending);
  agent.destroy();
  return sent;
}
