import { request, type ClientRequest } from 'node:http';
import { wallNow } from './wall-clock';

/** Many Server-Sent Event readers in this process, recording when each received each position. */
export class SseClients {
  private readonly requests: ClientRequest[] = [];
  /** position → receipt times (wall ms), one per reader that received it. */
  readonly received = new Map<number, number[]>();

  /** Opens `count` streams and resolves once every one answered 200 with its headers. */
  async open(port: number, path: string, authorization: string, count: number): Promise<void> {
    const opened = Array.from(
      { length: count },
      () =>
        new Promise<void>((resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port,
              path,
              agent: false,
              headers: { accept: 'text/event-stream', authorization },
            },
            (res) => {
              if (res.statusCode !== 200) return reject(new Error(`SSE answered ${res.statusCode}`));
              res.setEncoding('utf8');
              let buffered = '';
              res.on('data', (chunk: string) => {
                const at = wallNow();
                buffered += chunk;
                let end: number;
                while ((end = buffered.indexOf('\n\n')) >= 0) {
                  const message = buffered.slice(0, end);
                  buffered = buffered.slice(end + 2);
                  const id = /^id: (\d+)$/m.exec(message);
                  if (id) this.record(Number(id[1]), at);
                }
              });
              res.on('error', () => undefined);
              resolve();
            },
          );
          req.on('error', reject);
          req.end();
          this.requests.push(req);
        }),
    );
    await Promise.all(opened);
  }

  private record(position: number, at: number): void {
    let times = this.received.get(position);
    if (!times) this.received.set(position, (times = []));
    times.push(at);
  }

  close(): void {
    for (const req of this.requests) req.destroy();
  }
}
