import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { serveWorker } from './worker-runtime';

let app: FastifyInstance | null = null;

/** A bare Fastify no-op (no Nest, no guards, no logging): the framework's own ceiling on this machine. */
async function start(): Promise<{ port: number }> {
  app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  app.post('/noop', async (request, reply) => {
    const body = request.body as { projectId?: string } | undefined;
    return reply.code(201).send({ projectId: body?.projectId ?? null, revision: 0, position: 0 });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: (app.server.address() as AddressInfo).port };
}

serveWorker({ start }, async () => {
  await app?.close();
});
