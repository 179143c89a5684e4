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
 * Where keyed requests are remembered. `begin`/`end` bracket a request while it runs (an in-flight
 * marker): a request whose fingerprint differs from one still running under the same key is refused, on
 * every replica that shares the store. `put` stores the finished response for replay.
 */
export interface IdempotencyStore {
  get(actor: string, key: string): Promise<StoredResponse | null>;
  put(actor: string, key: string, response: StoredResponse, at: Date): Promise<void>;
  /** False when another request with a different fingerprint holds the key. */
  begin(actor: string, key: string, fingerprint: string): Promise<boolean>;
  end(actor: string, key: string, fingerprint: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Responses of requests sent with an Idempotency-Key, per caller. The event log is the real guard (event ids
 * derive from the key, and a retry finds its command's events in the stream); this store replays the exact
 * first response and detects a key reused for a different request.
 */
export class SqliteIdempotencyStore implements IdempotencyStore {
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

  /** In-flight markers live in this process: the embedded store serves one process per data directory. */
  private readonly inFlight = new Map<string, { fingerprint: string; count: number }>();

  async begin(actor: string, key: string, fingerprint: string): Promise<boolean> {
    const slot = `${actor}\n${key}`;
    const running = this.inFlight.get(slot);
    if (running && running.fingerprint !== fingerprint) return false;
    if (running) running.count += 1;
    else this.inFlight.set(slot, { fingerprint, count: 1 });
    return true;
  }

  async end(actor: string, key: string): Promise<void> {
    const slot = `${actor}\n${key}`;
    const entry = this.inFlight.get(slot);
    if (entry && --entry.count === 0) this.inFlight.delete(slot);
  }

  async get(actor: string, key: string): Promise<StoredResponse | null> {
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

  async put(actor: string, key: string, response: StoredResponse, at: Date): Promise<void> {
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

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
