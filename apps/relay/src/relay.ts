import type { EventStore, Position } from '@ledger/event-store';
import { backoffDelay, sleep, type BackoffOptions } from '@ledger/messaging';
import type { CheckpointStore } from './checkpoint.store';
import { RegionDirectory } from './region.directory';
import type { RelayFailpoint } from './relay.failpoint';
import { RelaySession } from './relay.session';
import { RELAYED_EVENTS } from './relayed-events';

export interface RelayLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface RelayOptions {
  store: EventStore;
  checkpoints: CheckpointStore;
  amqpUrl: string;
  exchange: string;
  /** Subscription name: the checkpoint's key. Default `relay`. */
  name?: string;
  /** Messages published and not yet checkpointed (bounds duplicates after a crash). Default 256. */
  window?: number;
  /** CloudEvents source. Default `/project-ledger`. */
  source?: string;
  logger?: RelayLogger;
  failpoint?: RelayFailpoint | null;
  backoff?: BackoffOptions;
  /** How often the lag is logged while behind. Default 10 s; 0 disables. */
  lagLogIntervalMs?: number;
}

export interface RelayStatus {
  connected: boolean;
  checkpoint: Position;
  published: number;
  confirmed: number;
  nacked: number;
  sessions: number;
}

const consoleLogger: RelayLogger = {
  info: (m) => console.log(`[relay] ${m}`),
  warn: (m) => console.warn(`[relay] ${m}`),
  error: (m) => console.error(`[relay] ${m}`),
};

/**
 * Forwards every project event, in log order, to the events exchange. A named catch-up subscription
 * from the stored checkpoint; publisher confirms pipelined over a window; the checkpoint only moves to
 * a position whose message and all earlier ones the broker confirmed. Any broker trouble ends the
 * session; the next one starts from the checkpoint, so delivery is at least once and never lossy.
 */
export class Relay {
  private readonly name: string;
  private readonly log: RelayLogger;
  private stopping = new AbortController();
  private readonly regions: RegionDirectory;
  private loop: Promise<void> | null = null;
  private session: RelaySession | null = null;
  private checkpoint: Position = 0;
  private stats = { published: 0, confirmed: 0, nacked: 0, sessions: 0, connected: false };
  private checkpointWaiters: { position: Position; resolve: () => void }[] = [];
  private lagTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: RelayOptions) {
    this.name = options.name ?? 'relay';
    this.log = options.logger ?? consoleLogger;
    this.regions = new RegionDirectory(options.store);
  }

  /** Loads the checkpoint and starts relaying in the background; does not wait for the broker. */
  async start(): Promise<void> {
    if (this.loop) return;
    // A relay stopped when its lease was lost starts again when it is won back.
    if (this.stopping.signal.aborted) this.stopping = new AbortController();
    this.checkpoint = await this.options.checkpoints.load(this.name);
    this.log.info(`${this.name}: starting from position ${this.checkpoint}`);
    this.loop = this.supervise();
    const every = this.options.lagLogIntervalMs ?? 10_000;
    if (every > 0) {
      this.lagTimer = setInterval(() => void this.logLag(), every);
      this.lagTimer.unref();
    }
  }

  /** Stops reading, waits for outstanding confirms, stores the last checkpoint and disconnects. */
  async stop(): Promise<void> {
    this.stopping.abort();
    if (this.lagTimer) clearInterval(this.lagTimer);
    await this.session?.close();
    await this.loop;
    this.loop = null;
  }

  /** Closes the checkpoint store (after stop); the event store belongs to whoever passed it in. */
  async closeCheckpoints(): Promise<void> {
    await this.options.checkpoints.close();
  }

  /**
   * Events in the log the broker has not confirmed yet: head position − checkpoint, or 0 when nothing
   * after the checkpoint is to be relayed (the checkpoint never passes the skipped audit-checkpoints events).
   */
  async lag(): Promise<number> {
    const { store } = this.options;
    const [next] = await store.readAll({ fromPosition: this.checkpoint, limit: 1, filter: RELAYED_EVENTS });
    return next ? Math.max(0, (await store.headPosition()) - this.checkpoint) : 0;
  }

  status(): RelayStatus {
    return { ...this.stats, checkpoint: this.checkpoint };
  }

  /** Resolves once the stored checkpoint reaches `position` (tests, graceful hand-over). */
  waitForCheckpoint(position: Position): Promise<void> {
    if (this.checkpoint >= position) return Promise.resolve();
    return new Promise((resolve) => this.checkpointWaiters.push({ position, resolve }));
  }

  private async logLag(): Promise<void> {
    const lag = await this.lag().catch(() => -1);
    if (lag !== 0) this.log.info(`${this.name}: lag ${lag} events (checkpoint ${this.checkpoint})`);
  }

  private async supervise(): Promise<void> {
    for (let attempt = 0; !this.stopping.signal.aborted; attempt++) {
      const session = new RelaySession({
        store: this.options.store,
        checkpoints: this.options.checkpoints,
        regions: this.regions,
        amqpUrl: this.options.amqpUrl,
        exchange: this.options.exchange,
        name: this.name,
        window: this.options.window ?? 256,
        source: this.options.source,
        failpoint: this.options.failpoint,
        onConnected: (stored) => {
          attempt = 0;
          this.stats.connected = true;
          this.stats.sessions++;
          this.log.info(`${this.name}: connected, relaying after position ${stored}`);
        },
        onPublished: () => void this.stats.published++,
        onConfirmed: () => ++this.stats.confirmed,
        onNacked: () => void this.stats.nacked++,
        onCheckpoint: (position) => this.advanceTo(position),
        onRepeat: (position) =>
          this.log.warn(`${this.name}: subscription repeated position ${position}; skipped`),
      });
      this.session = session;
      if (this.stopping.signal.aborted) await session.close();
      try {
        await session.run();
      } catch (error) {
        this.log.warn(`${this.name}: session ended: ${(error as Error).message}`);
      } finally {
        this.stats.connected = false;
        this.session = null;
      }
      if (this.stopping.signal.aborted) break;
      const delay = backoffDelay(attempt, this.options.backoff);
      this.log.info(`${this.name}: reconnecting in ${delay} ms`);
      await sleep(delay, this.stopping.signal);
    }
  }

  private advanceTo(position: Position): void {
    if (position <= this.checkpoint) return;
    this.checkpoint = position;
    const ready = this.checkpointWaiters.filter((w) => w.position <= position);
    this.checkpointWaiters = this.checkpointWaiters.filter((w) => w.position > position);
    for (const w of ready) w.resolve();
  }
}
