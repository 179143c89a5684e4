import { ServerRMQ } from '@nestjs/microservices';

type SetupChannel = Parameters<ServerRMQ['setupChannel']>[0];

/**
 * Nest's RMQ server sends basic.consume without awaiting it and reports "listening" at once; closing the
 * app in that moment (a quick restart, a test) rejects the pending consume with nobody to catch it and the
 * process dies. One more round trip on the same channel (RPCs on a channel are answered in order) means
 * "listening" is only reported once the consumer really exists.
 */
export class CommandQueueServer extends ServerRMQ {
  override async setupChannel(channel: SetupChannel, callback: () => void): Promise<void> {
    await super.setupChannel(channel, () => undefined);
    await channel.checkQueue(this.queue);
    callback();
  }
}
