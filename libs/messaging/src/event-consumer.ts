import { validateIntegrationEvent, type ProjectIntegrationEvent } from '@ledger/contracts';
import { connect, type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import { backoffDelay, sleep } from './backoff';
import { assertConsumerQueue, ensureEventsExchange, type ConsumerQueueSpec } from './topology';

export interface ReceivedEvent {
  messageId: string;
  routingKey: string;
  envelope: ProjectIntegrationEvent;
  headers: Record<string, unknown>;
  /** The correlation id of the request that caused the event (AMQP correlation_id), for the consumer's logs. */
  correlationId: string | null;
  /** True when this message was republished by a replay. */
  replay: boolean;
  redelivered: boolean;
}

export interface ConsumerLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface EventConsumerOptions extends ConsumerQueueSpec {
  url: string;
  /** Unacknowledged messages the broker may push ahead. Default 32. */
  prefetch?: number;
  /**
   * The effect. Throwing retries it in place, with backoff, before any later message (so order holds);
   * after `deliveryLimit` attempts the message goes to the dead-letter queue.
   */
  handle(event: ReceivedEvent): Promise<void> | void;
  logger?: ConsumerLogger;
}

const silent: ConsumerLogger = { info: () => undefined, warn: () => undefined };

/**
 * Consumes integration events from a quorum queue, one at a time in arrival order (so per-project order
 * is kept), acking only after the handler's effect. Malformed messages go straight to the dead-letter
 * queue; failing ones after the delivery limit. Reconnects with backoff when the broker goes away.
 */
export class EventConsumer {
  private model: ChannelModel | null = null;
  private readonly stopping = new AbortController();
  private loop: Promise<void> | null = null;

  constructor(private readonly options: EventConsumerOptions) {}

  /** Resolves once the queue exists and consuming has started (first connection). */
  async start(): Promise<void> {
    const first = await this.connectOnce();
    this.loop = this.superviseFrom(first.closed);
  }

  async close(): Promise<void> {
    this.stopping.abort();
    await this.model?.close().catch(() => undefined);
    await this.loop;
  }

  private async connectOnce(): Promise<{ closed: Promise<void> }> {
    const model = await connect(this.options.url);
    this.model = model;
    const closed = new Promise<void>((resolve) => {
      model.on('close', () => resolve());
      model.on('error', () => undefined);
    });
    await ensureEventsExchange(model, this.options.exchange);
    const channel = await model.createChannel();
    await assertConsumerQueue(channel, this.options);
    await channel.prefetch(this.options.prefetch ?? 32);
    let chain = Promise.resolve();
    await channel.consume(this.options.queue, (msg) => {
      if (msg) chain = chain.then(() => this.deliver(channel, msg));
    });
    return { closed };
  }

  private async superviseFrom(closed: Promise<void>): Promise<void> {
    const log = this.options.logger ?? silent;
    let current: Promise<void> | null = closed;
    for (let attempt = 0; !this.stopping.signal.aborted;) {
      if (current) {
        await current;
        current = null;
        if (this.stopping.signal.aborted) return;
        log.warn(`consumer ${this.options.queue}: connection closed, reconnecting`);
      }
      await sleep(backoffDelay(attempt++), this.stopping.signal);
      if (this.stopping.signal.aborted) return;
      try {
        current = (await this.connectOnce()).closed;
        attempt = 0;
        log.info(`consumer ${this.options.queue}: reconnected`);
      } catch (error) {
        log.warn(`consumer ${this.options.queue}: reconnect failed: ${(error as Error).message}`);
      }
    }
  }

  private async deliver(channel: Channel, msg: ConsumeMessage): Promise<void> {
    const log = this.options.logger ?? silent;
    const event = decode(msg);
    try {
      if (!event) {
        log.warn(
          `consumer ${this.options.queue}: malformed message ${String(msg.properties.messageId)} dead-lettered`,
        );
        channel.nack(msg, false, false);
        return;
      }
      if (await this.handleWithRetries(event)) channel.ack(msg);
      else if (!this.stopping.signal.aborted) channel.nack(msg, false, false);
    } catch {
      // the channel is gone: the unacked message is redelivered after reconnect
    }
  }

  /**
   * Retried here, not requeued: the messages prefetched behind a requeued one would be handled before its
   * redelivery, so a failure once would put a project's events out of order. After `deliveryLimit`
   * attempts (or when closing) it gives up; the caller then dead-letters it (or leaves it to the broker).
   */
  private async handleWithRetries(event: ReceivedEvent): Promise<boolean> {
    const log = this.options.logger ?? silent;
    const limit = this.options.deliveryLimit ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.handle(event);
        return true;
      } catch (error) {
        log.warn(
          `consumer ${this.options.queue}: ${event.messageId} failed (attempt ${attempt}): ${(error as Error).message}`,
        );
        if (attempt >= limit || this.stopping.signal.aborted) return false;
        await sleep(backoffDelay(attempt - 1, { initialMs: 100, maxMs: 5000 }), this.stopping.signal);
        if (this.stopping.signal.aborted) return false;
      }
    }
  }
}

function decode(msg: ConsumeMessage): ReceivedEvent | null {
  let envelope: unknown;
  try {
    envelope = JSON.parse(msg.content.toString('utf8'));
  } catch {
    return null;
  }
  if (!validateIntegrationEvent(envelope).ok) return null;
  const typed = envelope as ProjectIntegrationEvent;
  const headers = (msg.properties.headers ?? {}) as Record<string, unknown>;
  return {
    messageId: typeof msg.properties.messageId === 'string' ? msg.properties.messageId : typed.id,
    routingKey: msg.fields.routingKey,
    envelope: typed,
    headers,
    correlationId: typeof msg.properties.correlationId === 'string' ? msg.properties.correlationId : null,
    replay: headers['x-replay'] === true,
    redelivered: msg.fields.redelivered,
  };
}
