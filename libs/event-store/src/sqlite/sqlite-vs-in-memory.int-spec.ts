import fc from 'fast-check';
import type { EventStore, EventToAppend, ExpectedRevision } from '../event-store.port';
import { InMemoryEventStore } from '../in-memory/in-memory.event-store';
import { tempDir } from '../testing/temp-sqlite.fixture';
import { SqliteEventStore } from './sqlite.event-store';

/**
 * Differential test: random groups of concurrent appends (small id pool, so retries, partial overlaps and
 * in-batch duplicates happen) must give the same outcome, one by one, on both adapters, and leave the same
 * log. Within a group SQLite shares one commit, so this also checks group commit changes no semantics.
 */
const STREAMS = ['project-a', 'project-b', 'other-c'];
const IDS = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'];

type Append = { streamId: string; ids: string[]; expected: ExpectedRevision };

const appendArb: fc.Arbitrary<Append> = fc.record({
  streamId: fc.constantFrom(...STREAMS),
  ids: fc.array(fc.constantFrom(...IDS), { minLength: 1, maxLength: 3 }),
  expected: fc.oneof(fc.constantFrom<ExpectedRevision>('any', 'no-stream'), fc.integer({ min: 0, max: 4 })),
});

const batch = (a: Append): EventToAppend[] =>
  a.ids.map((eventId, n) => ({ eventId, type: `T${n}`, data: { eventId, n }, metadata: { actor: 'prop' } }));

async function outcomes(store: EventStore, groups: Append[][]): Promise<unknown[]> {
  const seen: unknown[] = [];
  for (const group of groups) {
    const settled = await Promise.allSettled(
      group.map((a) => store.append(a.streamId, batch(a), a.expected)),
    );
    for (const s of settled) {
      if (s.status === 'fulfilled') seen.push(s.value);
      else {
        const { code, actual, storedEventIds } = s.reason as Record<string, unknown>;
        seen.push({ code, actual, storedEventIds });
      }
    }
  }
  return seen;
}

describe('SqliteEventStore and InMemoryEventStore', () => {
  it('give the same outcome for every append and keep the same log', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(appendArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        async (groups) => {
          const tmp = await tempDir();
          const sqlite = new SqliteEventStore({ file: tmp.file });
          const memory = new InMemoryEventStore();
          try {
            expect(await outcomes(sqlite, groups)).toEqual(await outcomes(memory, groups));
            expect(await sqlite.readAll()).toEqual(await memory.readAll());
            for (const streamId of STREAMS) {
              const options = { direction: 'backwards' as const, fromRevision: 3, maxCount: 2 };
              expect(await sqlite.readStream(streamId, options)).toEqual(
                await memory.readStream(streamId, options),
              );
            }
          } finally {
            await Promise.all([sqlite.close(), memory.close()]);
            await tmp.remove();
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
