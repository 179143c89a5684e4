import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@ledger/event-store';
import Decimal from 'decimal.js';
import { sql } from 'kysely';
import {
  createReadModel,
  PROJECTS_SUBSCRIPTION,
  type KyselyReadModel,
  type ReadModelConfig,
} from '@ledger/read-model';
import { projectStreamId } from '@ledger/domain';
import { createProjectBody, scaleProjectId } from '../lib/project-events';
import { serveWorker } from './worker-runtime';

const BATCH = 5000;
/** Projects written through the projector; larger sizes are whole copies of this block. */
const BLOCK = 10_000;
const PROJECT_COLUMNS = [
  'prima_id',
  'title',
  'title_key',
  'description',
  'project_type',
  'coverage',
  'region',
  'funding_year',
  'planned_start',
  'planned_end',
  'actual_start',
  'actual_end',
  'status',
  'status_reason',
  'budget_amount',
  'budget_currency',
  'budget_key',
  'initial_budget_amount',
  'budget_revision_count',
  'member_states',
  'revision',
  'created_at',
  'updated_at',
].join(', ');
const BASE_TIME = Date.parse('2024-01-01T00:00:00Z');
let model: KyselyReadModel | null = null;
let block = 0;
let loaded = 0;

function created(n: number): RecordedEvent {
  const projectId = scaleProjectId(n);
  const commandId = randomUUID();
  return {
    eventId: randomUUID(),
    type: 'ProjectCreated',
    // Budgets and years vary, so a sort has real work and a filter real selectivity.
    data: {
      ...createProjectBody(projectId, n),
      description: null,
      fundingYear: 2000 + (n % 25),
      budget: { amount: ((n * 7919) % 10_000_000).toFixed(2), currency: 'USD' },
    },
    metadata: {
      actor: 'bench',
      correlationId: commandId,
      causationId: commandId,
      commandId,
      commandType: 'CreateProject',
      schemaVersion: 1,
      recordedAt: new Date(BASE_TIME + n * 1000).toISOString(),
    },
    streamId: projectStreamId(projectId),
    revision: 0,
    position: n,
  };
}

/**
 * Grows the read model to `projects` rows. The first block (up to 10,000 projects) goes through the
 * projector's own batch writer, so the rows are exactly what projection makes; larger sizes copy that block
 * inside the database under new ids (INSERT … SELECT) and scale the statistics rows to match, which loads a
 * million projects in seconds instead of minutes. Set-up, not a measurement. Sizes above the block must be
 * multiples of it.
 */
async function load({ config, projects }: { config: ReadModelConfig; projects: number }) {
  model ??= (await createReadModel(config)) as KyselyReadModel;
  const t0 = Date.now();
  while (loaded < Math.min(projects, BLOCK)) {
    const count = Math.min(BATCH, Math.min(projects, BLOCK) - loaded);
    const events = Array.from({ length: count }, (_, i) => created(loaded + i + 1));
    await model.applyBatch(PROJECTS_SUBSCRIPTION, events);
    loaded += count;
  }
  block = loaded;
  if (projects > loaded) await copyBlock(model, projects);
  return { projects: loaded, ms: Date.now() - t0 };
}

async function copyBlock(target: KyselyReadModel, projects: number): Promise<void> {
  if (projects % block !== 0) throw new Error(`${projects} is not a multiple of the block (${block})`);
  const factor = projects / loaded;
  const db = target.db;
  const id = sql`CAST(substr(project_id, 7) AS INTEGER)`;
  await db.transaction().execute(async (trx) => {
    for (let copy = loaded / block; copy < projects / block; copy++) {
      const offset = copy * block;
      const newId = sql`'SCALE.' || (${id} + ${sql.lit(offset)})`;
      await sql`INSERT INTO projects (project_id, last_position, ${sql.raw(PROJECT_COLUMNS)})
        SELECT ${newId}, last_position + ${sql.lit(offset)}, ${sql.raw(PROJECT_COLUMNS)}
        FROM projects WHERE last_position <= ${sql.lit(block)}`.execute(trx);
      await sql`INSERT INTO project_member_states (project_id, member_state, ordinal)
        SELECT ${newId}, member_state, ordinal FROM project_member_states
        WHERE ${id} <= ${sql.lit(block)}`.execute(trx);
    }
    const stats = await trx.selectFrom('projectStats').selectAll().execute();
    for (const row of stats) {
      await trx
        .updateTable('projectStats')
        .set({
          projects: Number(row.projects) * factor,
          total: new Decimal(row.total).times(factor).toFixed(),
        })
        .where('dimension', '=', row.dimension)
        .where('key', '=', row.key)
        .where('currency', '=', row.currency)
        .execute();
    }
  });
  loaded = projects;
}

serveWorker({ load }, async () => {
  await model?.close();
});
