import type { RecordedEvent } from '@ledger/event-store';
import { GENESIS_HASH, eventHash, isHashString } from './hash-chain';

export type ChainBreak = 'REVISION_GAP' | 'MISSING_HASH' | 'PREV_HASH_MISMATCH' | 'HASH_MISMATCH';

export interface ChainVerification {
  ok: boolean;
  /** How many events were checked. */
  events: number;
  /** hash of the last event checked (GENESIS_HASH for an empty stream), as stored. */
  headHash: string;
  /** Revision of the first event that does not verify; absent when ok. */
  firstBrokenRevision?: number;
  reason?: ChainBreak;
}

/**
 * Checks one stream's events, fed oldest first: revisions 0, 1, 2 …; each prevHash is the previous hash;
 * each hash is recomputed. Any edit of a stored event breaks its own hash, so the break is reported at the
 * edited revision; a re-hashed edit breaks the next event's prevHash (and the signed checkpoints).
 */
export class StreamChainVerifier {
  private count = 0;
  private previous = GENESIS_HASH;
  private broken: { revision: number; reason: ChainBreak } | null = null;

  constructor(
    private readonly firstRevision = 0,
    startHash = GENESIS_HASH,
  ) {
    this.previous = startHash;
  }

  accept(
    event: Pick<RecordedEvent, 'streamId' | 'revision' | 'eventId' | 'type' | 'data' | 'metadata'>,
  ): void {
    const expectedRevision = this.firstRevision + this.count;
    this.count += 1;
    const stored = event.metadata?.hash;
    if (this.broken === null) {
      const reason = breakOf(event, expectedRevision, this.previous);
      if (reason) this.broken = { revision: expectedRevision, reason };
    }
    this.previous = typeof stored === 'string' ? stored : '';
  }

  result(): ChainVerification {
    const base = { ok: this.broken === null, events: this.count, headHash: this.previous };
    return this.broken
      ? { ...base, firstBrokenRevision: this.broken.revision, reason: this.broken.reason }
      : base;
  }
}

function breakOf(
  event: Parameters<StreamChainVerifier['accept']>[0],
  revision: number,
  previous: string,
): ChainBreak | null {
  if (event.revision !== revision) return 'REVISION_GAP';
  const { prevHash, hash } = event.metadata ?? {};
  if (!isHashString(hash) || !isHashString(prevHash)) return 'MISSING_HASH';
  if (prevHash !== previous) return 'PREV_HASH_MISMATCH';
  return eventHash(event) === hash ? null : 'HASH_MISMATCH';
}

/** Verifies a whole stream read oldest first. */
export function verifyChain(events: readonly RecordedEvent[]): ChainVerification {
  const verifier = new StreamChainVerifier();
  for (const event of events) verifier.accept(event);
  return verifier.result();
}
