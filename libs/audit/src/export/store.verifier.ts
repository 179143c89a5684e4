import type { EventStore } from '@ledger/event-store';
import { CHECKPOINT_STREAM, type CheckpointData } from '../checkpoint/checkpoint';
import type { SigningKey } from '../checkpoint/signing-key';
import { LogVerification, LogVerifier } from './log.verifier';

/** Verifies a live store: every chain and every checkpoint, reading the log once in pages. */
export async function verifyStore(
  store: EventStore,
  key: Pick<SigningKey, 'publicKey' | 'keyId'>,
  options: { pageSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<LogVerification> {
  const head = await store.headPosition();
  const checkpoints = await store.readStream(CHECKPOINT_STREAM);
  const verifier = new LogVerifier({
    publicKey: key.publicKey,
    keyId: key.keyId,
    checkpointPositions: checkpoints
      .filter((e) => e.position <= head)
      .map((e) => (e.data as CheckpointData).position),
    scope: 'all',
    requireCheckpoint: false,
  });
  let after = 0;
  let done = 0;
  while (after < head) {
    const page = (await store.readAll({ fromPosition: after, limit: options.pageSize ?? 1000 })).filter(
      (e) => e.position <= head,
    );
    if (page.length === 0) break;
    for (const event of page) verifier.acceptEvent(event);
    done += page.length;
    after = page[page.length - 1].position;
    options.onProgress?.(done, head);
  }
  return verifier.finish();
}
