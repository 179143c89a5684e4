import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * What keeps a Node process alive, as far as it can be seen from inside it: libuv handles (sockets, servers,
 * timers, child processes) and worker threads, which no public or private list of handles includes.
 */
export type Handle = { constructor?: { name?: string } } & Record<string, unknown>;

const threads = createRequire(__filename)('node:worker_threads') as { Worker: typeof Worker };
const refed = new WeakMap<object, boolean>();
const liveWorkers = new Set<Worker>();

/**
 * Starts following worker threads: `Worker` becomes a subclass that records each thread from its construction
 * to its exit, and whether it was unref'd (an unref'd thread does not keep the process alive). Call once per
 * process, before test code runs; test code gets the same core module object, so it constructs the subclass.
 */
export function trackWorkerThreads(): void {
  if (threads.Worker !== Worker) return;
  threads.Worker = class TrackedWorker extends Worker {
    constructor(...args: ConstructorParameters<typeof Worker>) {
      super(...args);
      liveWorkers.add(this);
      this.once('exit', () => liveWorkers.delete(this));
    }
    override ref(): void {
      refed.set(this, true);
      super.ref();
    }
    override unref(): void {
      refed.set(this, false);
      super.unref();
    }
  };
}

const isStdio = (handle: unknown): boolean =>
  handle === process.stdout || handle === process.stderr || handle === process.stdin;

/** Open handles that keep this process alive: libuv's (less stdio) and worker threads not unref'd. */
export function activeHandles(): Handle[] {
  const libuv = (process as unknown as { _getActiveHandles(): Handle[] })._getActiveHandles();
  const workers = [...liveWorkers].filter((w) => refed.get(w) !== false) as unknown as Handle[];
  return [...libuv.filter((h) => !isStdio(h)), ...workers];
}

/** Pending operations of libuv's thread pool or DNS (a file read, a lookup): they may still open a handle. */
export const activeRequests = (): unknown[] =>
  (process as unknown as { _getActiveRequests(): unknown[] })._getActiveRequests();

export function describeHandle(handle: Handle): string {
  const kind = handle.constructor?.name ?? typeof handle;
  const field = (name: string): unknown => handle[name];
  if (kind === 'Socket' || kind === 'TLSSocket')
    return `${kind} to ${String(field('remoteAddress') ?? '?')}:${String(field('remotePort') ?? '?')}`;
  if (kind === 'Server') {
    const address = (handle as unknown as { address(): unknown }).address();
    return `Server listening on ${JSON.stringify(address)}`;
  }
  if (kind === 'Timeout')
    return `Timeout of ${String(field('_idleTimeout'))} ms (${String(field('_onTimeout')).slice(0, 80)})`;
  if (kind === 'ChildProcess') return `ChildProcess ${String(field('pid'))} (${String(field('spawnfile'))})`;
  if (handle instanceof Worker) return `Worker thread ${handle.threadId}`;
  return kind;
}
