import type { EventFilter, EventStore, Position } from '@ledger/event-store';

export interface Lag {
  /** Events stored after the checkpoint (positions on the embedded store; see docs for EventStoreDB). */
  positions: number;
  /** Age of the oldest event not yet handled: how far behind "now" a reader of this part is. */
  seconds: number;
}

/** How far a checkpointed follower of the log (projector, relay) is behind the head. */
export async function subscriptionLag(
  store: EventStore,
  checkpoint: Position,
  now: Date,
  /** The events the follower handles: one that skips the rest is not behind because of them. */
  filter?: EventFilter,
): Promise<Lag> {
  const [next] = await store.readAll({ fromPosition: checkpoint, limit: 1, filter });
  if (!next) return { positions: 0, seconds: 0 };
  const head = await store.headPosition();
  const recordedAt = Date.parse(String(next.metadata.recordedAt ?? ''));
  const seconds = Number.isNaN(recordedAt) ? 0 : Math.max(0, (now.getTime() - recordedAt) / 1000);
  return { positions: Math.max(0, head - checkpoint), seconds };
}
