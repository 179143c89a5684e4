import type { Kysely } from 'kysely';
import { PROJECT_STREAM_PREFIX } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import { projectEvent, type TransactionReversal } from '../projection/project.projection';
import { applyReversal, TRANSACTIONS } from './transaction-rows';
import type { ReadModelDialect } from '../schema/read-model.migrations';
import type {
  BudgetRevisionsTable,
  ProjectChangesTable,
  ProjectMemberStatesTable,
  ProjectsTable,
  ProjectTransactionsTable,
  ReadModelDatabase,
} from '../schema/read-model.tables';
import { bulkInsert, type BulkTable } from './bulk-insert';
import { isPoison } from './poison';
import { StatsBuckets } from './stats-buckets';

const PROJECTS: BulkTable<ProjectsTable> = {
  table: 'projects',
  upsertOn: 'projectId',
  columns: [
    'projectId',
    'primaId',
    'title',
    'titleKey',
    'description',
    'projectType',
    'coverage',
    'region',
    'fundingYear',
    'plannedStart',
    'plannedEnd',
    'actualStart',
    'actualEnd',
    'status',
    'statusReason',
    'budgetAmount',
    'budgetCurrency',
    'budgetKey',
    'initialBudgetAmount',
    'budgetRevisionCount',
    'memberStates',
    'profile',
    'revision',
    'lastPosition',
    'createdAt',
    'updatedAt',
  ],
};
const REVISIONS: BulkTable<BudgetRevisionsTable> = {
  table: 'budgetRevisions',
  columns: [
    'projectId',
    'revisionNo',
    'position',
    'previous',
    'amount',
    'delta',
    'currency',
    'reason',
    'effectiveDate',
    'note',
    'recordedAt',
  ],
};
const MEMBER_STATES: BulkTable<ProjectMemberStatesTable> = {
  table: 'projectMemberStates',
  columns: ['projectId', 'memberState', 'ordinal'],
};
const CHANGES: BulkTable<ProjectChangesTable> = {
  table: 'projectChanges',
  columns: ['position', 'projectId', 'eventType', 'revision', 'status', 'recordedAt'],
};
/** Project ids per `in (…)` lookup. */
const LOOKUP_CHUNK = 500;

interface Touched {
  /** The row as stored when the batch began (null: not stored). */
  stored: ProjectsTable | null;
  current: ProjectsTable | null;
  /** The complete member-state list the batch's last creation or correction set. */
  memberStates?: ProjectMemberStatesTable[];
}

/**
 * The fast path of a batch: every event is projected in memory, then each table gets one multi-row
 * statement per chunk (each project row written once, with its last state; statistics moved once per
 * project, from its stored row to its last one). A projection that refuses an event reports it as
 * poison without touching anything. A row the database refuses fails `flush`; the caller then rolls
 * the whole batch back and redoes it event by event to find and park the culprit.
 */
export class BulkBatchWriter {
  private readonly projects = new Map<string, Touched>();
  private readonly revisions: BudgetRevisionsTable[] = [];
  private readonly changes: ProjectChangesTable[] = [];
  private readonly transactions = new Map<string, ProjectTransactionsTable>();
  /** Reversals of transactions stored before this batch; those of the batch's own are folded into its rows. */
  private readonly reversals: TransactionReversal[] = [];

  constructor(
    private readonly db: Kysely<ReadModelDatabase>,
    private readonly dialect: ReadModelDialect,
  ) {}

  /** Reads the stored rows of every project the events touch, a few hundred per statement. */
  async load(events: readonly RecordedEvent[]): Promise<void> {
    const ids = [...new Set(events.map((e) => e.streamId.slice(PROJECT_STREAM_PREFIX.length)))].filter(
      (id) => !this.projects.has(id),
    );
    for (const id of ids) this.projects.set(id, { stored: null, current: null });
    for (let at = 0; at < ids.length; at += LOOKUP_CHUNK) {
      const rows = await this.db
        .selectFrom('projects')
        .selectAll()
        .where('projectId', 'in', ids.slice(at, at + LOOKUP_CHUNK))
        .execute();
      for (const found of rows) {
        const row = { ...found, lastPosition: Number(found.lastPosition) };
        this.projects.set(row.projectId, { stored: row, current: row });
      }
    }
  }

  /** Projects one event in memory; returns null, or the error of an event the projection refuses. */
  apply(event: RecordedEvent): string | null {
    const projectId = event.streamId.slice(PROJECT_STREAM_PREFIX.length);
    const touched = this.projects.get(projectId);
    if (!touched) throw new Error(`BulkBatchWriter: project ${projectId} was not loaded`);
    let effect;
    try {
      effect = projectEvent(touched.current, event);
    } catch (error) {
      if (!isPoison(error)) throw error;
      return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    touched.current = effect.after;
    if (effect.memberStates) touched.memberStates = effect.memberStates;
    if (effect.budgetRevision) this.revisions.push(effect.budgetRevision);
    this.changes.push(effect.change);
    if (effect.transaction)
      this.transactions.set(`${projectId}\n${effect.transaction.ref}`, effect.transaction);
    if (effect.reversal) {
      const { projectId: _p, ref, ...columns } = effect.reversal;
      const pending = this.transactions.get(`${projectId}\n${ref}`);
      if (pending) Object.assign(pending, columns);
      else this.reversals.push(effect.reversal);
    }
    return null;
  }

  /** Writes everything the applied events changed, statistics included. */
  async flush(): Promise<void> {
    const rows: ProjectsTable[] = [];
    const stats = new StatsBuckets();
    const replaced: string[] = [];
    const memberStates: ProjectMemberStatesTable[] = [];
    for (const [projectId, touched] of this.projects) {
      if (!touched.current || touched.current === touched.stored) continue;
      rows.push(touched.current);
      // Statistics move once per project per batch: out of the buckets its stored row counted, into its last row's.
      if (touched.stored) stats.addRow(touched.stored, -1);
      stats.addRow(touched.current, 1);
      if (touched.memberStates) {
        replaced.push(projectId);
        memberStates.push(...touched.memberStates);
      }
    }
    await bulkInsert(this.db, this.dialect, PROJECTS, rows);
    await bulkInsert(this.db, this.dialect, REVISIONS, this.revisions);
    for (let at = 0; at < replaced.length; at += LOOKUP_CHUNK) {
      await this.db
        .deleteFrom('projectMemberStates')
        .where('projectId', 'in', replaced.slice(at, at + LOOKUP_CHUNK))
        .execute();
    }
    await bulkInsert(this.db, this.dialect, MEMBER_STATES, memberStates);
    await bulkInsert(this.db, this.dialect, CHANGES, this.changes);
    await bulkInsert(this.db, this.dialect, TRANSACTIONS, [...this.transactions.values()]);
    for (const reversal of this.reversals) await applyReversal(this.db, reversal);
    await stats.flush(this.db);
  }
}
