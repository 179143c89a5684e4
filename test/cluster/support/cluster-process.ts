import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { TEST_DATABASE_URL } from '@ledger/event-store/testing/temp-postgres.fixture';
import { TEST_AMQP_URL } from '@ledger/messaging/testing/amqp-test.kit';
import { join } from 'node:path';
import { TEST_API_KEYS } from '../../support/test-keys';

const ROOT = join(__dirname, '..', '..', '..');

export type ClusterRole = 'command-api' | 'projector' | 'relay' | 'query-api';

/** How each app is started as its own OS process (node + @swc-node/register, as the npm scripts do). */
const ENTRY: Record<ClusterRole, string[]> = {
  'command-api': ['apps/command-api/src/main.ts'],
  projector: ['apps/projector/src/main.ts', 'run'],
  relay: ['apps/relay/src/main.ts', 'run'],
  'query-api': ['apps/query-api/src/main.ts'],
};

/** An election a process logged: `<lease>: leader with token <n> at <ISO instant>`. */
export interface LoggedElection {
  lease: string;
  token: number;
  at: number;
}

/** One running incarnation of a cluster member. */
export interface ClusterProcess {
  name: string;
  role: ClusterRole;
  child: ChildProcess;
  pid: number;
  /** http://127.0.0.1:<port> for the HTTP apps. */
  baseUrl: string | null;
  /** The last few kilobytes of stdout and stderr, for a failure message. */
  tail(): string;
  elections: LoggedElection[];
  /** True once /health/ready answers 200 (HTTP apps) or the process said it stands for its lease. */
  ready: boolean;
  whenReady: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const ELECTION = /([\w:.-]+): leader with token (\d+) at (\d{4}-\d\d-\d\dT[\d:.]+Z)/g;
const STANDING = /standing for the lease/;
const TAIL_CHARS = 8000;

export function spawnClusterProcess(
  name: string,
  role: ClusterRole,
  env: Record<string, string>,
  port: number | null,
  startTimeoutMs: number,
): ClusterProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', ...ENTRY[role]], {
    cwd: ROOT,
    env: { ...process.env, ...env, ...(port === null ? {} : { PORT: String(port) }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  let standing = false;
  const elections: LoggedElection[] = [];
  const take = (chunk: Buffer) => {
    const text = chunk.toString();
    tail = (tail + text).slice(-TAIL_CHARS);
    for (const m of text.matchAll(ELECTION))
      elections.push({ lease: m[1], token: Number(m[2]), at: Date.parse(m[3]) });
    if (STANDING.test(text)) standing = true;
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const baseUrl = port === null ? null : `http://127.0.0.1:${port}`;
  const member: ClusterProcess = {
    name,
    role,
    child,
    pid: child.pid!,
    baseUrl,
    tail: () => tail,
    elections,
    ready: false,
    whenReady: Promise.resolve(),
    exited,
  };
  member.whenReady = (async () => {
    const deadline = Date.now() + startTimeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`${name} exited before it was ready:\n${tail}`);
      const ready = baseUrl
        ? await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(5000) }).then(
            (r) => r.status === 200,
            () => false,
          )
        : standing;
      if (ready) {
        member.ready = true;
        return;
      }
      if (Date.now() > deadline) throw new Error(`${name} not ready after ${startTimeoutMs} ms:\n${tail}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  // A process killed while starting rejects whenReady; whoever awaits it sees that, nobody else must.
  member.whenReady.catch(() => undefined);
  return member;
}

/**
 * The environment every member of a PostgreSQL + RabbitMQ cluster shares: one event store, read model and
 * lease schema, one exchange, one audit signing key (whichever replica leads the checkpointer signs with
 * it), and rate limits out of the way of a load test.
 */
export function sharedClusterEnv(shared: {
  eventStoreSchema: string;
  readModelSchema: string;
  leaseSchema: string;
  leaseTtlMs: number;
  exchange: string;
}): Record<string, string> {
  return {
    EVENT_STORE: 'postgres',
    EVENT_STORE_DATABASE_URL: TEST_DATABASE_URL,
    EVENT_STORE_SCHEMA: shared.eventStoreSchema,
    DATABASE_URL: TEST_DATABASE_URL,
    READ_MODEL: 'postgres',
    READ_MODEL_SCHEMA: shared.readModelSchema,
    LEASE_SCHEMA: shared.leaseSchema,
    LEASE_TTL_MS: String(shared.leaseTtlMs),
    AMQP_URL: TEST_AMQP_URL,
    RELAY_EXCHANGE: shared.exchange,
    AMQP_COMMANDS_ENABLED: 'false',
    API_KEYS: TEST_API_KEYS,
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'der' })
      .toString('base64'),
    AUDIT_CHECKPOINT_EVERY: '50',
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000',
    LOG_LEVEL: 'info',
  };
}
