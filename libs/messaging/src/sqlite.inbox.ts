import Database from 'better-sqlite3';

export type InboxOutcome = 'applied' | 'duplicate';

/**
 * Exactly-once effects on top of at-least-once delivery: the message id is recorded in the SAME SQLite
 * transaction as the consumer's effect, so a crash either keeps both or neither, and a redelivered
 * message finds its id and changes nothing.
 */
export class SqliteInbox {
  readonly db: Database.Database;
  private readonly seen: Database.Statement<[string]>;
  private readonly record: Database.Statement<[string, string]>;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS processed_messages (
         message_id TEXT PRIMARY KEY,
         processed_at TEXT NOT NULL
       )`,
    );
    this.seen = this.db.prepare('SELECT 1 FROM processed_messages WHERE message_id = ?');
    this.record = this.db.prepare('INSERT INTO processed_messages (message_id, processed_at) VALUES (?, ?)');
  }

  /** Runs `effect` and records `messageId` atomically, unless the id was processed before. */
  processOnce(messageId: string, effect: (db: Database.Database) => void): InboxOutcome {
    const run = this.db.transaction((): InboxOutcome => {
      if (this.seen.get(messageId)) return 'duplicate';
      effect(this.db);
      this.record.run(messageId, new Date().toISOString());
      return 'applied';
    });
    return run.immediate();
  }

  processedCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM processed_messages').get() as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}
