import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventStore } from '@ledger/event-store';
import { HashChainingEventStore } from '../chain/hash-chaining.event-store';
import { verifyStore } from '../export/store.verifier';
import { CHECKPOINT_STREAM, verifyCheckpointSignature } from './checkpoint';
import { checkpointNow } from './checkpoint.writer';
import { loadSigningKey, signingKeyFrom } from './signing-key';
import { collectHeads, headsDigest } from './stream-heads';

const newKey = () => signingKeyFrom(generateKeyPairSync('ed25519').privateKey);
const ev = (id: string) => ({ eventId: id, type: 'Happened', data: { id }, metadata: { actor: 'a' } });

describe('signed checkpoints', () => {
  let store: HashChainingEventStore;
  beforeEach(async () => {
    store = new HashChainingEventStore(new InMemoryEventStore());
    await store.append('project-A', [ev('a0'), ev('a1')], 'no-stream');
    await store.append('project-B', [ev('b0')], 'no-stream');
  });
  afterEach(() => store.close());

  it('signs the global position and the digest of the sorted stream heads', async () => {
    const key = newKey();
    const { checkpoint, eventPosition } = await checkpointNow(store, key, new Date('2026-01-01T00:00:00Z'));
    const [a1, b0] = [(await store.readStream('project-A'))[1], (await store.readStream('project-B'))[0]];
    expect(checkpoint).toMatchObject({
      position: 3,
      streamCount: 2,
      keyId: key.keyId,
      signedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(checkpoint.headsDigest).toBe(
      headsDigest([`project-A:1:${a1.metadata.hash}`, `project-B:0:${b0.metadata.hash}`]),
    );
    expect(eventPosition).toBe(4);
    expect(verifyCheckpointSignature(checkpoint, key.publicKey, key.keyId)).toEqual({ ok: true });
  });

  it('rejects a checkpoint signed with another key, or altered after signing', async () => {
    const [key, other] = [newKey(), newKey()];
    const { checkpoint } = await checkpointNow(store, key, new Date());
    expect(verifyCheckpointSignature(checkpoint, other.publicKey, other.keyId)).toEqual({
      ok: false,
      reason: 'WRONG_KEY',
    });
    // Same key id claimed, but the signature was made with another private key.
    expect(verifyCheckpointSignature(checkpoint, other.publicKey, key.keyId)).toEqual({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(verifyCheckpointSignature({ ...checkpoint, position: 2 }, key.publicKey, key.keyId)).toEqual({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
  });

  it('verifies a store whose checkpoints match its heads, and fails one whose checkpoint does not', async () => {
    const key = newKey();
    await checkpointNow(store, key, new Date());
    await store.append('project-A', [ev('a2')], 'any');
    await checkpointNow(store, key, new Date());
    expect(await verifyStore(store, key)).toMatchObject({
      ok: true,
      events: 6,
      streams: 3,
      checkpointsVerified: 2,
      signedThroughPosition: 5,
    });
    const forger = newKey();
    const forged = await verifyStore(store, forger);
    expect(forged.ok).toBe(false);
    expect(forged.failures.map((f) => f.code)).toEqual(['CHECKPOINT.WRONG_KEY', 'CHECKPOINT.WRONG_KEY']);
  });

  it('collects the heads at a past position, ignoring later events', async () => {
    await store.append('project-A', [ev('a2')], 'any');
    const heads = await collectHeads(store, 3, 1);
    expect(heads.lines().map((l) => l.split(':').slice(0, 2).join(':'))).toEqual([
      'project-A:1',
      'project-B:0',
    ]);
    expect((await store.readStream(CHECKPOINT_STREAM)).length).toBe(0);
  });
});

describe('signing key', () => {
  it('is generated once into the data dir with mode 600 and reused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-key-'));
    try {
      const first = loadSigningKey({ dataDir: dir });
      expect(statSync(join(dir, 'audit-signing-key.pem')).mode & 0o777).toBe(0o600);
      expect(loadSigningKey({ dataDir: dir }).keyId).toBe(first.keyId);
      expect(first.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('accepts a configured PKCS#8 key as PEM or base64 DER, and refuses a non-Ed25519 key', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const der = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const a = loadSigningKey({ configured: pem, dataDir: '/nonexistent' });
    expect(loadSigningKey({ configured: der, dataDir: '/nonexistent' }).keyId).toBe(a.keyId);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() => loadSigningKey({ configured: rsa, dataDir: '/nonexistent' })).toThrow(/Ed25519/);
  });
});
