import { once } from 'node:events';
import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';
import type { EventStore, Position, RecordedEvent, Subscription } from '@ledger/event-store';
import { toEventMessage, type EventMessage } from '@ledger/contracts';
import { assertEventsExchange, ConfirmWindow } from '@ledger/messaging';
import type { CheckpointStore } from './checkpoint.store';
import type { RegionDirectory } from './region.directory';
import type { RelayFailpoint } from './relay.failpoint';
import { RELAYED_EVENTS } from './relayed-events';

export interface RelaySessionDeps {
  store: EventStore;
  checkpoints: CheckpointStore;
  regions: RegionDirectory;
  amqpUrl: string;
  exchange: string;
  name: string;
  window: number;
  source?: string;
  failpoint?: RelayFailpoint | null;
  /** Called once connected and the checkpoint is loaded. */
  onConnected(stored: Position): void;
  onPublished(): void;
  /** Returns the number of confirms so far in this process. */
  onConfirmed(): number;
  /** Called when the broker refuses a message (the session then ends and restarts from the checkpoint). */
  onNacked(): void;
  /** Called after each stored checkpoint. */
  onCheckpoint(position: Position): void;
  onRepeat(position: Position): void;
}

/** An event's message, built ahead of its turn to be published. */
interface Prepared {
  position: Position;
  message: EventMessage;
}

/**
 * One connection's worth of relaying: from the stored checkpoint, publish with confirms over a window,
 * store the checkpoint as confirms arrive in order. Any broker trouble ends it with an error; the caller
 * reconnects and the next session starts again from the stored checkpoint (at least once, never lossy).
 */
export class RelaySession {
  private model: ChannelModel | null = null;
  private subscription: Subscription | null = null;
  private failure: Error | null = null;
  private wake: () => void = () => undefined;
  private closing = false;
  private window!: ConfirmWindow;
  private released: Position = 0;
  private flushing: Promise<void> | null = null;

  constructor(private readonly deps: RelaySessionDeps) {}

  /** Ends the session gracefully: stop reading, wait for confirms, store the last checkpoint. */
  async close(): Promise<void> {
    this.closing = true;
    await this.subscription?.close();
  }

  async run(): Promise<void> {
    try {
      const channel = await this.open();
      const stored = await this.deps.checkpoints.load(this.deps.name);
      this.window = new ConfirmWindow(stored, this.deps.window);
      this.released = stored;
      this.deps.onConnected(stored);
      this.subscription = this.deps.store.subscribe({
        fromPosition: stored,
        filter: RELAYED_EVENTS,
      });
      if (this.closing) await this.subscription.close();
      await this.publishAll(channel, stored);
      if (this.failure) throw this.failure;
      await channel.waitForConfirms();
      await this.flush();
    } finally {
      await this.subscription?.close();
      await this.model?.close().catch(() => undefined);
    }
  }

  private async open(): Promise<ConfirmChannel> {
    this.model = await connect(this.deps.amqpUrl);
    this.model.on('error', (e: Error) => this.fail(e));
    this.model.on('close', () => this.fail(new Error('connection closed')));
    const channel = await this.model.createConfirmChannel();
    channel.on('error', (e: Error) => this.fail(e));
    channel.on('close', () => this.fail(new Error('channel closed')));
    await assertEventsExchange(channel, this.deps.exchange);
    return channel;
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.wake();
    void this.subscription?.close();
  }

  /**
   * Reads, converts and publishes in log order. Messages for the next events are built while the window is
   * full (up to one window ahead), so when confirms free slots the relay only has to hand finished messages
   * to the channel: building them (JSON, envelope, region) stays off the broker's round trip. A prepared
   * message is tracked by the window only when published, so the checkpoint never depends on it.
   */
  private async publishAll(channel: ConfirmChannel, stored: Position): Promise<void> {
    const events = this.subscription![Symbol.asyncIterator]();
    const ready: Prepared[] = [];
    let pending: Promise<IteratorResult<RecordedEvent>> | null = null;
    let last = stored;
    for (;;) {
      while (ready.length > 0 && !this.window.isFull && !this.failure) {
        if (!this.publish(channel, ready.shift()!) && !this.failure) {
          await Promise.race([once(channel, 'drain'), new Promise<void>((resolve) => (this.wake = resolve))]);
        }
      }
      if (this.failure) return;
      if (ready.length >= this.deps.window) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      pending ??= events.next();
      // With messages waiting for room, room may come before the next event does (live tail).
      const next = ready.length > 0 ? await this.nextOrRoom(pending) : await pending;
      if (next === 'room') continue;
      pending = null;
      if (next.done) return;
      const event = next.value;
      if (event.position <= last) {
        // The port promises no repeats; if a store breaks that, skipping beats publishing twice or crash-looping.
        this.deps.onRepeat(event.position);
        continue;
      }
      last = event.position;
      const regionSlug = await this.deps.regions.slugFor(event);
      ready.push({
        position: event.position,
        message: toEventMessage(event, { regionSlug, source: this.deps.source }),
      });
    }
  }

  private nextOrRoom(
    pending: Promise<IteratorResult<RecordedEvent>>,
  ): Promise<IteratorResult<RecordedEvent> | 'room'> {
    const room = new Promise<'room'>((resolve) => (this.wake = () => resolve('room')));
    return Promise.race([pending, room]);
  }

  private publish(channel: ConfirmChannel, { position, message }: Prepared): boolean {
    this.window.track(position);
    const ok = channel.publish(
      this.deps.exchange,
      message.routingKey,
      message.body,
      message.properties,
      (err) => {
        if (err) {
          this.deps.onNacked();
          return this.fail(new Error(`broker nacked position ${position}`));
        }
        this.window.confirm(position);
        const confirmed = this.deps.onConfirmed();
        this.deps.failpoint?.afterConfirm(confirmed);
        setImmediate(() => void this.flush().catch((e: Error) => this.fail(e)));
      },
    );
    this.deps.onPublished();
    return ok;
  }

  private flush(): Promise<void> {
    this.flushing ??= (async () => {
      for (
        let safe = this.window.safeCheckpoint();
        safe > this.released;
        safe = this.window.safeCheckpoint()
      ) {
        // checkpoint after confirm: storing it before the broker has the message could lose the event
        await this.deps.checkpoints.save(this.deps.name, safe);
        this.window.release(safe);
        this.released = safe;
        this.deps.onCheckpoint(safe);
        this.wake();
      }
    })().finally(() => (this.flushing = null));
    return this.flushing;
  }
}
