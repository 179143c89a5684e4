import { toProjectEvent } from '@ledger/domain';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import { regionSlug, UNKNOWN_REGION_SLUG } from '@ledger/contracts';

/**
 * Region of each project, for routing keys: ProjectCreated states it, a ProjectRecordCorrected may change it. Learned from the
 * ProjectCreated events the relay passes; after a restart from a checkpoint, a project whose creation
 * came earlier is looked up once from the first event of its stream. One short entry per project.
 */
export class RegionDirectory {
  private readonly slugs = new Map<string, string>();

  constructor(private readonly store: EventStore) {}

  async slugFor(event: RecordedEvent): Promise<string> {
    const region = regionOf(event);
    if (region !== null) {
      const slug = regionSlug(region);
      this.slugs.set(event.streamId, slug);
      return slug;
    }
    const known = this.slugs.get(event.streamId);
    if (known) return known;
    // A correction may have changed the region since creation: the last one stated up to this event wins.
    const history = await this.store.readStream(event.streamId, { toRevision: event.revision });
    const [first] = history;
    const last = history
      .map(regionOf)
      .filter((r): r is string => r !== null)
      .pop();
    const slug = first?.type === 'ProjectCreated' && last ? regionSlug(last) : UNKNOWN_REGION_SLUG;
    this.slugs.set(event.streamId, slug);
    return slug;
  }

  get size(): number {
    return this.slugs.size;
  }
}

/** The region an event states: ProjectCreated's, or a correction's new value; null for other events. */
function regionOf(stored: RecordedEvent): string | null {
  // Only the two types that can state a region are read; anything else (even an unreadable event) is
  // left to the mapping, which reports it.
  if (stored.type !== 'ProjectCreated' && stored.type !== 'ProjectRecordCorrected') return null;
  const event = toProjectEvent(stored);
  if (event.type === 'ProjectCreated') return event.data.region;
  if (event.type === 'ProjectRecordCorrected') return event.data.values.region ?? null;
  return null;
}
