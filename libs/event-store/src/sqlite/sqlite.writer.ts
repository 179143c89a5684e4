import { Worker } from 'node:worker_threads';
import type { AppendResult } from '../event-store.port';
import type { GroupCommitStats } from './sqlite.group-commit';
import { writerEntry } from './sqlite.writer.entry';
import { AppendRequest, fromWire, FromWriter, ToWriter, WriterSettings } from './sqlite.writer.protocol';

interface Waiter {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * The caller's side of the writer thread. Appends issued in one event-loop turn travel as one message, so
 * the thread sees them together and commits them together, as the in-thread group commit did.
 */
export class SqliteWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiter>();
  private outbox: AppendRequest[] = [];
  private scheduled = false;
  private nextId = 1;
  private latest: GroupCommitStats = { commits: 0, appends: 0 };
  private failure: Error | undefined;
  private closing: Promise<void> | undefined;

  constructor(
    settings: WriterSettings,
    private readonly afterCommit: () => void,
  ) {
    this.worker = new Worker(writerEntry(), { workerData: settings });
    // An idle writer must not keep the process alive; one with appends in flight must.
    this.worker.unref();
    this.worker.on('message', (message: FromWriter) => this.receive(message));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (!this.closing || this.waiting.size > 0) {
        this.fail(new Error(`The event store's writer thread exited (code ${code})`));
      }
    });
  }

  append(request: Omit<AppendRequest, 'id'>): Promise<AppendResult> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<AppendResult>((resolve, reject) => {
      if (this.waiting.size === 0) this.worker.ref();
      this.waiting.set(id, { resolve, reject });
      this.outbox.push({ ...request, id });
      if (this.scheduled) return;
      this.scheduled = true;
      // setImmediate, not a microtask: appends issued by other callbacks in the same I/O phase join too.
      setImmediate(() => this.send());
    });
  }

  stats(): GroupCommitStats {
    return { ...this.latest };
  }

  /** Lets the thread write everything already sent, then closes its connection. Idempotent. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.send();
      if (this.failure) return resolve();
      this.worker.ref();
      this.worker.once('exit', () => resolve());
      this.post({ kind: 'close' });
    });
    return this.closing;
  }

  private send(): void {
    this.scheduled = false;
    if (this.outbox.length === 0 || this.failure) return;
    const requests = this.outbox;
    this.outbox = [];
    this.post({ kind: 'append', requests });
  }

  private post(message: ToWriter): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromWriter): void {
    if (message.kind === 'fatal') return this.fail(fromWire(message.error));
    if (message.kind === 'closed') return;
    this.latest = message.stats;
    for (const outcome of message.outcomes) {
      const waiter = this.waiting.get(outcome.id);
      this.waiting.delete(outcome.id);
      if (outcome.ok) waiter?.resolve(outcome.result);
      else waiter?.reject(fromWire(outcome.error));
    }
    if (this.waiting.size === 0) this.worker.unref();
    if (message.committed) this.afterCommit();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(this.failure);
    this.waiting.clear();
    this.outbox = [];
    this.worker.unref();
  }
}
