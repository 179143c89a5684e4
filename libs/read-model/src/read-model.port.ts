import type { Money, ProjectProfile } from '@ledger/domain';
import type { Position, RecordedEvent, WriteFence } from '@ledger/event-store';
import type {
  FinanceSummary,
  MoneyStat,
  MoneyStatsDimension,
  TransactionPage,
  TransactionQuery,
} from './transactions.port';

export { MONEY_STATS_DIMENSIONS } from './transactions.port';

export type * from './transactions.port';

/** Nest token of the ReadModel port. */
export const READ_MODEL = Symbol('READ_MODEL');

/** Name of the projector's subscription (its checkpoint row). */
export const PROJECTS_SUBSCRIPTION = 'projects';

/** Current state of one project as the query API serves it. */
export interface ProjectView {
  projectId: string;
  primaId: string | null;
  title: string;
  description: string | null;
  projectType: string;
  coverage: string;
  region: string;
  fundingYear: number;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  status: string;
  statusReason: string | null;
  budget: Money;
  initialBudget: Money;
  budgetRevisionCount: number;
  benefitingMemberStates: string[];
  /**
   * Participating organisations, sectors, humanitarian flag, recipient countries and locations as the
   * domain folds them; null when the row was projected before profiles were (a rebuild fills it).
   */
  profile: ProjectProfile | null;
  /** Stream revision of the last event applied: the ETag. */
  revision: number;
  lastPosition: Position;
  createdAt: string;
  updatedAt: string;
}

export interface BudgetRevisionView {
  revisionNo: number;
  position: Position;
  previous: string;
  amount: string;
  delta: string;
  currency: string;
  reason: string;
  effectiveDate: string;
  note: string | null;
  recordedAt: string;
}

export const STATS_DIMENSIONS = ['region', 'status', 'fundingYear', 'projectType'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

export interface BudgetStat {
  key: string | number;
  projects: number;
  budget: { currency: string; total: string };
}

export const SORT_FIELDS = ['title', 'fundingYear', 'budget', 'updatedAt'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export interface ProjectSort {
  field: SortField;
  descending: boolean;
}

/** Where a page continues: the last row's sort value and project id. */
export interface Keyset {
  value: string | number;
  projectId: string;
}

export interface ProjectFilter {
  status?: string;
  region?: string;
  projectType?: string;
  coverage?: string;
  /** ISO alpha-2 code (the query API resolves names). */
  memberState?: string;
  fundingYear?: number;
  /** Case-insensitive substring of the title. */
  q?: string;
}

export interface ProjectListQuery {
  filter: ProjectFilter;
  sort: ProjectSort;
  limit: number;
  after?: Keyset;
}

export interface ProjectPage {
  items: ProjectView[];
  /** Keyset of the last item when more rows follow, else null. */
  next: Keyset | null;
}

/** Data read in one transaction together with the checkpoint it reflects. */
export interface AtPosition<T> {
  position: Position;
  data: T;
}

export interface ParkedEvent {
  position: Position;
  subscription: string;
  eventId: string;
  streamId: string;
  revision: number;
  type: string;
  error: string;
  attempts: number;
  parkedAt: string;
}

/** One read-model change, as live updates publish it. */
export interface ProjectChange {
  position: Position;
  projectId: string;
  eventType: string;
  revision: number;
  status: string;
  recordedAt: string;
}

export interface ApplyOptions {
  /** The checkpoint the caller believes is stored; a different one means someone else moved it (rebuild swap). */
  expectedCheckpoint?: Position;
  /** Failpoint for crash tests: runs after the rows are written, before COMMIT. */
  beforeCommit?: (events: RecordedEvent[]) => void | Promise<void>;
  /**
   * The projector's lease term (PostgreSQL): checked in the batch's transaction, so a deposed projector's
   * batch and checkpoint are refused with LeaseLostError. The SQLite read model belongs to one process.
   */
  fence?: WriteFence;
}

export interface ApplyResult {
  checkpoint: Position;
  applied: number;
  parked: ParkedEvent[];
}

export type RetryResult = { ok: true } | { ok: false; error: string } | { ok: false; error: 'not-parked' };

/** Every table as sorted plain rows: what `check` compares. */
export type ReadModelDump = Record<string, Record<string, unknown>[]>;

export interface ReadModel {
  readonly kind: 'sqlite' | 'postgres';
  /** Where it lives: a file path or a PostgreSQL schema name. */
  readonly location: string;
  checkpoint(subscription?: string): Promise<Position>;
  /** Applies events in one transaction with the checkpoint; events a projection throws on are parked. */
  applyBatch(subscription: string, events: RecordedEvent[], options?: ApplyOptions): Promise<ApplyResult>;
  listParked(): Promise<ParkedEvent[]>;
  retryParked(position: Position): Promise<RetryResult>;
  getProject(projectId: string): Promise<AtPosition<ProjectView | null>>;
  /** The project holding this Prima ID, if the read model knows one (a best-effort uniqueness check). */
  projectIdByPrimaId(primaId: string): Promise<string | null>;
  listProjects(query: ProjectListQuery): Promise<AtPosition<ProjectPage>>;
  budgetRevisions(projectId: string): Promise<AtPosition<BudgetRevisionView[] | null>>;
  budgetStats(groupBy: StatsDimension): Promise<AtPosition<BudgetStat[]>>;
  /** A project's transactions, filtered and paged; null data when no such project. */
  transactions(projectId: string, query: TransactionQuery): Promise<AtPosition<TransactionPage | null>>;
  /** A project's financial summary per currency; null data when no such project. */
  finances(projectId: string): Promise<AtPosition<FinanceSummary[] | null>>;
  /** Exact totals of standing transactions per region or funder, and currency. */
  moneyStats(groupBy: MoneyStatsDimension): Promise<AtPosition<MoneyStat[]>>;
  changesAfter(position: Position, limit: number): Promise<ProjectChange[]>;
  /** Resolves true once the checkpoint reaches `position`, false after `timeoutMs`. */
  waitForPosition(position: Position, timeoutMs: number, subscription?: string): Promise<boolean>;
  /** Called after every committed batch in this process; returns an unsubscribe function. */
  onCommit(listener: (position: Position) => void): () => void;
  dump(): Promise<ReadModelDump>;
  close(): Promise<void>;
}

/** Thrown when the stored checkpoint is not the one the projector expected: it must resubscribe. */
export class CheckpointMovedError extends Error {
  constructor(
    readonly expected: Position,
    readonly actual: Position,
  ) {
    super(`Checkpoint moved: expected ${expected}, found ${actual}`);
    this.name = 'CheckpointMovedError';
  }
}
