import { execFile } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCompose, ROOT } from './compose.loader';

/**
 * The health-check one-liners are real programs: run them with node against servers on this machine
 * (compose host names rewritten to 127.0.0.1) and check their exit codes.
 */
const compose = loadCompose();
const script = (service: string) => {
  const test = compose.services[service].healthcheck?.test;
  if (!Array.isArray(test) || test[0] !== 'CMD' || test[1] !== 'node' || test[2] !== '-e')
    throw new Error(`${service}: not a node -e probe`);
  return test[3];
};
const exitCode = (code: string, env: NodeJS.ProcessEnv = {}) =>
  new Promise<number>((resolve) =>
    execFile(process.execPath, ['-e', code], { timeout: 10_000, env: { ...process.env, ...env } }, (error) =>
      resolve(error ? Number(error.code ?? 1) : 0),
    ),
  );
/** The image's own HEALTHCHECK (used when the container runs outside compose). */
const imageProbe = () => {
  const line = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .find((l) => l.startsWith('HEALTHCHECK'));
  const exec = JSON.parse(line!.slice(line!.indexOf('CMD') + 3).trim()) as string[];
  return exec[2];
};

async function listen<T extends Server | ReturnType<typeof createTcpServer>>(
  server: T,
): Promise<{ server: T; port: number }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

describe('health probes', () => {
  const open: { close(cb: () => void): unknown }[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  });

  it.each([
    [200, 0],
    [503, 1],
  ])('an HTTP app answering /health/live with %i exits %i', async (status, expected) => {
    const { server, port } = await listen(
      createServer((req, res) => {
        res.statusCode = req.url === '/health/live' ? status : 404;
        res.end();
      }),
    );
    open.push(server);
    expect(await exitCode(script('command-api').replace(':3000/', `:${port}/`))).toBe(expected);
  });

  it('the image probe checks the port given in PORT', async () => {
    const { server, port } = await listen(
      createServer((req, res) => res.writeHead(req.url === '/health/live' ? 200 : 404).end()),
    );
    open.push(server);
    expect(await exitCode(imageProbe(), { PORT: String(port) })).toBe(0);
    expect(await exitCode(imageProbe(), { PORT: '1' })).toBe(1);
  });

  it('an HTTP app that does not answer is unhealthy', async () => {
    const { server, port } = await listen(createTcpServer());
    await new Promise((resolve) => server.close(resolve));
    expect(await exitCode(script('query-api').replace(':3000/', `:${port}/`))).toBe(1);
  });

  it('a worker is healthy while it can reach its broker, and unhealthy once it cannot', async () => {
    const { server, port } = await listen(createTcpServer((socket) => socket.end()));
    const probe = script('example-consumer').replace("['rabbitmq',5672]", `['127.0.0.1',${port}]`);
    expect(await exitCode(probe)).toBe(0);
    await new Promise((resolve) => server.close(resolve));
    expect(await exitCode(probe)).toBe(1);
  });

  it('a worker is unhealthy when any one of its services is unreachable', async () => {
    const { server, port } = await listen(createTcpServer((socket) => socket.end()));
    open.push(server);
    const probe = script('relay')
      .replace("['rabbitmq',5672]", `['127.0.0.1',${port}]`)
      .replace("['eventstore',2113]", "['127.0.0.1',1]");
    expect(await exitCode(probe)).toBe(1);
  });
});
