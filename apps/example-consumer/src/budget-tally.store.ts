import Decimal from 'decimal.js';
import type Database from 'better-sqlite3';
import { EVENT_HEADERS } from '@ledger/contracts';
import { SqliteInbox, type InboxOutcome, type ReceivedEvent } from '@ledger/messaging';

export interface RegionBudget {
  region: string;
  currency: string;
  /** Decimal string: sum of initial budgets plus every revision's delta. */
  total: string;
  projects: number;
}

/**
 * The example consumer's read side: a log of received events and a per-region budget tally, in its own
 * SQLite file. Each event's effect and its message id commit together (SqliteInbox), so redeliveries
 * and replays never count twice.
 */
export class BudgetTallyStore {
  private readonly inbox: SqliteInbox;

  constructor(file: string) {
    this.inbox = new SqliteInbox(file);
    this.inbox.db.exec(`
      CREATE TABLE IF NOT EXISTS received_events (
        message_id TEXT PRIMARY KEY, type TEXT NOT NULL, project_id TEXT NOT NULL,
        position INTEGER, replay INTEGER NOT NULL, received_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS region_budgets (
        region TEXT NOT NULL, currency TEXT NOT NULL, total TEXT NOT NULL, projects INTEGER NOT NULL,
        PRIMARY KEY (region, currency));`);
  }

  apply(event: ReceivedEvent): InboxOutcome {
    return this.inbox.processOnce(event.messageId, (db) => {
      const e = event.envelope;
      const position = Number(event.headers[EVENT_HEADERS.position]);
      db.prepare('INSERT INTO received_events VALUES (?, ?, ?, ?, ?, ?)').run(
        event.messageId,
        e.type,
        e.subject,
        Number.isFinite(position) ? position : null,
        event.replay ? 1 : 0,
        new Date().toISOString(),
      );
      const region = String(event.headers[EVENT_HEADERS.region] ?? 'unknown');
      if (e.type === 'org.projectledger.project.created.v1') {
        addToTally(db, region, e.data.budget.currency, e.data.budget.amount, 1);
      } else if (e.type === 'org.projectledger.project.budget-revised.v1') {
        addToTally(db, region, e.data.currency, e.data.delta, 0);
      }
    });
  }

  tally(): RegionBudget[] {
    return this.inbox.db
      .prepare('SELECT region, currency, total, projects FROM region_budgets ORDER BY region, currency')
      .all() as RegionBudget[];
  }

  receivedCount(): number {
    return (this.inbox.db.prepare('SELECT COUNT(*) AS n FROM received_events').get() as { n: number }).n;
  }

  close(): void {
    this.inbox.close();
  }
}

function addToTally(
  db: Database.Database,
  region: string,
  currency: string,
  amount: string,
  projects: number,
): void {
  const row = db
    .prepare('SELECT total FROM region_budgets WHERE region = ? AND currency = ?')
    .get(region, currency) as { total: string } | undefined;
  const total = new Decimal(row?.total ?? '0').plus(amount).toFixed(2);
  db.prepare(
    `INSERT INTO region_budgets (region, currency, total, projects) VALUES (?, ?, ?, ?)
     ON CONFLICT (region, currency) DO UPDATE SET total = excluded.total, projects = projects + ?`,
  ).run(region, currency, total, projects, projects);
}
