import { TestEnvironment } from 'jest-environment-node';

/**
 * Jest's Node environment, plus one check: a test file must close what it opened. A socket, server, timer,
 * child process or worker still open after the file's last test keeps jest's worker process alive at the end
 * of the run ("A worker process has failed to exit gracefully") and usually means a test or the code under
 * test forgets to stop something. Handles still closing get a short grace period; the ones left then fail the
 * file, named with what is known about them (port, pid, delay).
 */
// Generous: a handle that is still closing (a killed child not yet reaped, a socket awaiting its FIN) can
// take seconds on a loaded CI machine, and a real leak stays open however long one waits. A file whose
// handles close on time pays only for the closing, not for the grace.
const GRACE_MS = 10_000;
const POLL_MS = 25;

type Handle = { constructor?: { name?: string } } & Record<string, unknown>;

const activeHandles = (): Handle[] =>
  (process as unknown as { _getActiveHandles(): Handle[] })._getActiveHandles();

const isStdio = (handle: Handle): boolean =>
  handle === (process.stdout as unknown) ||
  handle === (process.stderr as unknown) ||
  handle === (process.stdin as unknown);

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
  return kind;
}

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
    const left = await this.handlesLeftAfterGrace();
    if (left.length > 0)
      throw new Error(
        `${this.testPath} left ${left.length} handle(s) open ${GRACE_MS} ms after its last test: ` +
          `${left.map(describeHandle).join('; ')}. Close them in afterAll/afterEach (or in the code under test).`,
      );
  }

  private async handlesLeftAfterGrace(): Promise<Handle[]> {
    const opened = () => activeHandles().filter((h) => !this.openedBefore.has(h) && !isStdio(h));
    const deadline = Date.now() + GRACE_MS;
    let left = opened();
    while (left.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      left = opened();
    }
    return left;
  }
}
