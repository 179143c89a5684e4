import { generateKeyPairSync } from 'node:crypto';
import { InMemoryEventStore, type RecordedEvent } from '@ledger/event-store';
import { HashChainingEventStore, chain } from '../chain/hash-chaining.event-store';
import { checkpointNow } from '../checkpoint/checkpoint.writer';
import { signingKeyFrom } from '../checkpoint/signing-key';
import type { ExportLine } from './export.format';
import { exportLines } from './export.writer';
import { verifyExport } from './export.verifier';

const key = signingKeyFrom(generateKeyPairSync('ed25519').privateKey);
const ev = (id: string, n: number) => ({
  eventId: id,
  type: 'Happened',
  data: { projectId: 'A', n },
  metadata: { actor: 'a' },
});

async function exported(
  projectId?: string,
  after?: (store: HashChainingEventStore) => Promise<unknown>,
): Promise<ExportLine[]> {
  const store = new HashChainingEventStore(new InMemoryEventStore());
  await store.append('project-A', [ev('a0', 0), ev('a1', 1), ev('a2', 2)], 'no-stream');
  await store.append('project-B', [ev('b0', 0)], 'no-stream');
  await checkpointNow(store, key, new Date('2026-01-01T00:00:00Z'));
  await store.append('project-A', [ev('a3', 3)], 'any');
  await after?.(store);
  const lines: ExportLine[] = [];
  for await (const line of exportLines(store, { projectId, now: new Date() })) lines.push(line);
  await store.close();
  return lines;
}
const verify = (lines: ExportLine[]) =>
  verifyExport(
    lines.map((l) => JSON.stringify(l)),
    key.publicKey,
  );

describe('verifyExport', () => {
  it('accepts an untouched export and says how far the signature reaches', async () => {
    expect(await verify(await exported())).toMatchObject({
      ok: true,
      events: 6,
      checkpointsVerified: 1,
      signedThroughPosition: 4,
      failures: [],
    });
    expect(await verify(await exported('A'))).toMatchObject({
      ok: true,
      events: 4,
      checkpointsVerified: 1,
      signedThroughPosition: 4,
    });
  });

  it('says how many exported events the signature vouches for', async () => {
    expect(await verify(await exported())).toMatchObject({ signedEvents: 4, events: 6 });
    expect(await verify(await exported('A'))).toMatchObject({ signedEvents: 3, events: 4 });
  });

  it('fails a project export that no verified checkpoint covers: an older signature proves nothing about it', async () => {
    const lines = await exported('C', (store) => store.append('project-C', [ev('c0', 0)], 'no-stream'));
    const result = await verify(lines);
    expect(result.ok).toBe(false);
    expect(result.failures).toContainEqual(expect.objectContaining({ code: 'CHECKPOINT.COVERS_NOTHING' }));
  });

  it('catches a rewrite that recomputed every hash of the stream: the signed heads no longer match', async () => {
    const lines = await exported();
    const events = lines.filter(
      (l): l is Extract<ExportLine, { kind: 'event' }> => l.kind === 'event' && l.streamId === 'project-A',
    );
    const forged = chain(
      'project-A',
      events.map((e) => ({ ...e, data: e.revision === 1 ? { projectId: 'A', n: 100 } : e.data })),
      undefined,
    );
    const byId = new Map(forged.map((e) => [e.eventId, e]));
    const rewritten = lines.map((l) =>
      l.kind === 'event' && byId.has(l.eventId) ? { ...l, ...byId.get(l.eventId)! } : l,
    );
    const result = await verify(rewritten);
    expect(result.ok).toBe(false);
    expect(result.failures.map((f) => f.code)).toEqual([
      'CHECKPOINT.HEADS_MISMATCH',
      'CHECKPOINT.NONE_VERIFIED',
    ]);
  });

  it('catches a project export whose rewritten history was moved past the signed position', async () => {
    // Every event re-chained and renumbered after the checkpoint: no exported head falls at or before the
    // signed position, yet the signed heads name this stream, so its history there is not what was signed.
    const lines = await exported('A');
    const events = lines.filter((l): l is Extract<ExportLine, { kind: 'event' }> => l.kind === 'event');
    const forged = chain(
      'project-A',
      events.map((e) => ({ ...e, data: e.revision === 1 ? { projectId: 'A', n: 100 } : e.data })),
      undefined,
    );
    let position = 4;
    const rewritten = lines.map((l) =>
      l.kind === 'event'
        ? { ...l, ...forged.find((f) => f.eventId === l.eventId)!, position: ++position }
        : l,
    );
    const result = await verify(rewritten);
    expect(result.ok).toBe(false);
    expect(result.failures.map((f) => f.code)).toContain('CHECKPOINT.HEADS_MISMATCH');
  });

  it('catches a dropped event and an export without any checkpoint', async () => {
    const lines = await exported();
    const dropped = lines.filter((l) => !(l.kind === 'event' && (l as RecordedEvent).eventId === 'b0'));
    expect((await verify(dropped)).failures.map((f) => f.code)).toContain('CHECKPOINT.HEADS_MISMATCH');
    const unsigned = lines.filter(
      (l) => !(l.kind === 'event' && (l as RecordedEvent).streamId === 'audit-checkpoints'),
    );
    expect((await verify(unsigned)).failures.map((f) => f.code)).toEqual(['CHECKPOINT.NONE_VERIFIED']);
  });
});
