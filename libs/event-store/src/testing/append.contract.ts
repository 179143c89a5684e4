import {
  EventIdConflictError,
  EventStore,
  InvalidAppendError,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { anEvent, events, range } from './contract.fixtures';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the append to be rejected');
    },
    (error: unknown) => error,
  );
}

export function appendContract(store: () => EventStore): void {
  describe('append', () => {
    it('numbers a new stream from revision 0 and continues across batches', async () => {
      const first = await store().append('project-a', events(2), 'no-stream');
      const second = await store().append('project-a', events(3), 1);
      expect(first.nextExpectedRevision).toBe(1);
      expect(second.nextExpectedRevision).toBe(4);
      const stored = await store().readStream('project-a');
      expect(stored.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    });

    it('gives every event a gapless global position across streams, returned as the batch position', async () => {
      const a = await store().append('project-a', events(2), 'no-stream');
      const b = await store().append('project-b', events(1), 'no-stream');
      const c = await store().append('project-a', events(3), 'any');
      expect([a.position, b.position, c.position]).toEqual([2, 3, 6]);
      const all = await store().readAll();
      expect(all.map((e) => e.position)).toEqual(range(1, 6));
      expect(all.map((e) => e.streamId)).toEqual([
        'project-a',
        'project-a',
        'project-b',
        ...Array(3).fill('project-a'),
      ]);
      expect(await store().headPosition()).toBe(6);
    });

    it('stores type, data and metadata exactly as given', async () => {
      const event = {
        ...anEvent('ProjectCreated', { projectId: 'TC.0789', budget: { amount: '1.10' }, tags: [1, null] }),
      };
      event.metadata = {
        actor: 'alice',
        correlationId: 'c-1',
        schemaVersion: 2,
        recordedAt: '2026-01-01T00:00:00.000Z',
      };
      await store().append('project-TC.0789', [event], 'no-stream');
      const [stored] = await store().readStream('project-TC.0789');
      expect(stored).toEqual({ ...event, streamId: 'project-TC.0789', revision: 0, position: 1 });
    });

    it('accepts "no-stream" only while the stream does not exist, reporting the actual revision', async () => {
      await store().append('project-a', events(2), 'no-stream');
      const error = await rejection(store().append('project-a', events(1), 'no-stream'));
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({
        streamId: 'project-a',
        expected: 'no-stream',
        actual: 1,
        code: 'EVENT_STORE.WRONG_EXPECTED_REVISION',
      });
    });

    it('accepts an exact revision only when it is the stream head', async () => {
      await store().append('project-a', events(3), 'no-stream');
      await expect(store().append('project-a', events(1), 2)).resolves.toMatchObject({
        nextExpectedRevision: 3,
      });
      const stale = await rejection(store().append('project-a', events(1), 2));
      expect(stale).toMatchObject({ expected: 2, actual: 3 });
      const ahead = await rejection(store().append('project-a', events(1), 9));
      expect(ahead).toMatchObject({ expected: 9, actual: 3 });
    });

    it('rejects an exact revision on a stream that does not exist with actual "no-stream"', async () => {
      const error = await rejection(store().append('project-missing', events(1), 0));
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ expected: 0, actual: 'no-stream' });
      expect(await store().headPosition()).toBe(0);
    });

    it('appends with "any" whether or not the stream exists', async () => {
      await store().append('project-a', events(1), 'any');
      const result = await store().append('project-a', events(1), 'any');
      expect(result).toEqual({ nextExpectedRevision: 1, position: 2 });
    });

    it('writes none of a batch that fails its revision check', async () => {
      await store().append('project-a', events(1), 'no-stream');
      await expect(store().append('project-a', events(5), 7)).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect(await store().readStream('project-a')).toHaveLength(1);
      expect(await store().headPosition()).toBe(1);
    });

    it('rejects malformed batches as InvalidAppendError and writes nothing', async () => {
      const twice = anEvent();
      const bad: [string, Parameters<EventStore['append']>[1], Parameters<EventStore['append']>[2]][] = [
        ['project-a', [], 'any'],
        ['', events(1), 'any'],
        ['project-a', [twice, twice], 'any'],
        ['project-a', [{ ...anEvent(), type: '' }], 'any'],
        ['project-a', [{ ...anEvent(), eventId: '' }], 'any'],
        ['project-a', [{ ...anEvent(), data: undefined }], 'any'],
        ['project-a', events(1), -1],
        ['project-a', events(1), 'latest' as never],
      ];
      for (const [stream, batch, expected] of bad) {
        const error = await rejection(store().append(stream, batch, expected));
        expect(error).toBeInstanceOf(InvalidAppendError);
        expect(error).toMatchObject({ code: 'EVENT_STORE.INVALID_APPEND' });
      }
      expect(await store().headPosition()).toBe(0);
    });

    it('treats a retried batch as a no-op returning the original result, even with a stale revision', async () => {
      const batch = events(2);
      const original = await store().append('project-a', batch, 'no-stream');
      await store().append('project-b', events(1), 'no-stream');
      await expect(store().append('project-a', batch, 'no-stream')).resolves.toEqual(original);
      await expect(store().append('project-a', [batch[0]], 'any')).resolves.toEqual({
        nextExpectedRevision: 0,
        position: 1,
      });
      expect(await store().headPosition()).toBe(3);
      expect(await store().readStream('project-a')).toHaveLength(2);
    });

    it('rejects a batch mixing stored and new event ids with EventIdConflictError, writing nothing', async () => {
      const [first, second, fresh] = [anEvent(), anEvent(), anEvent()];
      await store().append('project-a', [first, second], 'no-stream');
      const error = await rejection(store().append('project-a', [fresh, second, first], 1));
      expect(error).toBeInstanceOf(EventIdConflictError);
      expect(error).toMatchObject({
        code: 'EVENT_STORE.EVENT_ID_CONFLICT',
        storedEventIds: [second.eventId, first.eventId], // in batch order
      });
      expect(await store().readStream('project-a')).toHaveLength(2);
    });

    it('scopes event-id idempotency to the stream', async () => {
      const event = anEvent();
      await store().append('project-a', [event], 'no-stream');
      const other = await store().append('project-b', [event], 'no-stream');
      expect(other).toEqual({ nextExpectedRevision: 0, position: 2 });
    });

    it('lets exactly one of several concurrent appends with the same expected revision win', async () => {
      await store().append('project-a', events(1), 'no-stream');
      const attempts = await Promise.allSettled(
        range(1, 8).map(() => store().append('project-a', events(2), 0)),
      );
      const won = attempts.filter((a) => a.status === 'fulfilled');
      const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(7);
      lost.forEach((l) => expect(l.reason).toMatchObject({ expected: 0, actual: 2 }));
      expect((await store().readStream('project-a')).map((e) => e.revision)).toEqual([0, 1, 2]);
    });

    it('lets exactly one of several concurrent stream creations win', async () => {
      const attempts = await Promise.allSettled(
        range(1, 5).map(() => store().append('project-new', events(1), 'no-stream')),
      );
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      expect(await store().headPosition()).toBe(1);
    });
  });
}
