import { canonicalJson } from '../../../../libs/audit/src/chain/canonical-json';

/**
 * Checks a project's NDJSON audit export in the browser, with nothing but the published public key
 * (docs/audit.md, sections 1, 2 and 5): every event's hash and link, the signature of the checkpoint proof
 * (WebCrypto Ed25519), its heads digest and stream count, and that the project's head at the signed
 * position is one of the signed heads. The server's own answers are not trusted for any of it.
 */
export interface ExportEvent {
  kind: 'event';
  streamId: string;
  revision: number;
  position: number;
  eventId: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown> & { hash?: string; prevHash?: string };
}

interface CheckpointData {
  algorithm: string;
  keyId: string;
  position: number;
  streamCount: number;
  headsDigest: string;
  signedAt: string;
  signature: string;
}

export interface BrowserVerification {
  ok: boolean;
  events: number;
  headHash?: string;
  /** The signed checkpoint that covers the project, when one does. */
  checkpoint?: { position: number; signedAt: string; keyId: string; covered: number };
  problems: string[];
}

const ZERO_HASH = '0'.repeat(64);
const encoder = new TextEncoder();

const hex = (bytes: ArrayBuffer): string =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
type Bytes = Uint8Array<ArrayBuffer>;
const sha256 = async (text: string | Bytes): Promise<string> =>
  hex(await crypto.subtle.digest('SHA-256', typeof text === 'string' ? encoder.encode(text) : text));
const fromBase64 = (text: string): Bytes => Uint8Array.from(atob(text), (c) => c.charCodeAt(0)) as Bytes;

export async function eventHash(event: ExportEvent): Promise<string> {
  const { hash: _hash, ...metadata } = event.metadata;
  const { streamId, revision, eventId, type, data } = event;
  return sha256(canonicalJson({ streamId, revision, eventId, type, data, metadata }));
}

export async function verifyExportInBrowser(
  ndjson: string,
  publicKeyPem: string,
): Promise<BrowserVerification> {
  const lines = ndjson
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { kind: string });
  const events = lines.filter((l): l is ExportEvent => l.kind === 'event');
  const proof = lines.find((l) => l.kind === 'checkpoint-proof') as
    { checkpoint: { data: CheckpointData }; heads: string[] } | undefined;
  const problems: string[] = [];

  let previous = ZERO_HASH;
  for (const [index, event] of events.entries()) {
    if (event.revision !== index) problems.push(`revision ${event.revision}: expected revision ${index}`);
    if (event.metadata.prevHash !== previous) problems.push(`revision ${event.revision}: broken link`);
    const hash = await eventHash(event);
    if (hash !== event.metadata.hash) problems.push(`revision ${event.revision}: hash does not match`);
    previous = event.metadata.hash ?? '';
  }
  const result: BrowserVerification = { ok: false, events: events.length, headHash: previous, problems };
  if (!proof) {
    problems.push('no signed checkpoint covers this project yet');
    return result;
  }
  const cp = proof.checkpoint.data;
  const der = fromBase64(publicKeyPem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''));
  const keyId = (await sha256(der)).slice(0, 16);
  const { signature, ...statement } = cp;
  const key = await crypto.subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']);
  const signed = await crypto.subtle.verify(
    { name: 'Ed25519' },
    key,
    fromBase64(signature),
    encoder.encode(canonicalJson(statement)),
  );
  if (cp.keyId !== keyId) problems.push('the checkpoint names another signing key');
  if (!signed) problems.push('the checkpoint signature does not verify with the public key');
  if ((await sha256(proof.heads.map((l) => `${l}\n`).join(''))) !== cp.headsDigest)
    problems.push('the signed heads digest does not match the heads');
  if (proof.heads.length !== cp.streamCount) problems.push('the signed stream count does not match');
  const covered = events.filter((e) => e.position <= cp.position);
  const head = covered[covered.length - 1];
  if (!head) problems.push('the latest checkpoint was signed before this project existed');
  else if (!proof.heads.includes(`${head.streamId}:${head.revision}:${head.metadata.hash}`))
    problems.push("the project's head at the signed position is not among the signed heads");
  result.checkpoint = {
    position: cp.position,
    signedAt: cp.signedAt,
    keyId: cp.keyId,
    covered: covered.length,
  };
  result.ok = problems.length === 0;
  return result;
}
