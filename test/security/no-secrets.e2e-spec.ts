import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

const SECRET_PATTERNS: [string, RegExp][] = [
  ['private key', /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/],
  ['AWS access key', /\bAKIA[0-9A-Z]{16}\b/],
  ['GitHub token', /\bgh[pousr]_[A-Za-z0-9]{36,}\b/],
  ['Slack token', /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
];

/** user:password@ in a connection URL. */
const URL_CREDENTIALS =
  /\b(?:amqps?|postgres(?:ql)?|mongodb|redis|https?|esdb):\/\/([^:/\s@'"`]+):([^@/\s'"`]+)@/g;
/**
 * Passwords that are not secrets: RabbitMQ's loopback-only default user, the local docker-compose stack's
 * throw-away password (marked as such in docker-compose.yml), EventStoreDB's documented default admin
 * password in example connection strings, and placeholders.
 */
const ALLOWED_URL_PASSWORDS = new Set(['guest', 'ledger', 'changeit', 'pass', 'password']);
const PLACEHOLDER = /^\$\{?[A-Za-z_]+\}?$|^<[^>]+>$|^\*+$|^…$/;

function trackedTextFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean)
    .filter((file) => {
      try {
        const stat = statSync(join(ROOT, file));
        return stat.isFile() && stat.size < 2_000_000;
      } catch {
        return false; // listed in the index but deleted in this working copy
      }
    });
}

describe('no secret in the repository', () => {
  const files = trackedTextFiles();

  it('no tracked file holds a private key, a cloud or chat token, or a real password in a URL', () => {
    const findings: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      if (text.includes('\0')) continue;
      for (const [kind, pattern] of SECRET_PATTERNS)
        if (pattern.test(text)) findings.push(`${file}: ${kind}`);
      for (const [, user, password] of text.matchAll(URL_CREDENTIALS)) {
        if (!ALLOWED_URL_PASSWORDS.has(password) && !PLACEHOLDER.test(password))
          findings.push(`${file}: password in a URL for ${user}`);
      }
    }
    expect(files.length).toBeGreaterThan(100);
    expect(findings).toEqual([]);
  });

  it('the scan finds what it looks for (so an empty result means something)', () => {
    // Assembled at run time so this file does not trip its own scan.
    const planted = [
      '-----BEGIN ' + 'PRIVATE KEY-----',
      'AKIA' + 'ABCDEFGHIJKLMNOP',
      'amqp://relay:' + 's3cr3t-Value@broker:5672/ledger',
    ].join('\n');
    expect(SECRET_PATTERNS.filter(([, pattern]) => pattern.test(planted)).map(([kind]) => kind)).toEqual([
      'private key',
      'AWS access key',
    ]);
    expect([...planted.matchAll(URL_CREDENTIALS)].map((m) => m[2])).toEqual(['s3cr3t-Value']);
  });

  it('the API keys the tests use are marked as fixtures, not secrets', () => {
    expect(readFileSync(join(ROOT, 'test/support/test-keys.ts'), 'utf8')).toMatch(
      /Not secrets: test fixtures only/,
    );
  });
});
