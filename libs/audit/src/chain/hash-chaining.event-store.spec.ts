import {
  EventIdConflictError,
  InMemoryEventStore,
  InvalidAppendError,
  WrongExpectedRevisionError,
} from '@ledger/event-store';
import { eventStoreContract } from '../../../event-store/src/testing/event-store.contract';
import { hidingHashes } from '../testing/hash-stripping.event-store';
import { verifyChain } from './chain-verifier';
import { GENESIS_HASH, eventHash } from './hash-chain';
import { HashChainingEventStore } from './hash-chaining.event-store';

eventStoreContract('HashChainingEventStore over InMemoryEventStore', async () => {
  const store = new HashChainingEventStore(new InMemoryEventStore());
  return { store: hidingHashes(store), cleanup: () => store.close() };
});

const ev = (id: string, n: number, metadata: Record<string, unknown> = {}) => ({
  eventId: id,
  type: 'Happened',
  data: { n },
  metadata: { actor: 'a', ...metadata },
});

describe('HashChainingEventStore', () => {
  let store: HashChainingEventStore;
  beforeEach(() => (store = new HashChainingEventStore(new InMemoryEventStore())));
  afterEach(() => store.close());

  it('links each event to the previous one and hashes what it stores', async () => {
    await store.append('s-1', [ev('e0', 0), ev('e1', 1)], 'no-stream');
    await store.append('s-1', [ev('e2', 2, { hash: 'forged', prevHash: 'forged' })], 'any');
    const events = await store.readStream('s-1');
    expect(events[0].metadata.prevHash).toBe(GENESIS_HASH);
    expect(events[1].metadata.prevHash).toBe(events[0].metadata.hash);
    expect(events[2].metadata.prevHash).toBe(events[1].metadata.hash);
    for (const e of events) expect(e.metadata.hash).toBe(eventHash(e));
    expect(verifyChain(events)).toEqual({ ok: true, events: 3, headHash: events[2].metadata.hash });
  });

  it('keeps one unforked chain when many writers append with "any" at once', async () => {
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.append('s-1', [ev(`e${i}`, i)], 'any')));
    const events = await store.readStream('s-1');
    expect(events).toHaveLength(25);
    expect(verifyChain(events).ok).toBe(true);
  });

  it('re-chains an "any" append when another process moved the head in between', async () => {
    const inner = new InMemoryEventStore();
    const a = new HashChainingEventStore(inner);
    const b = new HashChainingEventStore(inner);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).append('s-1', [ev(`e${i}`, i)], 'any')),
    );
    const events = await inner.readStream('s-1');
    expect(events).toHaveLength(10);
    expect(verifyChain(events).ok).toBe(true);
  });

  it('returns the original result for a retried append and keeps revision and id errors', async () => {
    const first = await store.append('s-1', [ev('e0', 0), ev('e1', 1)], 'no-stream');
    await store.append('s-1', [ev('e2', 2)], 1);
    await expect(store.append('s-1', [ev('e0', 0), ev('e1', 1)], 'no-stream')).resolves.toEqual(first);
    await expect(store.append('s-1', [ev('e9', 9)], 1)).rejects.toMatchObject({ expected: 1, actual: 2 });
    await expect(store.append('s-1', [ev('e9', 9)], 1)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(store.append('s-1', [ev('e2', 2), ev('e3', 3)], 'any')).rejects.toBeInstanceOf(
      EventIdConflictError,
    );
    await expect(store.append('s-1', [], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
    await expect(store.append('s-1', [{ ...ev('e4', 4), data: () => 1 }], 'any')).rejects.toBeInstanceOf(
      InvalidAppendError,
    );
    expect(verifyChain(await store.readStream('s-1')).events).toBe(3);
  });

  it('reads no head for a new stream, nor for the revision it last read, and still chains correctly', async () => {
    const inner = new InMemoryEventStore();
    const reads = jest.spyOn(inner, 'readStream');
    const chaining = new HashChainingEventStore(inner);
    await chaining.append('s-1', [ev('e0', 0)], 'no-stream');
    expect(reads).not.toHaveBeenCalled();
    await chaining.readStream('s-1');
    reads.mockClear();
    await chaining.append('s-1', [ev('e1', 1)], 0);
    expect(reads).not.toHaveBeenCalled();
    // Revision 1 was appended, not read: the next append expecting it reads the head.
    await chaining.append('s-1', [ev('e2', 2)], 1);
    expect(reads).toHaveBeenCalledTimes(1);
    const events = await inner.readStream('s-1');
    expect(verifyChain(events)).toEqual({ ok: true, events: 3, headHash: events[2].metadata.hash });
  });

  it('refuses an append chained onto a remembered head that another process has since moved', async () => {
    const inner = new InMemoryEventStore();
    const a = new HashChainingEventStore(inner);
    const b = new HashChainingEventStore(inner);
    await a.append('s-1', [ev('e0', 0)], 'no-stream');
    await a.readStream('s-1');
    await b.append('s-1', [ev('e1', 1)], 'any');
    await expect(a.append('s-1', [ev('e2', 2)], 0)).rejects.toMatchObject({ expected: 0, actual: 1 });
    await expect(a.append('s-1', [ev('e1', 1)], 'no-stream')).resolves.toEqual({
      nextExpectedRevision: 1,
      position: expect.any(Number),
    });
    await a.append('s-1', [ev('e2', 2)], 'any');
    expect(verifyChain(await inner.readStream('s-1'))).toMatchObject({ ok: true, events: 3 });
  });
});

describe('verifyChain', () => {
  it('reports the revision whose content was changed, and the next one when the edit was re-hashed', async () => {
    const store = new HashChainingEventStore(new InMemoryEventStore());
    await store.append(
      's-1',
      [0, 1, 2, 3].map((n) => ev(`e${n}`, n)),
      'no-stream',
    );
    const events = await store.readStream('s-1');
    const edited = events.map((e) => (e.revision === 2 ? { ...e, data: { n: 20 } } : e));
    expect(verifyChain(edited)).toMatchObject({
      ok: false,
      events: 4,
      firstBrokenRevision: 2,
      reason: 'HASH_MISMATCH',
    });
    const rehashed = edited.map((e) =>
      e.revision === 2 ? { ...e, metadata: { ...e.metadata, hash: eventHash(e) } } : e,
    );
    expect(verifyChain(rehashed)).toMatchObject({
      ok: false,
      firstBrokenRevision: 3,
      reason: 'PREV_HASH_MISMATCH',
    });
    expect(verifyChain(events.filter((e) => e.revision !== 1))).toMatchObject({
      ok: false,
      firstBrokenRevision: 1,
      reason: 'REVISION_GAP',
    });
    await store.close();
  });
});
