import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Principal, ROLES, Role } from './roles';

export const API_KEY_REGISTRY = Symbol('API_KEY_REGISTRY');

interface StoredKey {
  role: Role;
  /** SHA-256 of the key, hex: the key itself is never stored. */
  sha256: string;
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * API keys, held only as SHA-256 digests and compared in constant time. The actor recorded in events is
 * derived from the key's digest, so it is stable for a key and never taken from a request body.
 */
export class ApiKeyRegistry {
  private constructor(private readonly keys: StoredKey[]) {}

  /** Parses `role:key,role:key`. Throws naming API_KEYS on a bad entry. */
  static fromList(list: string): ApiKeyRegistry {
    const keys = list
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry) => {
        const separator = entry.indexOf(':');
        const role = entry.slice(0, separator) as Role;
        const key = entry.slice(separator + 1);
        if (separator < 1 || !ROLES.includes(role) || key.length < 8) {
          throw new Error(
            `API_KEYS: each entry must be role:key with role one of ${ROLES.join('|')} and a key of 8+ characters`,
          );
        }
        return { role, sha256: sha256(key).toString('hex') };
      });
    if (keys.length === 0) throw new Error('API_KEYS: no keys given');
    return new ApiKeyRegistry(keys);
  }

  /**
   * Without API_KEYS: on first start, generate one key per role, store their digests in the data dir and
   * return the plain keys once so they can be printed; later starts load the digests.
   */
  static loadOrGenerate(dataDir: string): { registry: ApiKeyRegistry; generated?: Record<Role, string> } {
    const file = join(dataDir, 'api-keys.json');
    if (existsSync(file))
      return { registry: new ApiKeyRegistry(JSON.parse(readFileSync(file, 'utf8')) as StoredKey[]) };
    mkdirSync(dataDir, { recursive: true });
    const generated = Object.fromEntries(
      ROLES.map((role) => [role, `${role}-${randomBytes(24).toString('base64url')}`]),
    ) as Record<Role, string>;
    const keys = ROLES.map((role) => ({ role, sha256: sha256(generated[role]).toString('hex') }));
    writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
    return { registry: new ApiKeyRegistry(keys), generated };
  }

  authenticate(presented: string): Principal | null {
    const digest = sha256(presented);
    let match: StoredKey | null = null;
    // Compare against every key so timing does not reveal which (or whether an early) key matched.
    for (const key of this.keys) {
      if (timingSafeEqual(digest, Buffer.from(key.sha256, 'hex')) && !match) match = key;
    }
    return match ? { role: match.role, actor: `api-key:${match.role}:${match.sha256.slice(0, 12)}` } : null;
  }
}
