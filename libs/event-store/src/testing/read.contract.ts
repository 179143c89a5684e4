import type { EventStore } from '../event-store.port';
import { anEvent, events, range } from './contract.fixtures';

export function readContract(store: () => EventStore): void {
  describe('readStream', () => {
    beforeEach(async () => {
      await store().append('project-a', events(10), 'no-stream');
    });

    it('returns [] for a stream that does not exist', async () => {
      expect(await store().readStream('project-missing')).toEqual([]);
    });

    it('returns only the stream, in revision order, by default', async () => {
      await store().append('project-b', events(2), 'no-stream');
      const stored = await store().readStream('project-a');
      expect(stored.map((e) => e.revision)).toEqual(range(0, 9));
      expect(new Set(stored.map((e) => e.streamId))).toEqual(new Set(['project-a']));
    });

    it('reads forwards from fromRevision to toRevision inclusive, capped by maxCount', async () => {
      const revisions = async (o: Parameters<EventStore['readStream']>[1]) =>
        (await store().readStream('project-a', o)).map((e) => e.revision);
      expect(await revisions({ fromRevision: 3, toRevision: 6 })).toEqual([3, 4, 5, 6]);
      expect(await revisions({ fromRevision: 7 })).toEqual([7, 8, 9]);
      expect(await revisions({ fromRevision: 2, maxCount: 3 })).toEqual([2, 3, 4]);
      expect(await revisions({ fromRevision: 12 })).toEqual([]);
      expect(await revisions({ maxCount: 0 })).toEqual([]);
      expect(await revisions({ maxCount: -1 })).toEqual([]);
    });

    it('reads backwards from fromRevision down to toRevision inclusive, capped by maxCount', async () => {
      const revisions = async (o: Parameters<EventStore['readStream']>[1]) =>
        (await store().readStream('project-a', { direction: 'backwards', ...o })).map((e) => e.revision);
      expect(await revisions({})).toEqual(range(0, 9).reverse());
      expect(await revisions({ maxCount: 1 })).toEqual([9]);
      expect(await revisions({ fromRevision: 6, toRevision: 4 })).toEqual([6, 5, 4]);
      expect(await revisions({ fromRevision: 3, maxCount: 2 })).toEqual([3, 2]);
    });
  });

  describe('readAll', () => {
    beforeEach(async () => {
      // positions: 1 a/Created, 2 b/Created, 3 a/Started, 4 other/Created, 5 b/Started, 6 a/Completed
      await store().append('project-a', [anEvent('Created')], 'no-stream');
      await store().append('project-b', [anEvent('Created')], 'no-stream');
      await store().append('project-a', [anEvent('Started')], 0);
      await store().append('checkpoint-x', [anEvent('Created')], 'no-stream');
      await store().append('project-b', [anEvent('Started')], 0);
      await store().append('project-a', [anEvent('Completed')], 1);
    });

    const positions = async (store: EventStore, options?: Parameters<EventStore['readAll']>[0]) =>
      (await store.readAll(options)).map((e) => e.position);

    it('reads every event in global order from the start by default', async () => {
      expect(await positions(store())).toEqual(range(1, 6));
    });

    it('reads strictly after fromPosition', async () => {
      expect(await positions(store(), { fromPosition: 4 })).toEqual([5, 6]);
      expect(await positions(store(), { fromPosition: 6 })).toEqual([]);
    });

    it('stops at limit', async () => {
      expect(await positions(store(), { fromPosition: 1, limit: 2 })).toEqual([2, 3]);
      expect(await positions(store(), { limit: 0 })).toEqual([]);
      expect(await positions(store(), { limit: -1 })).toEqual([]);
    });

    it('filters by stream prefix', async () => {
      expect(await positions(store(), { filter: { streamPrefixes: ['project-'] } })).toEqual([1, 2, 3, 5, 6]);
      expect(await positions(store(), { filter: { streamPrefixes: ['project-b', 'checkpoint-'] } })).toEqual([
        2, 4, 5,
      ]);
    });

    it('treats prefix characters literally (no wildcards)', async () => {
      await store().append('project_z', [anEvent('Created')], 'no-stream');
      expect(await positions(store(), { filter: { streamPrefixes: ['project_'] } })).toEqual([7]);
      expect(await positions(store(), { filter: { streamPrefixes: ['%'] } })).toEqual([]);
    });

    it('filters by event type, and by both criteria at once', async () => {
      expect(await positions(store(), { filter: { eventTypes: ['Started', 'Completed'] } })).toEqual([
        3, 5, 6,
      ]);
      const both = { streamPrefixes: ['project-a'], eventTypes: ['Created', 'Completed'] };
      expect(await positions(store(), { filter: both })).toEqual([1, 6]);
    });

    it('applies limit after the filter', async () => {
      expect(
        await positions(store(), { filter: { eventTypes: ['Started', 'Completed'] }, limit: 2 }),
      ).toEqual([3, 5]);
    });

    it('returns at most 1000 events when no limit is given', async () => {
      await store().append('project-big', events(1001), 'no-stream');
      const all = await store().readAll();
      expect(all).toHaveLength(1000);
      expect(all[999].position).toBe(1000);
    });
  });

  describe('headPosition', () => {
    it('is 0 for an empty store and the last position after appends', async () => {
      expect(await store().headPosition()).toBe(0);
      await store().append('project-a', events(3), 'no-stream');
      expect(await store().headPosition()).toBe(3);
    });
  });
}
