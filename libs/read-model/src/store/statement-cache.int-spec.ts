import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { cachingDatabase } from './statement-cache';

describe('SQLite statement cache', () => {
  let dir = '';
  let database: Database.Database;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rm-stmt-'));
    database = new Database(join(dir, 'cache.sqlite'));
    database.exec('create table t (n integer primary key)');
    database.exec('insert into t (n) values (1), (2), (3)');
  });
  afterEach(async () => {
    if (database.open) database.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('prepares a statement once and reuses it for the same SQL text', () => {
    const prepare = jest.spyOn(database, 'prepare');
    const cached = cachingDatabase(database);
    const first = cached.prepare('select n from t where n > ?');
    const second = cached.prepare('select n from t where n > ?');
    expect(second).toBe(first);
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(second.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it('hands out a fresh statement while the cached one is still iterating a streamed select', () => {
    const cached = cachingDatabase(database);
    const sql = 'select n from t order by n';
    const iterating = cached.prepare(sql).iterate([]);
    expect(iterating.next().value).toEqual({ n: 1 });
    const other = cached.prepare(sql);
    expect(other.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect([...iterating]).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it('keeps at most `max` statements, dropping the oldest first', () => {
    const cached = cachingDatabase(database, 2);
    const a = cached.prepare('select 1 as v');
    const b = cached.prepare('select 2 as v');
    cached.prepare('select 3 as v');
    expect(cached.prepare('select 2 as v')).toBe(b);
    expect(cached.prepare('select 1 as v')).not.toBe(a);
  });

  it('binds plain values as separate arguments and anything else as before, with the same results', () => {
    database.exec('create table v (a, b, c, d)');
    const cached = cachingDatabase(database);
    const insert = cached.prepare('insert into v (a, b, c, d) values (?, ?, ?, ?)');
    expect(insert.run(['text', 1.5, 2n ** 40n, null])).toMatchObject({ changes: 1 });
    expect(insert.run([Buffer.from('blob'), 0, 'x', null])).toMatchObject({ changes: 1 });
    expect(cached.prepare('select a, b, c, d from v where b = ?').all([1.5])).toEqual([
      { a: 'text', b: 1.5, c: 2 ** 40, d: null },
    ]);
    expect(cached.prepare('select a from v where b = ?').all([0])).toEqual([{ a: Buffer.from('blob') }]);
    // better-sqlite3 cannot bind a Date: refused the same way as when Kysely's array went to it as is.
    expect(() => database.prepare('select ?').all([new Date(0)])).toThrow('SQLite3 can only bind');
    expect(() => cached.prepare('select ?').all([new Date(0)])).toThrow('SQLite3 can only bind');
  });

  it('closes the database with the cache', () => {
    cachingDatabase(database).close();
    expect(database.open).toBe(false);
  });
});
