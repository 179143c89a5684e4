import { KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from '../chain/canonical-json';
import type { SigningKey } from './signing-key';

/** Checkpoints live in their own stream; it does not start with `project-`, so projector and relay skip it. */
export const CHECKPOINT_STREAM = 'audit-checkpoints';
export const CHECKPOINT_EVENT_TYPE = 'AuditCheckpointSigned';
export const CHECKPOINT_ALGORITHM = 'Ed25519';

/** What is signed: the canonical JSON of these fields. */
export interface CheckpointStatement {
  algorithm: typeof CHECKPOINT_ALGORITHM;
  keyId: string;
  /** Global position covered: every event at or before it. */
  position: number;
  /** Number of streams with events at or before `position`. */
  streamCount: number;
  /** SHA-256 hex over the sorted `streamId:revision:hash\n` lines of every stream head at `position`. */
  headsDigest: string;
  signedAt: string;
}

/** The checkpoint event's data: the statement plus its base64 Ed25519 signature. */
export interface CheckpointData extends CheckpointStatement {
  signature: string;
}

export function statementOf(data: CheckpointData): CheckpointStatement {
  const { algorithm, keyId, position, streamCount, headsDigest, signedAt } = data;
  return { algorithm, keyId, position, streamCount, headsDigest, signedAt };
}

export function signCheckpoint(
  key: SigningKey,
  fields: Omit<CheckpointStatement, 'algorithm' | 'keyId'>,
): CheckpointData {
  const statement: CheckpointStatement = { algorithm: CHECKPOINT_ALGORITHM, keyId: key.keyId, ...fields };
  const signature = sign(null, Buffer.from(canonicalJson(statement), 'utf8'), key.privateKey).toString(
    'base64',
  );
  return { ...statement, signature };
}

export type SignatureCheck =
  { ok: true } | { ok: false; reason: 'WRONG_KEY' | 'BAD_SIGNATURE' | 'MALFORMED' };

/** Checks the signature with the given public key; a checkpoint naming another key id is rejected. */
export function verifyCheckpointSignature(
  data: unknown,
  publicKey: KeyObject,
  keyId: string,
): SignatureCheck {
  if (!isCheckpointData(data)) return { ok: false, reason: 'MALFORMED' };
  if (data.keyId !== keyId) return { ok: false, reason: 'WRONG_KEY' };
  const message = Buffer.from(canonicalJson(statementOf(data)), 'utf8');
  let valid = false;
  try {
    valid = verify(null, message, publicKey, Buffer.from(data.signature, 'base64'));
  } catch {
    valid = false;
  }
  return valid ? { ok: true } : { ok: false, reason: 'BAD_SIGNATURE' };
}

export function isCheckpointData(data: unknown): data is CheckpointData {
  const d = data as Partial<CheckpointData> | null;
  return (
    !!d &&
    d.algorithm === CHECKPOINT_ALGORITHM &&
    typeof d.keyId === 'string' &&
    Number.isSafeInteger(d.position) &&
    Number.isSafeInteger(d.streamCount) &&
    typeof d.headsDigest === 'string' &&
    typeof d.signedAt === 'string' &&
    typeof d.signature === 'string'
  );
}
