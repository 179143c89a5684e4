import Database from 'better-sqlite3';

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');

export interface StoredResponse {
  /** SHA-256 of method, path and canonical body: the same key with another request is refused. */
  fingerprint: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * Responses of requests sent with an Idempotency-Key, per caller. The event log is the real guard (event ids
 * derive from the key, and a retry finds its command's events in the stream); this store replays the exact
 * first response and detects a key reused for a different request.
 */
export class SqliteIdempotencyStore {
  private readonly db: Database.Database;
  private readonly getStatement: Database.Statement<[string, string]>;
  private readonly putStatement: Database.Statement<[string, string, string, number, string, string, string]>;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotent_responses (
      actor TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, status INTEGER NOT NULL,
      headers TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (actor, key))`);
    this.getStatement = this.db.prepare(
      'SELECT fingerprint, status, headers, body FROM idempotent_responses WHERE actor = ? AND key = ?',
    );
    this.putStatement = this.db.prepare(
      'INSERT OR IGNORE INTO idempotent_responses VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  get(actor: string, key: string): StoredResponse | null {
    const row = this.getStatement.get(actor, key) as
      { fingerprint: string; status: number; headers: string; body: string } | undefined;
    if (!row) return null;
    return {
      fingerprint: row.fingerprint,
      status: row.status,
      headers: JSON.parse(row.headers),
      body: JSON.parse(row.body),
    };
  }

  put(actor: string, key: string, response: StoredResponse, at: Date): void {
    this.putStatement.run(
      actor,
      key,
      response.fingerprint,
      response.status,
      JSON.stringify(response.headers),
      JSON.stringify(response.body),
      at.toISOString(),
    );
  }

  close(): void {
    this.db.close();
  }
}
