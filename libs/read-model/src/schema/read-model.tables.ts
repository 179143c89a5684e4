/**
 * Read-model tables as Kysely sees them (camelCase here, snake_case in SQL via CamelCasePlugin).
 * Positions are BIGINT in PostgreSQL; the pool parses int8 to number (positions stay below 2^53).
 * Money is TEXT: amounts are exact decimal strings, summed with decimal.js, never floats.
 */
export interface ProjectsTable {
  projectId: string;
  primaId: string | null;
  title: string;
  /** Lower-cased title: case-insensitive search and a collation-free sort that both databases agree on. */
  titleKey: string;
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
  budgetAmount: string;
  budgetCurrency: string;
  /** Fixed-width text of the amount so a plain text sort orders budgets numerically. */
  budgetKey: string;
  initialBudgetAmount: string;
  budgetRevisionCount: number;
  /** JSON array of ISO alpha-2 codes in the order the publisher gave them. */
  memberStates: string;
  /** JSON of the domain's ProjectProfile; null on rows projected before profiles were (rebuild fills it). */
  profile: string | null;
  revision: number;
  lastPosition: number;
  createdAt: string;
  updatedAt: string;
}

export interface BudgetRevisionsTable {
  projectId: string;
  /** 1 for the first revision; revision 0 is the initial budget on the project row. */
  revisionNo: number;
  position: number;
  previous: string;
  amount: string;
  delta: string;
  currency: string;
  reason: string;
  effectiveDate: string;
  note: string | null;
  recordedAt: string;
}

export interface ProjectMemberStatesTable {
  projectId: string;
  memberState: string;
  ordinal: number;
}

export interface ProjectStatsTable {
  /** region | status | fundingYear | projectType */
  dimension: string;
  key: string;
  currency: string;
  projects: number;
  total: string;
}

export interface CheckpointsTable {
  name: string;
  position: number;
}

export interface ParkedEventsTable {
  position: number;
  subscription: string;
  eventId: string;
  streamId: string;
  revision: number;
  type: string;
  /** The whole recorded event, so a retry needs nothing from the event store. */
  eventJson: string;
  error: string;
  attempts: number;
  parkedAt: string;
}

export interface ProjectChangesTable {
  position: number;
  projectId: string;
  eventType: string;
  revision: number;
  status: string;
  recordedAt: string;
}

/**
 * One row per recorded transaction (issue 13). A reversal fills the reversal columns of its original:
 * nothing is deleted, and the financial summary counts a row only while it is not reversed.
 */
export interface ProjectTransactionsTable {
  projectId: string;
  ref: string;
  /** Global position of the TransactionRecorded event. */
  position: number;
  /** Kebab name of the IATI transaction type (`disbursement`). */
  type: string;
  /** YYYY-MM-DD, the date the transaction takes effect. */
  date: string;
  amount: string;
  currency: string;
  valueDate: string | null;
  providerName: string | null;
  providerRef: string | null;
  providerActivityId: string | null;
  receiverName: string | null;
  receiverRef: string | null;
  receiverActivityId: string | null;
  description: string | null;
  reversalDate: string | null;
  reversalReason: string | null;
  reversalPosition: number | null;
  recordedAt: string;
}

export interface ReadModelDatabase {
  projects: ProjectsTable;
  budgetRevisions: BudgetRevisionsTable;
  projectMemberStates: ProjectMemberStatesTable;
  projectStats: ProjectStatsTable;
  checkpoints: CheckpointsTable;
  parkedEvents: ParkedEventsTable;
  projectChanges: ProjectChangesTable;
  projectTransactions: ProjectTransactionsTable;
}
