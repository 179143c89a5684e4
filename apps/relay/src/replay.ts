import type { ConfirmChannel } from 'amqplib';
import { PROJECT_STREAM_PREFIX, projectStreamId } from '@ledger/domain';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import { toEventMessage } from '@ledger/contracts';
import { RegionDirectory } from './region.directory';

export type ReplayTarget = { exchange: string } | { queue: string };
export type ReplaySelection = { from: number; to: number } | { projectId: string };

export interface ReplayOptions {
  store: EventStore;
  channel: ConfirmChannel;
  target: ReplayTarget;
  selection: ReplaySelection;
  source?: string;
  /** Publishes in flight before waiting for confirms. Default 256. */
  batch?: number;
}

/**
 * Republishes stored events for a consumer that lost data, marked `x-replay: true` with their original
 * position. To an exchange (same routing keys as live traffic) or straight to one queue (through the
 * default exchange), so a single consumer can be repaired without disturbing the others.
 */
export async function replayEvents(options: ReplayOptions): Promise<{ published: number }> {
  const regions = new RegionDirectory(options.store);
  const batch = options.batch ?? 256;
  let published = 0;
  for await (const events of pages(options.store, options.selection)) {
    for (const event of events) {
      const message = toEventMessage(event, {
        regionSlug: await regions.slugFor(event),
        source: options.source,
        replay: true,
      });
      const [exchange, routingKey] =
        'queue' in options.target
          ? ['', options.target.queue]
          : [options.target.exchange, message.routingKey];
      options.channel.publish(exchange, routingKey, message.body, message.properties);
      if (++published % batch === 0) await options.channel.waitForConfirms();
    }
  }
  await options.channel.waitForConfirms();
  return { published };
}

async function* pages(store: EventStore, selection: ReplaySelection): AsyncGenerator<RecordedEvent[]> {
  if ('projectId' in selection) {
    yield await store.readStream(projectStreamId(selection.projectId));
    return;
  }
  for (let after = selection.from - 1; after < selection.to;) {
    // Project streams only, as the live relay: the audit-checkpoints stream is not on the wire.
    const page = await store.readAll({
      fromPosition: after,
      limit: 1000,
      filter: { streamPrefixes: [PROJECT_STREAM_PREFIX] },
    });
    const wanted = page.filter((e) => e.position <= selection.to);
    if (wanted.length > 0) yield wanted;
    if (page.length < 1000 || wanted.length < page.length) return;
    after = page[page.length - 1].position;
  }
}
