import crypto, { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKeyRegistry } from '../auth/api-key.registry';

// Test fixtures, not secrets.
const LIST = 'publisher:fixture-publisher-key,reader:fixture-reader-key,admin:fixture-admin-key';

describe('ApiKeyRegistry (hashed keys, constant-time comparison)', () => {
  it('authenticates each configured key as its role', () => {
    const registry = ApiKeyRegistry.fromList(LIST);
    expect(registry.authenticate('fixture-publisher-key')?.role).toBe('publisher');
    expect(registry.authenticate('fixture-reader-key')?.role).toBe('reader');
    expect(registry.authenticate('fixture-admin-key')?.role).toBe('admin');
  });

  it('rejects unknown keys, prefixes and near misses', () => {
    const registry = ApiKeyRegistry.fromList(LIST);
    for (const attempt of [
      '',
      'fixture-publisher-ke',
      'fixture-publisher-key ',
      'FIXTURE-PUBLISHER-KEY',
      'publisher:fixture-publisher-key',
    ]) {
      expect(registry.authenticate(attempt)).toBeNull();
    }
  });

  it('records an actor that is stable per key, differs between keys and does not contain the key', () => {
    const registry = ApiKeyRegistry.fromList(LIST);
    const first = registry.authenticate('fixture-publisher-key')!.actor;
    expect(registry.authenticate('fixture-publisher-key')!.actor).toBe(first);
    expect(registry.authenticate('fixture-admin-key')!.actor).not.toBe(first);
    expect(first).toMatch(/^api-key:publisher:[0-9a-f]{12}$/);
    expect(first).not.toContain('fixture');
  });

  it('compares against every stored key whichever key matches (no early exit to time)', () => {
    const registry = ApiKeyRegistry.fromList(LIST);
    // The default import is the live module object the registry calls through (a namespace import is a copy).
    const spy = jest.spyOn(crypto, 'timingSafeEqual');
    try {
      for (const attempt of ['fixture-publisher-key', 'fixture-admin-key', 'no-such-key-at-all']) {
        spy.mockClear();
        registry.authenticate(attempt);
        expect(spy).toHaveBeenCalledTimes(3);
        // Equal-length digests every time: the comparison never depends on the presented key's length.
        for (const [a, b] of spy.mock.calls) expect([a.byteLength, b.byteLength]).toEqual([32, 32]);
      }
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses malformed lists, naming API_KEYS', () => {
    for (const bad of ['', 'publisher', 'root:long-enough-key', 'reader:short', ':no-role-given-here']) {
      expect(() => ApiKeyRegistry.fromList(bad)).toThrow(/API_KEYS/);
    }
  });

  it('generated keys are stored only as SHA-256 digests in a file only the owner can read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-keys-'));
    try {
      const { generated } = ApiKeyRegistry.loadOrGenerate(dir);
      const file = join(dir, 'api-keys.json');
      const stored = readFileSync(file, 'utf8');
      for (const key of Object.values(generated!)) {
        expect(stored).not.toContain(key);
        expect(stored).toContain(createHash('sha256').update(key).digest('hex'));
      }
      expect(statSync(file).mode & 0o077).toBe(0);
      const reloaded = ApiKeyRegistry.loadOrGenerate(dir);
      expect(reloaded.generated).toBeUndefined();
      expect(reloaded.registry.authenticate(generated!.auditor)?.role).toBe('auditor');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
