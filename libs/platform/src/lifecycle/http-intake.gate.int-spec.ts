import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { HttpIntakeGate } from './http-intake.gate';

/**
 * Two requests on one kept-alive connection, raw: the second is sent once the first is inside the
 * handler and `stop` has run, so it arrives on a busy connection after the stop began. The caller lets
 * the first finish once the server has the second (not after a guessed delay).
 */
async function secondAfterStop(port: number, stop: () => void): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  let text = '';
  let sent = false;
  socket.on('data', (chunk) => {
    text += chunk.toString();
    if (sent || !text.includes('first-started')) return;
    sent = true;
    stop();
    socket.write('POST /projects HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n');
  });
  socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
  await new Promise((resolve) => socket.once('close', resolve));
  return text;
}

describe('HttpIntakeGate (a plain Node http.Server, as Express and Fastify use it)', () => {
  it('lets the request in flight finish, answers one arriving after close() with 503 and Connection: close', async () => {
    const handled: string[] = [];
    let slow: ServerResponse | undefined;
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      handled.push(`${req.method} ${req.url}`);
      if (req.url !== '/slow') return void res.writeHead(201).end('accepted');
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('first-started\n'); // tells the client the first request is inside
      slow = res;
    });
    const gate = new HttpIntakeGate(server);
    // After the gate's own listener: the second request has been answered (or let through) by now, so
    // the first may finish. A 50 ms timer here raced the second request's arrival on a loaded machine.
    server.on('request', (req: IncomingMessage) => {
      if (req.url === '/projects') slow!.end('first-done\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    let pendingAtStop = -1;
    const text = await secondAfterStop(port, () => {
      gate.close();
      pendingAtStop = gate.pending;
    });
    await gate.drained();

    expect(pendingAtStop).toBe(1);
    expect(text).toContain('first-done');
    expect(text).toMatch(/HTTP\/1\.1 503 Service Unavailable\r\n[\s\S]*[Cc]onnection: close/);
    expect(text).toContain('"code":"SERVICE.STOPPING"');
    expect(handled).toEqual(['GET /slow']); // the second request never reached the handler
    expect(gate.pending).toBe(0);
  });
});
