import fc from 'fast-check';
import { InMemoryEventStore } from '@ledger/event-store';
import { canonicalJson } from './canonical-json';
import { verifyChain } from './chain-verifier';
import { HashChainingEventStore } from './hash-chaining.event-store';

const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);

/** The same members in another order. */
function shuffled(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffled(v, seed + i));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const rotated = entries.map((_, i) => entries[(i + seed) % entries.length]);
  return Object.fromEntries(rotated.map(([k, v], i) => [k, shuffled(v, seed + i)]));
}

describe('hash chain properties', () => {
  it('canonical JSON round-trips and does not depend on member order', () => {
    fc.assert(
      fc.property(json, fc.nat(50), (value, seed) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(value);
        expect(canonicalJson(shuffled(value, seed))).toBe(canonicalJson(value));
      }),
    );
  });

  it('any change to one stored event is reported at exactly that revision', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(json, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        json,
        async (datas, pick, replacement) => {
          const store = new HashChainingEventStore(new InMemoryEventStore());
          for (const [i, data] of datas.entries())
            await store.append(
              's',
              [{ eventId: `e${i}`, type: 'T', data: { v: data }, metadata: {} }],
              'any',
            );
          const events = await store.readStream('s');
          await store.close();
          expect(verifyChain(events).ok).toBe(true);
          const at = pick % events.length;
          fc.pre(canonicalJson({ v: replacement }) !== canonicalJson(events[at].data));
          const tampered = events.map((e, i) => (i === at ? { ...e, data: { v: replacement } } : e));
          expect(verifyChain(tampered)).toMatchObject({
            ok: false,
            firstBrokenRevision: at,
            reason: 'HASH_MISMATCH',
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
