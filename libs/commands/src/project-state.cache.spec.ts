import { randomUUID } from 'node:crypto';
import { foldProject, projectStreamId, type ProjectEvent } from '@ledger/domain';
import {
  PROJECT_ID,
  budgetRevised,
  projectCreated,
  projectStarted,
} from '@ledger/domain/testing/project.fixtures';
import { InMemoryEventStore, type ReadStreamOptions } from '@ledger/event-store';
import { ProjectStateCache } from './project-state.cache';

const STREAM = projectStreamId(PROJECT_ID);

/** An in-memory store that records the options of every readStream call. */
class CountingStore extends InMemoryEventStore {
  readonly reads: (ReadStreamOptions | undefined)[] = [];
  override readStream(streamId: string, options?: ReadStreamOptions) {
    this.reads.push(options);
    return super.readStream(streamId, options);
  }
}

const append = (store: InMemoryEventStore, events: ProjectEvent[], commandId: string = randomUUID()) =>
  store.append(
    STREAM,
    events.map((e) => ({ eventId: randomUUID(), type: e.type, data: e.data, metadata: { commandId } })),
    'any',
  );

const revisions = (n: number, from = 200_000): ProjectEvent[] =>
  Array.from({ length: n }, (_, i) =>
    budgetRevised({ previous: `${from + i}.00`, amount: `${from + i + 1}.00`, delta: '1.00' }),
  );

describe('ProjectStateCache', () => {
  it('folds to the same state as the whole stream while reading only what was appended since', async () => {
    const store = new CountingStore();
    const cache = new ProjectStateCache();
    const history: ProjectEvent[] = [projectCreated(), projectStarted(), ...revisions(3)];
    await append(store, history);
    const first = await cache.current(store, STREAM, PROJECT_ID);
    expect(first.revision).toBe(4);
    expect(first.state).toEqual(foldProject(history));

    // Appended by someone else (another process) after the cache saw revision 4.
    const more = revisions(2, 200_003);
    await append(store, more);
    const second = await cache.current(store, STREAM, PROJECT_ID);
    expect(second.revision).toBe(6);
    expect(second.state).toEqual(foldProject([...history, ...more]));
    expect(store.reads.map((r) => r?.fromRevision)).toEqual([0, 5]);
  });

  it("knows every command's result, including commands appended by another writer", async () => {
    const store = new InMemoryEventStore();
    const cache = new ProjectStateCache();
    await append(store, [projectCreated()], 'create');
    await cache.current(store, STREAM, PROJECT_ID);
    const started = await append(store, [projectStarted()], 'start');
    const { commands } = await cache.current(store, STREAM, PROJECT_ID);
    expect(commands.get('create')).toEqual({ projectId: PROJECT_ID, revision: 0, position: 1 });
    expect(commands.get('start')).toEqual({
      projectId: PROJECT_ID,
      revision: started.nextExpectedRevision,
      position: started.position,
    });
    expect(commands.get('other')).toBeUndefined();
  });

  it('reports a stream that does not exist as revision -1 with the initial state, and caches nothing for it', async () => {
    const store = new CountingStore();
    const cache = new ProjectStateCache();
    const none = await cache.current(store, STREAM, PROJECT_ID);
    expect(none).toMatchObject({ revision: -1, state: { status: 'none' } });
    await append(store, [projectCreated()]);
    expect((await cache.current(store, STREAM, PROJECT_ID)).revision).toBe(0);
    expect(store.reads.map((r) => r?.fromRevision)).toEqual([0, 0]);
  });

  it('forgets the least recently used streams beyond its size, and reads them whole again', async () => {
    const store = new CountingStore();
    const cache = new ProjectStateCache(1);
    const other = projectStreamId('OTHER.1');
    await append(store, [projectCreated()]);
    await store.append(
      other,
      [
        {
          eventId: randomUUID(),
          type: 'ProjectCreated',
          data: projectCreated({ projectId: 'OTHER.1' }).data,
          metadata: {},
        },
      ],
      'no-stream',
    );
    await cache.current(store, STREAM, PROJECT_ID);
    await cache.current(store, other, 'OTHER.1');
    await cache.current(store, STREAM, PROJECT_ID);
    expect(store.reads.map((r) => r?.fromRevision)).toEqual([0, 0, 0]);
  });
});
