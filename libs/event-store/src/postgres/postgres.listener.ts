import { Client } from 'pg';

/**
 * LISTEN on one channel over a dedicated connection, reconnecting after a failure. Notifications only
 * wake subscribers early: they also poll, so a lost connection or a dropped notification delays delivery
 * by at most the poll interval and never loses an event.
 */
export class PostgresListener {
  private client: Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly onNotify: () => void,
    private readonly retryMs = 1000,
  ) {}

  start(): void {
    if (this.client || this.stopped) return;
    const client = new Client({ connectionString: this.connectionString });
    this.client = client;
    const fail = () => {
      if (this.client !== client) return;
      this.client = null;
      client.end().catch(() => undefined);
      // Events committed while the connection was down are found by the next poll.
      if (!this.stopped) this.retry = setTimeout(() => this.start(), this.retryMs);
    };
    client.on('error', fail);
    client.on('end', fail);
    client.on('notification', () => this.onNotify());
    client
      .connect()
      .then(() => client.query(`LISTEN "${this.channel}"`))
      .then(() => this.onNotify()) // anything committed before LISTEN took effect
      .catch(fail);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
