import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { TEST_API_KEYS } from './test-keys';

const ROOT = join(__dirname, '..', '..');

/** `npm start` as its own OS process (node + @swc-node/register, no build), its output collected. */
export interface StandaloneProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** JSON log lines printed so far. */
  logs(): Array<Record<string, unknown>>;
  baseUrl: string;
  /** Resolves once the process answers /health/live. */
  started(timeoutMs?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/** A port that was free a moment ago (the process under test binds it itself). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function spawnStandalone(port: number, env: Record<string, string>): StandaloneProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/standalone/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      API_KEYS: TEST_API_KEYS,
      PORT: String(port),
      RELAY_ENABLED: 'false',
      AMQP_COMMANDS_ENABLED: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const logs = () =>
    out
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = async (timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const live = await fetch(`${baseUrl}/health/live`).then(
        (r) => r.ok,
        () => false,
      );
      if (live) return;
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`standalone did not start:\n${out.slice(-2000)}\n${err}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return { child, baseUrl, stdout: () => out, stderr: () => err, logs, started, exited };
}
