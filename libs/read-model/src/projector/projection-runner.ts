import {
  LeaseLostError,
  type EventStore,
  type Position,
  type RecordedEvent,
  type WriteFence,
} from '@ledger/event-store';
import {
  CheckpointMovedError,
  PROJECTS_SUBSCRIPTION,
  type ApplyOptions,
  type ParkedEvent,
  type ReadModel,
} from '../read-model.port';
import { nextBatch } from './batch-reader';

export interface ProjectionRunnerOptions {
  /** Subscription name: the checkpoint row it owns. */
  name?: string;
  /** Most events committed in one transaction. */
  batchSize?: number;
  /** How long a partial batch waits for more events before it commits. */
  maxWaitMs?: number;
  /** Delay before resubscribing after a failure. */
  retryDelayMs?: number;
  beforeCommit?: ApplyOptions['beforeCommit'];
  /** Failpoint for fault tests: runs with each assembled batch before its transaction starts. */
  beforeApply?: (events: RecordedEvent[]) => void;
  /** The current lease term, read at every batch: a batch under a lost term is refused by the read model. */
  fence?: () => WriteFence | undefined;
  onError?: (error: unknown) => void;
  /** Told about every event a batch parked (poison events), so it can be logged and alerted on. */
  onParked?: (parked: ParkedEvent[]) => void;
}

export interface ProjectionStatus {
  name: string;
  running: boolean;
  checkpoint: Position;
  lastError: string | null;
}

/**
 * A named catch-up subscription feeding the read model in batches. It resubscribes from the stored
 * checkpoint after any failure, including a checkpoint moved under it by a rebuild swap.
 */
export class ProjectionRunner {
  readonly name: string;
  private checkpointValue: Position = 0;
  private lastError: string | null = null;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private closeCurrent: (() => Promise<void>) | null = null;
  private wakeRetry: (() => void) | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly readModel: ReadModel,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.name = options.name ?? PROJECTS_SUBSCRIPTION;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeRetry?.();
    await this.closeCurrent?.();
    await this.loop;
    this.loop = null;
  }

  get checkpoint(): Position {
    return this.checkpointValue;
  }

  status(): ProjectionStatus {
    return {
      name: this.name,
      running: this.loop !== null,
      checkpoint: this.checkpointValue,
      lastError: this.lastError,
    };
  }

  /** Positions between the log's head and the checkpoint (events, for the SQLite store's gapless positions). */
  async lag(): Promise<number> {
    return Math.max(0, (await this.store.headPosition()) - this.checkpointValue);
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.follow();
      } catch (error) {
        if (this.stopping) {
          // A batch refused by the fence is worth telling even while stopping: it is why we stop.
          if (error instanceof LeaseLostError) this.options.onError?.(error);
          break;
        }
        if (!(error instanceof CheckpointMovedError)) {
          this.lastError = error instanceof Error ? error.message : String(error);
          this.options.onError?.(error);
          await this.pause(this.options.retryDelayMs ?? 1000);
        }
      }
    }
  }

  private async follow(): Promise<void> {
    this.checkpointValue = await this.readModel.checkpoint(this.name);
    // Unfiltered: events of other streams still advance the checkpoint (see applyBatch).
    const subscription = this.store.subscribe({ fromPosition: this.checkpointValue });
    this.closeCurrent = () => subscription.close();
    const iterator = subscription[Symbol.asyncIterator]();
    try {
      // stop() may have come while the checkpoint was read, before there was a subscription to close.
      while (!this.stopping) {
        const batch: RecordedEvent[] | null = await nextBatch(
          iterator,
          this.options.batchSize ?? 200,
          this.options.maxWaitMs ?? 20,
        );
        if (batch === null) return;
        if (batch.length === 0) continue;
        this.options.beforeApply?.(batch);
        const result = await this.readModel.applyBatch(this.name, batch, {
          expectedCheckpoint: this.checkpointValue,
          beforeCommit: this.options.beforeCommit,
          fence: this.options.fence?.(),
        });
        this.checkpointValue = result.checkpoint;
        this.lastError = null;
        if (result.parked.length > 0) this.options.onParked?.(result.parked);
      }
    } finally {
      this.closeCurrent = null;
      await subscription.close();
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeRetry = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
