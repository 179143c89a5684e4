import { EventEmitter } from 'node:events';
import type { Kysely, Transaction } from 'kysely';
import type { Position, RecordedEvent } from '@ledger/event-store';
import {
  PROJECTS_SUBSCRIPTION,
  type ApplyOptions,
  type ApplyResult,
  type AtPosition,
  type BudgetRevisionView,
  type BudgetStat,
  type ParkedEvent,
  type ProjectChange,
  type ProjectListQuery,
  type ProjectPage,
  type ProjectView,
  type ReadModel,
  type ReadModelDump,
  type RetryResult,
  type StatsDimension,
} from '../read-model.port';
import type { ReadModelDatabase } from '../schema/read-model.tables';
import type { ReadModelDialect } from '../schema/read-model.migrations';
import { applyBatch, underSavepoint } from './apply-batch';
import { BatchWriter } from './batch-writer';
import { dumpTables } from './dump-tables';
import { listProjects } from './project-list.query';
import { listTransactions, projectFinances } from './transaction.queries';
import type { FinanceSummary, TransactionPage, TransactionQuery } from '../transactions.port';
import { toBudgetRevisionView, toBudgetStat, toProjectView } from './project-rows';

const POLL_MS = 100;

/** The ReadModel port over Kysely; the SQLite and PostgreSQL factories only differ in how they connect. */
export class KyselyReadModel implements ReadModel {
  private readonly commits = new EventEmitter().setMaxListeners(0);

  constructor(
    readonly kind: ReadModelDialect,
    readonly location: string,
    readonly db: Kysely<ReadModelDatabase>,
    private readonly onClose: () => Promise<void> = async () => undefined,
  ) {}

  async checkpoint(subscription = PROJECTS_SUBSCRIPTION): Promise<Position> {
    return readCheckpoint(this.db, subscription);
  }

  async applyBatch(
    subscription: string,
    events: RecordedEvent[],
    options?: ApplyOptions,
  ): Promise<ApplyResult> {
    const result = await applyBatch(this.db, this.kind, subscription, events, options);
    this.commits.emit('commit', result.checkpoint, subscription);
    return result;
  }

  async listParked(): Promise<ParkedEvent[]> {
    const rows = await this.db.selectFrom('parkedEvents').selectAll().orderBy('position').execute();
    return rows.map(({ eventJson: _json, ...row }) => ({
      ...row,
      position: Number(row.position),
      attempts: Number(row.attempts),
    }));
  }

  async retryParked(position: Position): Promise<RetryResult> {
    const trx = await this.db.startTransaction().execute();
    try {
      // Serialise with the projector's batches (its checkpoint row lock, SQLite's write lock) before
      // reading the project: a row read earlier would be written back stale over a batch committed meanwhile.
      await trx
        .updateTable('checkpoints')
        .set((eb) => ({ position: eb.ref('position') }))
        .execute();
      const row = await trx
        .selectFrom('parkedEvents')
        .selectAll()
        .where('position', '=', position)
        .executeTakeFirst();
      if (!row) {
        await trx.rollback().execute();
        return { ok: false, error: 'not-parked' };
      }
      const event = JSON.parse(row.eventJson) as RecordedEvent;
      const writer = new BatchWriter(trx);
      let record = () => undefined as void;
      const error = await underSavepoint(trx, async () => {
        record = await writer.apply(event);
      });
      if (error === null) {
        record();
        await writer.flushStats();
        await trx.deleteFrom('parkedEvents').where('position', '=', position).execute();
      } else {
        await trx
          .updateTable('parkedEvents')
          .set({ error, attempts: Number(row.attempts) + 1 })
          .where('position', '=', position)
          .execute();
      }
      await trx.commit().execute();
      if (error === null)
        this.commits.emit('commit', await this.checkpoint(row.subscription), row.subscription);
      return error === null ? { ok: true } : { ok: false, error };
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      throw error;
    }
  }

  getProject(projectId: string): Promise<AtPosition<ProjectView | null>> {
    return this.atPosition(async (trx) => {
      const row = await trx
        .selectFrom('projects')
        .selectAll()
        .where('projectId', '=', projectId)
        .executeTakeFirst();
      return row ? toProjectView(row) : null;
    });
  }

  async projectIdByPrimaId(primaId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('projects')
      .select('projectId')
      .where('primaId', '=', primaId)
      .executeTakeFirst();
    return row?.projectId ?? null;
  }

  transactions(projectId: string, query: TransactionQuery): Promise<AtPosition<TransactionPage | null>> {
    return this.atPosition((trx) => listTransactions(trx, projectId, query));
  }

  finances(projectId: string): Promise<AtPosition<FinanceSummary[] | null>> {
    return this.atPosition((trx) => projectFinances(trx, projectId));
  }

  listProjects(query: ProjectListQuery): Promise<AtPosition<ProjectPage>> {
    return this.atPosition((trx) => listProjects(trx, query));
  }

  budgetRevisions(projectId: string): Promise<AtPosition<BudgetRevisionView[] | null>> {
    return this.atPosition(async (trx) => {
      const project = await trx
        .selectFrom('projects')
        .select('projectId')
        .where('projectId', '=', projectId)
        .executeTakeFirst();
      if (!project) return null;
      const rows = await trx
        .selectFrom('budgetRevisions')
        .selectAll()
        .where('projectId', '=', projectId)
        .orderBy('revisionNo')
        .execute();
      return rows.map(toBudgetRevisionView);
    });
  }

  budgetStats(groupBy: StatsDimension): Promise<AtPosition<BudgetStat[]>> {
    return this.atPosition(async (trx) => {
      const rows = await trx
        .selectFrom('projectStats')
        .selectAll()
        .where('dimension', '=', groupBy)
        .orderBy('key')
        .orderBy('currency')
        .execute();
      return rows.map((row) => toBudgetStat(row, groupBy));
    });
  }

  async changesAfter(position: Position, limit: number): Promise<ProjectChange[]> {
    const rows = await this.db
      .selectFrom('projectChanges')
      .selectAll()
      .where('position', '>', position)
      .orderBy('position')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ ...row, position: Number(row.position), revision: Number(row.revision) }));
  }

  async waitForPosition(
    target: Position,
    timeoutMs: number,
    subscription = PROJECTS_SUBSCRIPTION,
  ): Promise<boolean> {
    if ((await this.checkpoint(subscription)) >= target) return true;
    return new Promise<boolean>((resolve) => {
      let done = false;
      const finish = (reached: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        clearInterval(poll);
        off();
        resolve(reached);
      };
      // In-process commits notify at once; polling covers a projector running in another process.
      const off = this.onCommit(
        (position, name) => name === subscription && position >= target && finish(true),
      );
      const poll = setInterval(() => {
        this.checkpoint(subscription).then(
          (p) => p >= target && finish(true),
          () => undefined,
        );
      }, POLL_MS);
      const timer = setTimeout(() => finish(false), timeoutMs);
    });
  }

  onCommit(listener: (position: Position, subscription: string) => void): () => void {
    this.commits.on('commit', listener);
    return () => this.commits.off('commit', listener);
  }

  /** All tables read in one transaction, so the checkpoint row matches the rows beside it. */
  dump(): Promise<ReadModelDump> {
    const builder = this.db.transaction();
    return (this.kind === 'postgres' ? builder.setIsolationLevel('repeatable read') : builder).execute(
      (trx) => dumpTables(trx),
    );
  }

  async close(): Promise<void> {
    this.commits.removeAllListeners();
    await this.db.destroy();
    await this.onClose();
  }

  /** Reads data and the checkpoint in one transaction, so the position header matches the body. */
  private atPosition<T>(read: (trx: Transaction<ReadModelDatabase>) => Promise<T>): Promise<AtPosition<T>> {
    const builder = this.db.transaction();
    return (this.kind === 'postgres' ? builder.setIsolationLevel('repeatable read') : builder).execute(
      async (trx) => {
        const data = await read(trx);
        return { position: await readCheckpoint(trx, PROJECTS_SUBSCRIPTION), data };
      },
    );
  }
}

async function readCheckpoint(db: Kysely<ReadModelDatabase>, subscription: string): Promise<Position> {
  const row = await db
    .selectFrom('checkpoints')
    .select('position')
    .where('name', '=', subscription)
    .executeTakeFirst();
  return row ? Number(row.position) : 0;
}
