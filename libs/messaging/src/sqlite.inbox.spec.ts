import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteInbox } from './sqlite.inbox';

describe('SqliteInbox', () => {
  let dir: string;
  let inbox: SqliteInbox;
  const count = (): number =>
    (inbox.db.prepare('SELECT COUNT(*) AS n FROM effects').get() as { n: number }).n;
  const effect = (db: SqliteInbox['db']): void => void db.prepare('INSERT INTO effects VALUES (1)').run();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'inbox-'));
    inbox = new SqliteInbox(join(dir, 'consumer.sqlite'));
    inbox.db.exec('CREATE TABLE effects (n INTEGER)');
  });
  afterEach(() => {
    inbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies a message once, however often it is delivered, also after reopening the file', () => {
    expect(inbox.processOnce('m-1', effect)).toBe('applied');
    expect(inbox.processOnce('m-1', effect)).toBe('duplicate');
    inbox.close();
    inbox = new SqliteInbox(join(dir, 'consumer.sqlite'));
    expect(inbox.processOnce('m-1', effect)).toBe('duplicate');
    expect(count()).toBe(1);
  });

  it('keeps neither the effect nor the message id when the effect fails half-way', () => {
    expect(() =>
      inbox.processOnce('m-2', (db) => {
        effect(db);
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(count()).toBe(0);
    expect(inbox.processedCount()).toBe(0);
    expect(inbox.processOnce('m-2', effect)).toBe('applied');
    expect(count()).toBe(1);
  });
});
