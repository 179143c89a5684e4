import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveWorker } from './worker-runtime';

let server: Server | null = null;

/**
 * This machine's HTTP ceiling: node:http reading and parsing the same JSON body and answering 201 with a
 * small JSON reply. No framework, no auth, no logging: nothing any real endpoint can beat.
 */
async function start(): Promise<{ port: number }> {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { projectId?: string };
      const reply = JSON.stringify({ projectId: body.projectId ?? null, revision: 0, position: 0 });
      response.writeHead(201, { 'content-type': 'application/json' }).end(reply);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port };
}

serveWorker(
  { start },
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);
