import { InMemoryEventStore, type RecordedEvent } from '@ledger/event-store';
import { RegionDirectory } from './region.directory';

const append = async (
  store: InMemoryEventStore,
  type: string,
  data: Record<string, unknown>,
): Promise<RecordedEvent> => {
  const { nextExpectedRevision } = await store.append(
    'project-TC.0789',
    [{ eventId: `e-${type}-${Math.random()}`, type, data: { projectId: 'TC.0789', ...data }, metadata: {} }],
    'any',
  );
  return (await store.readStream('project-TC.0789', { fromRevision: nextExpectedRevision, maxCount: 1 }))[0];
};

describe('RegionDirectory', () => {
  it('routes by the region a correction set, live and after a restart', async () => {
    const store = new InMemoryEventStore();
    const created = await append(store, 'ProjectCreated', { region: 'Asia and Oceania' });
    const started = await append(store, 'ProjectStarted', { actualStart: '2014-03' });
    const corrected = await append(store, 'ProjectRecordCorrected', { values: { region: 'Europe' } });
    const completed = await append(store, 'ProjectCompleted', { actualEnd: '2016' });
    const live = new RegionDirectory(store);
    expect(await live.slugFor(created)).toBe('asia-and-oceania');
    expect(await live.slugFor(started)).toBe('asia-and-oceania');
    expect(await live.slugFor(corrected)).toBe('europe');
    expect(await live.slugFor(completed)).toBe('europe');
    expect(await new RegionDirectory(store).slugFor(completed)).toBe('europe');
    expect(await new RegionDirectory(store).slugFor(started)).toBe('asia-and-oceania');
    await store.close();
  });
});
