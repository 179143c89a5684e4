import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type ReadModelDialect = 'sqlite' | 'postgres';

/**
 * Versioned read-model migrations, in code so the same list ships with every build and runs against
 * SQLite and PostgreSQL alike. Never edit a released migration: add the next one.
 */
export class ReadModelMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: ReadModelDialect) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    return {
      '2026-11-29-001-initial': initial(this.dialect),
      '2026-12-02-001-transactions': transactions(this.dialect),
      '2026-12-03-001-project-profile': projectProfile,
      '2026-12-03-002-region-budget-index': regionBudgetIndex,
    };
  }
}

function initial(dialect: ReadModelDialect): Migration {
  // Sort columns compare bytes in both databases, so keyset cursors mean the same thing everywhere.
  const sortable = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  const position = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('projects')
        .addColumn('project_id', sortable, (c) => c.primaryKey())
        .addColumn('prima_id', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('title_key', sortable, (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('project_type', 'text', (c) => c.notNull())
        .addColumn('coverage', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('funding_year', 'integer', (c) => c.notNull())
        .addColumn('planned_start', 'text', (c) => c.notNull())
        .addColumn('planned_end', 'text', (c) => c.notNull())
        .addColumn('actual_start', 'text')
        .addColumn('actual_end', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('status_reason', 'text')
        .addColumn('budget_amount', 'text', (c) => c.notNull())
        .addColumn('budget_currency', 'text', (c) => c.notNull())
        .addColumn('budget_key', sortable, (c) => c.notNull())
        .addColumn('initial_budget_amount', 'text', (c) => c.notNull())
        .addColumn('budget_revision_count', 'integer', (c) => c.notNull())
        .addColumn('member_states', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('last_position', position, (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', sortable, (c) => c.notNull())
        .execute();
      for (const column of [
        'status',
        'region',
        'project_type',
        'funding_year',
        'title_key',
        'budget_key',
        'updated_at',
      ]) {
        await db.schema
          .createIndex(`projects_${column}_idx`)
          .on('projects')
          .columns([column, 'project_id'])
          .execute();
      }
      await db.schema.createIndex('projects_prima_id_idx').on('projects').column('prima_id').execute();

      await db.schema
        .createTable('budget_revisions')
        .addColumn('project_id', 'text', (c) => c.notNull())
        .addColumn('revision_no', 'integer', (c) => c.notNull())
        .addColumn('position', position, (c) => c.notNull())
        .addColumn('previous', 'text', (c) => c.notNull())
        .addColumn('amount', 'text', (c) => c.notNull())
        .addColumn('delta', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('effective_date', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('budget_revisions_pk', ['project_id', 'revision_no'])
        .execute();

      await db.schema
        .createTable('project_member_states')
        .addColumn('project_id', 'text', (c) => c.notNull())
        .addColumn('member_state', 'text', (c) => c.notNull())
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('project_member_states_pk', ['project_id', 'member_state'])
        .execute();
      await db.schema
        .createIndex('project_member_states_ms_idx')
        .on('project_member_states')
        .columns(['member_state', 'project_id'])
        .execute();

      await db.schema
        .createTable('project_stats')
        .addColumn('dimension', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('projects', 'integer', (c) => c.notNull())
        .addColumn('total', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('project_stats_pk', ['dimension', 'key', 'currency'])
        .execute();

      await db.schema
        .createTable('checkpoints')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('position', position, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('parked_events')
        .addColumn('position', position, (c) => c.primaryKey())
        .addColumn('subscription', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('stream_id', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('event_json', 'text', (c) => c.notNull())
        .addColumn('error', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('parked_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('project_changes')
        .addColumn('position', position, (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}

/** Financial transactions (issue 13): one row each, reversals fill the reversal columns of the original. */
function transactions(dialect: ReadModelDialect): Migration {
  // Keyset paging compares (date, ref) bytewise in both databases.
  const sortable = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  const position = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('project_transactions')
        .addColumn('project_id', 'text', (c) => c.notNull())
        .addColumn('ref', sortable, (c) => c.notNull())
        .addColumn('position', position, (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('date', sortable, (c) => c.notNull())
        .addColumn('amount', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('value_date', 'text')
        .addColumn('provider_name', 'text')
        .addColumn('provider_ref', 'text')
        .addColumn('provider_activity_id', 'text')
        .addColumn('receiver_name', 'text')
        .addColumn('receiver_ref', 'text')
        .addColumn('receiver_activity_id', 'text')
        .addColumn('description', 'text')
        .addColumn('reversal_date', 'text')
        .addColumn('reversal_reason', 'text')
        .addColumn('reversal_position', position)
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('project_transactions_pk', ['project_id', 'ref'])
        .execute();
      await db.schema
        .createIndex('project_transactions_date_idx')
        .on('project_transactions')
        .columns(['project_id', 'date', 'ref'])
        .execute();
    },
  };
}

/**
 * The profile of a project (participating organisations, sectors, humanitarian flag, recipient countries,
 * locations) as one JSON column of its row. Rows projected before this migration hold NULL, which the query
 * API serves as `profile: null` (not known) until `npm run projector -- rebuild` fills it from the log.
 */
const projectProfile: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('projects').addColumn('profile', 'text').execute();
  },
};

/**
 * Issue 17: `GET /projects?region=…&sort=-budget` at a million projects took 300 ms on SQLite. Its planner
 * took the region index (about a fifth of the rows match) and sorted every match in a temporary B-tree
 * before keeping 50. One index on (region, budget_key desc, project_id) returns a region's rows already in
 * list order, so the page is its first 51 entries; `sort=budget` reads it backwards, sorting only runs of
 * equal budgets by project id. It replaces the (region, project_id) index, whose lookups it serves as well,
 * so the projector still updates as many indexes per row.
 */
const regionBudgetIndex: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('projects_region_budget_idx')
      .on('projects')
      .columns(['region', 'budget_key desc', 'project_id'])
      .execute();
    await db.schema.dropIndex('projects_region_idx').execute();
  },
};
