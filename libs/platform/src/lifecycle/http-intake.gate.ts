import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { problemType } from '../problem/problem.exception';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

const CLOSED_BODY = JSON.stringify({
  type: problemType('SERVICE.STOPPING'),
  title: 'The ledger is stopping',
  status: 503,
  code: 'SERVICE.STOPPING',
  detail: 'This instance no longer accepts requests; retry against another instance or after restart.',
});

/**
 * Sits in front of whatever framework handles requests on the Node http.Server (Fastify, as Express before
 * it, registers one 'request' listener), so stopping does not depend on the adapter.
 * Once closed, a request that arrives on a kept-alive connection is answered 503 with `Connection: close`
 * and never reaches a controller: nothing is accepted after the stop began. Requests already inside
 * run to completion, and their responses also close the connection.
 */
export class HttpIntakeGate {
  private readonly inFlight = new Set<ServerResponse>();
  private closed = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly server: Server) {
    const handlers = server.listeners('request') as RequestListener[];
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (this.closed) return this.refuse(res);
      this.inFlight.add(res);
      res.once('close', () => this.settle(res));
      for (const handler of handlers) handler.call(server, req, res);
    });
  }

  /** Stops accepting: no new connections, idle kept-alive ones closed, busy ones closed after their response. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    this.server.close(() => undefined);
    this.server.closeIdleConnections();
  }

  get pending(): number {
    return this.inFlight.size;
  }

  /** Resolves when every request that got in before close() has been answered. */
  drained(): Promise<void> {
    if (this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops the connections still open (a second Ctrl-C or a timed-out stop). */
  closeAll(): void {
    this.server.closeAllConnections();
  }

  private settle(res: ServerResponse): void {
    this.inFlight.delete(res);
    if (this.closed) this.server.closeIdleConnections();
    if (this.inFlight.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }

  private refuse(res: ServerResponse): void {
    res.writeHead(503, {
      'Content-Type': 'application/problem+json',
      'Content-Length': Buffer.byteLength(CLOSED_BODY),
      Connection: 'close',
      'Retry-After': '5',
    });
    res.end(CLOSED_BODY);
  }
}
