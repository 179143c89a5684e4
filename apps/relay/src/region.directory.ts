import type { ProjectCreatedData } from '@ledger/domain';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import { regionSlug, UNKNOWN_REGION_SLUG } from '@ledger/contracts';

/**
 * Region of each project, for routing keys: only ProjectCreated carries it. Learned from the
 * ProjectCreated events the relay passes; after a restart from a checkpoint, a project whose creation
 * came earlier is looked up once from the first event of its stream. One short entry per project.
 */
export class RegionDirectory {
  private readonly slugs = new Map<string, string>();

  constructor(private readonly store: EventStore) {}

  async slugFor(event: RecordedEvent): Promise<string> {
    if (event.type === 'ProjectCreated') {
      const slug = regionSlug((event.data as ProjectCreatedData).region);
      this.slugs.set(event.streamId, slug);
      return slug;
    }
    const known = this.slugs.get(event.streamId);
    if (known) return known;
    const [first] = await this.store.readStream(event.streamId, { fromRevision: 0, maxCount: 1 });
    const slug =
      first?.type === 'ProjectCreated' ? regionSlug((first.data as ProjectCreatedData).region) : UNKNOWN_REGION_SLUG;
    this.slugs.set(event.streamId, slug);
    return slug;
  }

  get size(): number {
    return this.slugs.size;
  }
}
