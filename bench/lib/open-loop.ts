import { Agent, request } from 'node:http';
import { wallNow } from './wall-clock';

export interface SentCommand {
  sentAt: number;
  respondedAt: number;
  status: number;
  /** Global position of the accepted command's event; 0 when it was not accepted. */
  position: number;
}

export interface OpenLoopOptions {
  port: number;
  path: string;
  authorization: string;
  rate: number;
  durationMs: number;
  body: (n: number) => unknown;
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
  const fire = (n: number) => {
    const payload = JSON.stringify(options.body(n));
    const entry: SentCommand = { sentAt: wallNow(), respondedAt: 0, status: 0, position: 0 };
    sent.push(entry);
    pending.push(
      new Promise<void>((resolve) => {
        const req = request(
          {
            agent,
            host: '127.0.0.1',
            port: options.port,
            method: 'POST',
            path: options.path,
            headers: { 'content-type': 'application/json', authorization: options.authorization },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              entry.respondedAt = wallNow();
              entry.status = res.statusCode ?? 0;
              if (entry.status < 300)
                entry.position = Number(JSON.parse(Buffer.concat(chunks).toString()).position);
              resolve();
            });
          },
        );
        req.on('error', () => ((entry.respondedAt = wallNow()), resolve()));
        req.end(payload);
      }),
    );
  };
  const start = performance.now();
  let issued = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) * options.rate) / 1000) + 1);
      while (issued < due) fire(issued++);
      if (issued >= total) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  await Promise.all(pending);
  agent.destroy();
  return sent;
}
