import { KeyObject, createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** First 16 hex digits of SHA-256 over the public key's SPKI DER encoding. */
  keyId: string;
  publicKeyPem: string;
}

export const SIGNING_KEY_FILE = 'audit-signing-key.pem';

/** Key id of an Ed25519 public key: names the key in every checkpoint so rotation stays verifiable. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** Accepts an Ed25519 public key as SPKI PEM (what GET /audit/public-key publishes). */
export function parsePublicKey(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`Not an Ed25519 public key (${key.asymmetricKeyType})`);
  return key;
}

export function signingKeyFrom(privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`AUDIT_SIGNING_KEY must be an Ed25519 key, not ${privateKey.asymmetricKeyType}`);
  }
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** AUDIT_SIGNING_KEY: a PKCS#8 PEM, or the same key as base64 DER. */
export function parseSigningKey(text: string): SigningKey {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  return signingKeyFrom(key);
}

/**
 * The configured key, else `<dataDir>/audit-signing-key.pem`, generated on first use with mode 600.
 * 'wx' makes two processes starting together agree on one key instead of overwriting each other's.
 */
export function loadSigningKey(options: { configured?: string; dataDir: string }): SigningKey {
  if (options.configured) return parseSigningKey(options.configured);
  const file = join(options.dataDir, SIGNING_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    try {
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return parseSigningKey(readFileSync(file, 'utf8'));
}
