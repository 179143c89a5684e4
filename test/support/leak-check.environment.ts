import { TestEnvironment } from 'jest-environment-node';
import {
  activeHandles,
  activeRequests,
  describeHandle,
  trackWorkerThreads,
  type Handle,
} from './open-handles';

/**
 * Jest's Node environment, plus one check: a test file must close what it opened. A socket, server, timer,
 * child process or worker thread still open after the file's last test keeps jest's worker process alive at the end
 * of the run ("A worker process has failed to exit gracefully") and usually means a test or the code under
 * test forgets to stop something. Handles still closing get a short grace period; the ones left then fail the
 * file, named with what is known about them (port, pid, delay).
 */
// Generous: a handle that is still closing (a killed child not yet reaped, a socket awaiting its FIN) can
// take seconds on a loaded CI machine, and a real leak stays open however long one waits. A file whose
// handles close on time pays only for the closing, not for the grace.
const GRACE_MS = 10_000;
const POLL_MS = 25;

/** jest-worker's "end" message to a worker process (jest-worker/build/types: CHILD_MESSAGE_END). */
const JEST_WORKER_END = 2;
const END_REPORT_AFTER_MS = 300; // jest force-exits a worker 500 ms after asking it to end
let lastTestPath = '(none yet)';
const LARGE_WORKER_MIB = 1024;

/**
 * In a jest worker process: when jest asks it to end, name whatever still keeps it alive, with the last test
 * file it ran, instead of only jest's anonymous "failed to exit gracefully". The timer is unref'd, so a
 * worker that exits on time prints nothing. The listener removes itself, so it never holds the IPC channel.
 */
function reportHandlesKeepingWorkerAlive(): void {
  const flag = '__ledgerLeakCheckEndHook';
  const scope = globalThis as Record<string, unknown>;
  const inJestWorker = /jest-worker[\\/]build[\\/](workers[\\/])?processChild/.test(process.argv[1] ?? '');
  if (!inJestWorker || !process.send || scope[flag]) return;
  scope[flag] = true;
  const onMessage = (message: unknown) => {
    if (!Array.isArray(message) || message[0] !== JEST_WORKER_END) return;
    process.removeListener('message', onMessage);
    const residentMiB = Math.round(process.memoryUsage().rss / 2 ** 20);
    if (residentMiB >= LARGE_WORKER_MIB)
      process.stderr.write(
        `[leak-check] jest worker ${process.pid} ends with ${residentMiB} MiB resident after ${lastTestPath}: ` +
          `releasing that can outlast the 500 ms jest allows, with nothing left open\n`,
      );
    setTimeout(() => {
      const left = activeHandles().filter((h) => h !== (process as { channel?: unknown }).channel);
      process.stderr.write(
        `[leak-check] jest worker ${process.pid} did not exit after its last test file (${lastTestPath}); ` +
          `still open: ${left.map(describeHandle).join('; ') || '(no handle: pending requests or the IPC channel)'}\n`,
      );
    }, END_REPORT_AFTER_MS).unref();
  };
  process.on('message', onMessage);
}
trackWorkerThreads();
reportHandlesKeepingWorkerAlive();

export default class LeakCheckEnvironment extends TestEnvironment {
  private readonly testPath: string;
  private openedBefore = new Set<Handle>();

  constructor(...args: ConstructorParameters<typeof TestEnvironment>) {
    super(...args);
    this.testPath = args[1].testPath;
  }

  override async setup(): Promise<void> {
    this.openedBefore = new Set(activeHandles());
    await super.setup();
  }

  override async teardown(): Promise<void> {
    await super.teardown();
    lastTestPath = this.testPath;
    const left = await this.handlesLeftAfterGrace();
    if (left.length > 0)
      throw new Error(
        `${this.testPath} left ${left.length} handle(s) open ${GRACE_MS} ms after its last test: ` +
          `${left.map(describeHandle).join('; ')}. Close them in afterAll/afterEach (or in the code under test).`,
      );
  }

  private async handlesLeftAfterGrace(): Promise<Handle[]> {
    const opened = () => activeHandles().filter((h) => !this.openedBefore.has(h));
    const deadline = Date.now() + GRACE_MS;
    let left = opened();
    while ((left.length > 0 || activeRequests().length > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      left = opened();
    }
    return left;
  }
}
