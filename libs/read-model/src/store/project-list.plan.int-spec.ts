import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { ProjectListQuery } from '../read-model.port';
import type { ReadModelDatabase } from '../schema/read-model.tables';
import { listProjects } from './project-list.query';
import { openSqliteReadModel } from './sqlite.read-model';

interface Issued {
  sql: string;
  parameters: readonly unknown[];
}

/** SQLite's plan for the exact statement listProjects issues (captured from Kysely's log). */
async function planOf(file: string, query: ProjectListQuery): Promise<string[]> {
  const database = new Database(file);
  const issued: Issued[] = [];
  const db = new Kysely<ReadModelDatabase>({
    dialect: new SqliteDialect({ database }),
    plugins: [new CamelCasePlugin()],
    log: (event) => void issued.push(event.query),
  });
  try {
    await listProjects(db, query);
    expect(issued).toHaveLength(1);
    const [{ sql, parameters }] = issued;
    const rows = database.prepare(`explain query plan ${sql}`).all(...(parameters as unknown[]));
    return (rows as { detail: string }[]).map((row) => row.detail);
  } finally {
    await db.destroy();
  }
}

describe('SQLite plan of a project list filtered by region and sorted by budget', () => {
  let dir = '';
  let file = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rm-plan-'));
    file = join(dir, 'read-model.sqlite');
    await (await openSqliteReadModel(file)).close();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const africa = { filter: { region: 'Africa' }, limit: 50 } as const;

  it('reads -budget pages straight from the region-budget index, without sorting the region (issue 17)', async () => {
    const first = await planOf(file, { ...africa, sort: { field: 'budget', descending: true } });
    expect(first).toEqual([expect.stringContaining('USING INDEX projects_region_budget_idx (region=?)')]);

    const next = await planOf(file, {
      ...africa,
      sort: { field: 'budget', descending: true },
      after: { value: '000000000000000004948244.000000', projectId: 'SCALE.5' },
    });
    expect(next).toEqual([
      expect.stringContaining('USING INDEX projects_region_budget_idx (region=? AND budget_key<?)'),
    ]);
  });

  it('reads budget pages backwards through it, sorting only ties by project id', async () => {
    const plan = await planOf(file, { ...africa, sort: { field: 'budget', descending: false } });
    expect(plan[0]).toContain('USING INDEX projects_region_budget_idx (region=?)');
    expect(plan.slice(1)).toEqual(['USE TEMP B-TREE FOR LAST TERM OF ORDER BY']);
  });
});
