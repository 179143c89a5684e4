import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { APP_NODE_FLAGS } from '../../apps/standalone/src/node-flags';

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

/**
 * A benchmark process started from the compiled dist/bench/workers (same code path as production, with
 * path aliases rewritten), driven over IPC: `call(kind, payload)` resolves with the handler's value.
 */
export class WorkerProcess {
  /** Node flags every worker gets unless told otherwise (set once from the command line). */
  static defaultExecArgv: string[] = [];
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private exited: Error | null = null;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (message: Reply) => {
      const entry = this.waiting.get(message.id);
      if (!entry) return;
      this.waiting.delete(message.id);
      if (message.ok) entry.resolve(message.value);
      else entry.reject(new Error(`${name}: ${message.error}`));
    });
    child.on('exit', (code, signal) => {
      this.exited = new Error(`${name} exited (code ${code}, signal ${signal})`);
      for (const entry of this.waiting.values()) entry.reject(this.exited);
      this.waiting.clear();
    });
  }

  /** Starts dist/bench/workers/<name>.js; stdout is dropped (request logs would only cost the driver CPU). */
  static start(
    name: string,
    env: Record<string, string> = {},
    execArgv: string[] = WorkerProcess.defaultExecArgv,
  ): WorkerProcess {
    const child = fork(join(__dirname, '..', 'workers', `${name}.js`), [], {
      env: { ...process.env, ...env },
      execArgv,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return new WorkerProcess(name, child);
  }

  /** Starts a server of the app itself with the node flags `npm start` gives it (see node-flags.ts). */
  static startApp(name: 'ledger.server' | 'query.server', env: Record<string, string> = {}): WorkerProcess {
    return WorkerProcess.start(name, env, [...WorkerProcess.defaultExecArgv, ...APP_NODE_FLAGS]);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  call<T>(kind: string, payload: unknown = {}): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, kind, payload });
    });
  }

  /** Asks the worker to clean up and exit; resolves with its peak resident set size in MiB. */
  async stop(): Promise<number> {
    const { maxRssKb } = await this.call<{ maxRssKb: number }>('exit');
    await new Promise<void>((resolve) =>
      this.child.exitCode !== null ? resolve() : this.child.once('exit', () => resolve()),
    );
    return Math.round(maxRssKb / 1024);
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
