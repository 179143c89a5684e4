import type { KeyObject } from 'node:crypto';
import type { RecordedEvent } from '@ledger/event-store';
import { StreamChainVerifier } from '../chain/chain-verifier';
import { CHECKPOINT_STREAM, verifyCheckpointSignature } from '../checkpoint/checkpoint';
import { StreamHeads, headsDigest } from '../checkpoint/stream-heads';

export interface VerificationFailure {
  code: string;
  message: string;
  streamId?: string;
  revision?: number;
  position?: number;
}

export interface LogVerification {
  ok: boolean;
  events: number;
  streams: number;
  /** Checkpoints whose signature and heads digest verified. */
  checkpointsVerified: number;
  /** Highest global position covered by a verified checkpoint (0 when none). */
  signedThroughPosition: number;
  /** Exported events (checkpoint events aside) at or before that position: what the signature vouches for. */
  signedEvents: number;
  failures: VerificationFailure[];
}

export interface LogVerifierOptions {
  publicKey: KeyObject;
  keyId: string;
  /** Positions the checkpoints to be met claim to cover (so heads can be snapshotted in one pass). */
  checkpointPositions: readonly number[];
  /** 'all': the whole log (heads must match exactly); 'streams': only some streams (their heads must be listed). */
  scope: 'all' | 'streams';
  /** Fail when no checkpoint verifies (offline exports: without one nothing is signed). */
  requireCheckpoint: boolean;
}

const MAX_FAILURES = 100;

/**
 * Verifies events fed in global order: every stream's hash chain, and every signed checkpoint against the
 * heads recomputed at its position. One pass, memory per stream, so it runs over exports of any size.
 */
export class LogVerifier {
  private readonly chains = new Map<string, StreamChainVerifier>();
  private readonly heads = new StreamHeads();
  private readonly snapshots = new Map<
    number,
    { digest: string; count: number; heads: StreamHeads; covered: number }
  >();
  private readonly pending: number[];
  private readonly failures: VerificationFailure[] = [];
  private lastPosition = 0;
  private count = 0;
  private verified = 0;
  private signedThrough = 0;
  private recordEvents = 0;
  private signedEvents = 0;

  constructor(private readonly options: LogVerifierOptions) {
    this.pending = [...new Set(options.checkpointPositions)].sort((a, b) => b - a);
  }

  acceptEvent(event: RecordedEvent): void {
    if (!(event.position > this.lastPosition)) {
      this.fail({
        code: 'POSITION_ORDER',
        message: `position ${event.position} does not follow ${this.lastPosition}`,
        position: event.position,
      });
    }
    this.snapshotBefore(event.position);
    this.lastPosition = Math.max(this.lastPosition, event.position);
    this.count += 1;
    if (event.streamId !== CHECKPOINT_STREAM) this.recordEvents += 1;
    let chain = this.chains.get(event.streamId);
    if (!chain) this.chains.set(event.streamId, (chain = new StreamChainVerifier()));
    chain.accept(event);
    this.heads.accept(event);
    if (this.options.scope === 'all' && event.streamId === CHECKPOINT_STREAM) this.checkpoint(event, null);
  }

  /** A checkpoint with the full list of head lines it signed (exports of some streams only). */
  acceptProof(checkpoint: RecordedEvent, lines: readonly string[]): void {
    this.snapshotBefore(Number.MAX_SAFE_INTEGER);
    this.checkpoint(checkpoint, lines);
  }

  finish(): LogVerification {
    this.snapshotBefore(Number.MAX_SAFE_INTEGER);
    for (const [streamId, chain] of this.chains) {
      const result = chain.result();
      if (!result.ok) {
        this.fail({
          code: `CHAIN.${result.reason}`,
          message: `stream ${streamId} breaks at revision ${result.firstBrokenRevision}`,
          streamId,
          revision: result.firstBrokenRevision,
        });
      }
    }
    if (this.options.requireCheckpoint && this.verified === 0) {
      this.fail({ code: 'CHECKPOINT.NONE_VERIFIED', message: 'no signed checkpoint verified with this key' });
    } else if (this.options.requireCheckpoint && this.recordEvents > 0 && this.signedEvents === 0) {
      // A valid signature from before these events existed proves nothing about them.
      this.fail({
        code: 'CHECKPOINT.COVERS_NOTHING',
        message: 'no exported event is at or before a verified checkpoint',
      });
    }
    return {
      ok: this.failures.length === 0,
      events: this.count,
      streams: this.chains.size,
      checkpointsVerified: this.verified,
      signedThroughPosition: this.signedThrough,
      signedEvents: this.signedEvents,
      failures: this.failures,
    };
  }

  private snapshotBefore(position: number): void {
    while (this.pending.length > 0 && this.pending[this.pending.length - 1] < position) {
      const at = this.pending.pop() as number;
      const heads = this.options.scope === 'streams' ? this.heads.clone() : this.heads;
      this.snapshots.set(at, {
        digest: this.heads.digest(),
        count: this.heads.size,
        heads,
        covered: this.recordEvents,
      });
    }
  }

  private checkpoint(event: RecordedEvent, lines: readonly string[] | null): void {
    const at = { position: event.position, streamId: event.streamId, revision: event.revision };
    const signature = verifyCheckpointSignature(event.data, this.options.publicKey, this.options.keyId);
    if (!signature.ok)
      return this.fail({
        code: `CHECKPOINT.${signature.reason}`,
        message: `checkpoint signature: ${signature.reason}`,
        ...at,
      });
    const data = event.data as { position: number; headsDigest: string; streamCount: number };
    const snapshot = this.snapshots.get(data.position);
    if (!snapshot)
      return this.fail({
        code: 'CHECKPOINT.UNANNOUNCED',
        message: `checkpoint for position ${data.position} was not announced`,
        ...at,
      });
    const problem =
      lines === null ? this.fullMismatch(data, snapshot) : this.partialMismatch(data, lines, snapshot.heads);
    if (problem) return this.fail({ code: 'CHECKPOINT.HEADS_MISMATCH', message: problem, ...at });
    this.verified += 1;
    this.signedThrough = Math.max(this.signedThrough, data.position);
    this.signedEvents = Math.max(this.signedEvents, snapshot.covered);
  }

  private fullMismatch(
    data: { headsDigest: string; streamCount: number },
    snapshot: { digest: string; count: number },
  ): string | null {
    return data.headsDigest === snapshot.digest && data.streamCount === snapshot.count
      ? null
      : 'the heads of the log differ from the signed heads';
  }

  private partialMismatch(
    data: { headsDigest: string; streamCount: number },
    lines: readonly string[],
    heads: StreamHeads,
  ): string | null {
    if (headsDigest(lines) !== data.headsDigest || lines.length !== data.streamCount)
      return 'the listed heads are not the signed ones';
    const listed = new Set(lines);
    const missing = heads.lines().find((line) => !listed.has(line));
    if (missing) return `exported head ${missing} is not among the signed heads`;
    // A signed head of an exported stream must be met too: otherwise a history rewritten and renumbered
    // past the signed position would leave nothing to compare and pass as verified.
    const exported = new Set(heads.lines());
    const unmet = lines.find((line) => this.chains.has(streamOfHeadLine(line)) && !exported.has(line));
    return unmet ? `signed head ${unmet} is not the exported history at that position` : null;
  }

  private fail(failure: VerificationFailure): void {
    if (this.failures.length < MAX_FAILURES) this.failures.push(failure);
  }
}

/** The stream id of a `streamId:revision:hash` head line (the id itself may contain colons). */
function streamOfHeadLine(line: string): string {
  return line.slice(0, line.lastIndexOf(':', line.lastIndexOf(':') - 1));
}
