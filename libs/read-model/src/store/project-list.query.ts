import { sql, type Kysely } from 'kysely';
import type { ProjectListQuery, ProjectPage, SortField } from '../read-model.port';
import type { ProjectsTable, ReadModelDatabase } from '../schema/read-model.tables';
import { toProjectView } from './project-rows';

/** Column each public sort field orders by; all are NOT NULL, so keyset comparisons need no null rules. */
export const SORT_COLUMNS = {
  title: 'titleKey',
  fundingYear: 'fundingYear',
  budget: 'budgetKey',
  updatedAt: 'updatedAt',
} as const satisfies Record<SortField, keyof ProjectsTable>;

function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of projects in keyset order: the sort column, then projectId ascending as a stable tie-break,
 * so a page boundary inside a run of equal values neither repeats nor skips rows.
 */
export async function listProjects(
  db: Kysely<ReadModelDatabase>,
  query: ProjectListQuery,
): Promise<ProjectPage> {
  const { filter, sort, limit, after } = query;
  const column = SORT_COLUMNS[sort.field];
  let select = db.selectFrom('projects').selectAll('projects');
  if (filter.status !== undefined) select = select.where('status', '=', filter.status);
  if (filter.region !== undefined) select = select.where('region', '=', filter.region);
  if (filter.projectType !== undefined) select = select.where('projectType', '=', filter.projectType);
  if (filter.coverage !== undefined) select = select.where('coverage', '=', filter.coverage);
  if (filter.fundingYear !== undefined) select = select.where('fundingYear', '=', filter.fundingYear);
  if (filter.q !== undefined) {
    select = select.where(sql<boolean>`${sql.ref('title_key')} like ${likePattern(filter.q)} escape ${'\\'}`);
  }
  const memberState = filter.memberState;
  if (memberState !== undefined) {
    select = select.where((eb) =>
      eb.exists(
        eb
          .selectFrom('projectMemberStates as m')
          .select('m.projectId')
          .whereRef('m.projectId', '=', 'projects.projectId')
          .where('m.memberState', '=', memberState),
      ),
    );
  }
  if (after) {
    const op = sort.descending ? '<' : '>';
    // The first term is implied by the second; it is there for the planner, which turns it into a range on
    // the sort index (an OR alone made SQLite read every row before the cursor, page after page).
    select = select
      .where(column, sort.descending ? '<=' : '>=', after.value as never)
      .where((eb) =>
        eb.or([
          eb(column, op, after.value as never),
          eb.and([eb(column, '=', after.value as never), eb('projectId', '>', after.projectId)]),
        ]),
      );
  }
  const rows = await select
    .orderBy(column, sort.descending ? 'desc' : 'asc')
    .orderBy('projectId', 'asc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const next =
    rows.length > limit && last ? { value: sortValue(last, sort.field), projectId: last.projectId } : null;
  return {
    items: page.map((row) => toProjectView({ ...row, lastPosition: Number(row.lastPosition) })),
    next,
  };
}

function sortValue(row: ProjectsTable, field: SortField): string | number {
  const value = row[SORT_COLUMNS[field]];
  return field === 'fundingYear' ? Number(value) : String(value);
}
