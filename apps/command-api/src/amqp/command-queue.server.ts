import type { AmqpConnectionManager } from 'amqp-connection-manager';
import { ServerRMQ } from '@nestjs/microservices';

type SetupChannel = Parameters<ServerRMQ['setupChannel']>[0];

/**
 * Nest's RMQ server with its channel set-up rewritten for our one queue. Nest's own sends basic.consume
 * without awaiting it and has nobody listening for set-up errors: closing the app while the channel was
 * being set up (a quick restart, a broker that just came back) killed the process with "Channel ended".
 * Here every step is awaited, a set-up cut short by our own close is ignored, and any other set-up error
 * is logged (amqp-connection-manager retries it on the next connection).
 */
export class CommandQueueServer extends ServerRMQ {
  private closing = false;

  /** Listens for errors on every channel wrapper: an unheard 'error' event would end the process. */
  override createClient<T = unknown>(): T {
    const client = super.createClient<AmqpConnectionManager>();
    const createChannel = client.createChannel.bind(client);
    client.createChannel = (options) => {
      const wrapper = createChannel(options);
      wrapper.on('error', (error: Error) => {
        if (!this.closing) this.logger.error(`command queue channel: ${error.message}`);
      });
      return wrapper;
    };
    return client as T;
  }

  override async setupChannel(channel: SetupChannel, callback: () => void): Promise<void> {
    try {
      await channel.assertQueue(this.queue, this.queueOptions);
      await channel.prefetch(this.options.prefetchCount ?? 16, false);
      await channel.consume(
        this.queue,
        // A null message means the broker cancelled the consumer; Nest's handler ignores it.
        (message: Record<string, unknown> | null) =>
          void this.handleMessage(message as Record<string, unknown>, channel).catch((error) =>
            this.handleError(error),
          ),
        { noAck: this.noAck },
      );
    } catch (error) {
      if (this.closing) return;
      throw error;
    }
    callback();
  }

  override async close(): Promise<void> {
    this.closing = true;
    await super.close();
  }
}
