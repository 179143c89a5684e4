import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type ChannelModel } from 'amqplib';
import { foldProject, PROJECT_STREAM_PREFIX, type ProjectEvent } from '@ledger/domain';
import { PostgresEventStore } from '@ledger/event-store/postgres';
import {
  dropSchema,
  tempSchemaName,
  TEST_DATABASE_URL,
} from '@ledger/event-store/testing/temp-postgres.fixture';
import { assertEventsExchange } from '@ledger/messaging';
import { TEST_AMQP_URL } from '@ledger/messaging/testing/amqp-test.kit';
import { PostgresLeases, type LeaseRow } from '@ledger/platform';
import { checkReadModel, createReadModel } from '@ledger/read-model';
import {
  postgresFixture,
  type ReadModelFixture,
} from '../../libs/read-model/src/testing/read-model.factories';
import { reportFigures, scaled } from '../faults/support/fault-scale';
import { freePort } from '../support/standalone-process';
import { TEST_API_KEYS, TEST_KEYS } from '../support/test-keys';
import {
  appliedTwice,
  lostAcknowledgements,
  median,
  readWholeLog,
  streamGaps,
} from './support/cluster-checks';
import { emptyTally, runClient } from './support/cluster-clients';
import { spawnClusterProcess, type ClusterProcess, type ClusterRole } from './support/cluster-process';
import { until } from './support/process-state';

const TTL_MS = 3000;
const LOAD_MS = scaled(30_000, 180_000);
const KILL_EVERY_MS = scaled(4_000, 4_000);
const CLIENTS = scaled(3, 4);
const START_TIMEOUT_MS = 120_000;
const TEST_TIMEOUT_MS = scaled(360_000, 1_200_000);

const TOPOLOGY: [ClusterRole, number][] = [
  ['command-api', 3],
  ['projector', 2],
  ['relay', 2],
  ['query-api', 1],
];
/** Lease name prefix → the role whose standby takes over (the audit checkpointer runs in command-api). */
const LEASE_ROLES: [string, string][] = [
  ['projector:', 'projector'],
  ['relay:', 'relay'],
  ['audit-checkpointer', 'audit-checkpointer'],
];
const leaseRole = (lease: string) => LEASE_ROLES.find(([prefix]) => lease.startsWith(prefix))?.[1] ?? lease;
const holderPid = (holder: string) => Number(holder.split(':')[1]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Kill {
  name: string;
  role: ClusterRole;
  at: number;
  /** The leases the victim held when killed: their takeover is a failover. */
  led: { lease: string; token: number }[];
}

/**
 * The whole PostgreSQL topology as real OS processes: 3 command-api, 2 projector, 2 relay and 1
 * query-api on one event store, read model and lease schema, and one RabbitMQ exchange. Clients spread
 * commands over the command-api replicas (retrying with the same Idempotency-Key elsewhere on a network
 * error or 5xx) while a random process, leaders included, is SIGKILLed and restarted every few seconds.
 * Afterwards nothing acknowledged may be lost, applied twice or left undelivered, and the read model
 * must equal a rebuild of the log.
 */
describe('cluster under SIGKILL chaos (real processes, PostgreSQL + RabbitMQ)', () => {
  const run = randomBytes(3).toString('hex');
  const schemas = { log: tempSchemaName('chaos_es'), leases: tempSchemaName('chaos_lease') };
  const exchange = `cluster.chaos.${run}`;
  const queue = `cluster.chaos.${run}.consumer`;
  const members = new Map<string, ClusterProcess>();
  const incarnations: ClusterProcess[] = [];
  const dataDirs: string[] = [];
  const delivered = new Map<string, number>();
  const leaseHistory: { lease: string; token: number; holder: string; seenAt: number }[] = [];
  let fixture: ReadModelFixture | undefined;
  let store: PostgresEventStore | undefined;
  let leases: PostgresLeases | undefined;
  let amqp: ChannelModel | undefined;
  let polling = true;
  let poller: Promise<void> = Promise.resolve();
  let currentLeases: LeaseRow[] = [];
  let env: Record<string, string> = {};
  const ports = new Map<string, number | null>();
  const memberDirs = new Map<string, string>();

  const start = (name: string, role: ClusterRole) => {
    const p = spawnClusterProcess(
      name,
      role,
      { ...env, DATA_DIR: memberDirs.get(name)! },
      ports.get(name)!,
      START_TIMEOUT_MS,
    );
    members.set(name, p);
    incarnations.push(p);
    return p;
  };

  beforeAll(async () => {
    fixture = await postgresFixture();
    store = new PostgresEventStore({ connectionString: TEST_DATABASE_URL, schema: schemas.log });
    await store.whenReady();
    leases = new PostgresLeases(TEST_DATABASE_URL, schemas.leases);

    amqp = await connect(TEST_AMQP_URL);
    const channel = await amqp.createChannel();
    await assertEventsExchange(channel, exchange);
    await channel.assertQueue(queue, { durable: false, autoDelete: false });
    await channel.bindQueue(queue, exchange, '#');
    await channel.consume(
      queue,
      (message) => {
        const id = message?.properties.messageId as string | undefined;
        if (id) delivered.set(id, (delivered.get(id) ?? 0) + 1);
      },
      { noAck: true },
    );

    env = {
      EVENT_STORE: 'postgres',
      EVENT_STORE_DATABASE_URL: TEST_DATABASE_URL,
      EVENT_STORE_SCHEMA: schemas.log,
      DATABASE_URL: TEST_DATABASE_URL,
      READ_MODEL: 'postgres',
      READ_MODEL_SCHEMA: fixture.config.readModelSchema!,
      LEASE_SCHEMA: schemas.leases,
      LEASE_TTL_MS: String(TTL_MS),
      AMQP_URL: TEST_AMQP_URL,
      RELAY_EXCHANGE: exchange,
      AMQP_COMMANDS_ENABLED: 'false',
      API_KEYS: TEST_API_KEYS,
      // One signing key for every replica: whichever leads the checkpointer signs with it.
      AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519')
        .privateKey.export({ type: 'pkcs8', format: 'der' })
        .toString('base64'),
      AUDIT_CHECKPOINT_EVERY: '50',
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000',
      LOG_LEVEL: 'info',
    };
    for (const [role, count] of TOPOLOGY) {
      for (let i = 1; i <= count; i++) {
        const name = `${role}-${i}`;
        ports.set(name, role === 'command-api' || role === 'query-api' ? await freePort() : null);
        const dir = mkdtempSync(join(tmpdir(), `chaos-${name}-`));
        dataDirs.push(dir);
        memberDirs.set(name, dir);
        start(name, role);
      }
    }
    await Promise.all([...members.values()].map((m) => m.whenReady));

    // Every change of a lease's token, as this test sees it (the fallback when no election was logged).
    poller = (async () => {
      while (polling) {
        const rows = await leases!.list().catch(() => null);
        if (rows) {
          currentLeases = rows;
          for (const row of rows) {
            const last = leaseHistory.filter((h) => h.lease === row.name).at(-1);
            if (!last || last.token !== row.token)
              leaseHistory.push({
                lease: row.name,
                token: row.token,
                holder: row.holder,
                seenAt: Date.now(),
              });
          }
        }
        await sleep(100);
      }
    })();
    await until(
      'a live lease for the projector, the relay and the audit checkpointer',
      () =>
        LEASE_ROLES.every(([prefix]) => currentLeases.some((l) => l.name.startsWith(prefix) && l.live)) ||
        null,
      START_TIMEOUT_MS,
    );
  }, START_TIMEOUT_MS * 2);

  afterAll(async () => {
    polling = false;
    await poller;
    for (const p of incarnations) p.child.kill('SIGKILL');
    await Promise.all(incarnations.map((p) => p.exited));
    if (amqp) {
      const channel = await amqp.createChannel();
      await channel.deleteQueue(queue).catch(() => undefined);
      await channel.deleteExchange(exchange).catch(() => undefined);
      await amqp.close().catch(() => undefined);
    }
    await store?.close();
    await leases?.close();
    await fixture?.cleanup();
    await dropSchema(schemas.log);
    await dropSchema(schemas.leases);
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  /** Processes that may die now: their role keeps another ready member (the query API stands alone). */
  const victims = (): ClusterProcess[] => {
    const ready = [...members.values()].filter((m) => m.ready);
    return ready.filter((m) => m.role === 'query-api' || ready.some((o) => o !== m && o.role === m.role));
  };
  /** The holder of a live lease of `role`, when it may die now. */
  const leaderOf = (role: string): ClusterProcess | undefined => {
    const lease = currentLeases.find((l) => l.live && leaseRole(l.name) === role);
    return lease && victims().find((m) => m.pid === holderPid(lease.holder));
  };

  /**
   * Until each role's leader was killed once, and then two kills in three, aim at a leader, taking the
   * roles in turn (the least often killed first), so each role's failover is measured; the other kills
   * hit any process, the query API included.
   */
  const chaos = async (untilAt: number, kills: Kill[]) => {
    while (Date.now() + KILL_EVERY_MS < untilAt) {
      await sleep(KILL_EVERY_MS * (0.75 + Math.random() / 2));
      const leaderKills = (role: string) =>
        kills.filter((k) => k.led.some((l) => leaseRole(l.lease) === role)).length;
      const roles = LEASE_ROLES.map(([, role]) => role).sort((a, b) => leaderKills(a) - leaderKills(b));
      const random = kills.length % 3 === 2 && roles.every((role) => leaderKills(role) > 0);
      const aimed = random ? undefined : roles.map(leaderOf).find((m) => m !== undefined);
      const anyone = victims();
      const victim = aimed ?? anyone[Math.floor(Math.random() * anyone.length)];
      if (!victim) continue;
      const led = currentLeases
        .filter((l) => l.live && holderPid(l.holder) === victim.pid)
        .map((l) => ({ lease: l.name, token: l.token }));
      const at = Date.now();
      victim.child.kill('SIGKILL');
      await victim.exited;
      kills.push({ name: victim.name, role: victim.role, at, led });
      start(victim.name, victim.role);
    }
  };

  /** The first election of a lease after a kill: as the new leader logged it, else as the poller saw it. */
  const takeoverAfter = (lease: string, token: number, killedAt: number): number | null => {
    const logged = incarnations
      .flatMap((p) => p.elections)
      .filter((e) => e.lease === lease && e.token > token)
      .sort((a, b) => a.token - b.token)[0];
    if (logged) return logged.at - killedAt;
    const seen = leaseHistory.find((h) => h.lease === lease && h.token > token);
    return seen ? seen.seenAt - killedAt : null;
  };

  it(
    'loses no acknowledged command, applies none twice, delivers every event and keeps the read model true',
    async () => {
      const tally = emptyTally();
      const kills: Kill[] = [];
      const commandApis = () =>
        [...members.values()].filter((m) => m.role === 'command-api').map((m) => m.baseUrl!);
      const loadStarted = Date.now();
      const loadEnds = loadStarted + LOAD_MS;
      try {
        await Promise.all([
          chaos(loadEnds, kills),
          ...Array.from({ length: CLIENTS }, (_, c) =>
            runClient(c + 1, run, commandApis, loadEnds, tally, 90_000),
          ),
        ]);
        const loadMs = Date.now() - loadStarted;
        await Promise.all([...members.values()].map((m) => m.whenReady));

        // Settle: every role led again, the read model and the consumer queue caught up with the log.
        await until(
          'every lease live again',
          () =>
            LEASE_ROLES.every(([prefix]) => currentLeases.some((l) => l.name.startsWith(prefix) && l.live)) ||
            null,
          60_000,
        );
        const head = await store!.headPosition();
        const readModel = await createReadModel(fixture!.config);
        try {
          expect(await readModel.waitForPosition(head, 120_000)).toBe(true);
        } finally {
          await readModel.close();
        }
        const log = await readWholeLog(store!);
        const relayed = log.filter((e) => e.streamId.startsWith(PROJECT_STREAM_PREFIX));
        await until(
          'every project event in the consumer queue',
          () => relayed.every((e) => delivered.has(e.eventId)) || null,
          120_000,
        ).catch(() => undefined);

        // No acknowledged event lost, no gap, nothing applied twice, nothing refused or abandoned.
        expect(tally.refused).toEqual([]);
        expect(tally.abandoned).toEqual([]);
        expect(lostAcknowledgements(log, tally.acknowledged)).toEqual([]);
        expect(streamGaps(log)).toEqual([]);
        expect(appliedTwice(log)).toEqual([]);
        expect(new Set(tally.acknowledged.map((a) => a.key)).size).toBe(tally.acknowledged.length);

        // Every event delivered at least once (deduplicated by message_id).
        expect(relayed.filter((e) => !delivered.has(e.eventId)).map((e) => e.position)).toEqual([]);
        const deliveries = [...delivered.values()].reduce((sum, n) => sum + n, 0);

        // The read model equals a rebuild of the log, and the query API serves each project as the log folds it.
        expect(await checkReadModel(fixture!.config, store!)).toEqual({ position: head, differences: [] });
        const streams = new Map<string, ProjectEvent[]>();
        for (const e of relayed)
          streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e as unknown as ProjectEvent]);
        const query = members.get('query-api-1')!.baseUrl!;
        for (const [streamId, events] of streams) {
          const folded = foldProject(events);
          const id = streamId.slice(PROJECT_STREAM_PREFIX.length);
          const response = await fetch(`${query}/projects/${encodeURIComponent(id)}?minPosition=${head}`, {
            headers: { authorization: `Bearer ${TEST_KEYS.reader}` },
          });
          expect(response.status).toBe(200);
          const view = (await response.json()) as { status: string; revision: number };
          expect({ id, status: view.status, revision: view.revision }).toEqual({
            id,
            status: folded.status,
            revision: events.length - 1,
          });
        }

        // Failover: from killing a leader to the next election of its lease.
        const failovers = new Map<string, number[]>();
        for (const kill of kills)
          for (const { lease, token } of kill.led) {
            const ms = takeoverAfter(lease, token, kill.at);
            expect({ lease, killed: kill.name, ms: ms === null ? 'never' : 'measured' }).toEqual({
              lease,
              killed: kill.name,
              ms: 'measured',
            });
            failovers.set(leaseRole(lease), [...(failovers.get(leaseRole(lease)) ?? []), ms!]);
          }
        const figure = (role: string) => {
          const values = failovers.get(role) ?? [];
          return values.length === 0
            ? 'none'
            : `n=${values.length}/median=${median(values)}ms/max=${Math.max(...values)}ms`;
        };
        const acknowledged = tally.acknowledged.length;
        reportFigures('cluster chaos 3 command-api + 2 projector + 2 relay + 1 query-api', {
          load_s: Math.round(loadMs / 1000),
          acknowledged,
          acked_per_s: (acknowledged / (loadMs / 1000)).toFixed(1),
          projects: streams.size,
          retried: tally.acknowledged.filter((a) => a.attempts > 1).length,
          replayed: tally.acknowledged.filter((a) => a.replayed).length,
          network_errors: tally.networkErrors,
          http_5xx: tally.serverErrors,
          kills: kills.length,
          leader_kills: kills.filter((k) => k.led.length > 0).length,
          killed: Object.entries(
            kills.reduce<Record<string, number>>(
              (acc, k) => ({ ...acc, [k.role]: (acc[k.role] ?? 0) + 1 }),
              {},
            ),
          )
            .map(([role, n]) => `${role}:${n}`)
            .join(','),
          failover_projector: figure('projector'),
          failover_relay: figure('relay'),
          failover_audit_checkpointer: figure('audit-checkpointer'),
          events: log.length,
          deliveries,
          duplicates_delivered: deliveries - delivered.size,
          lease_ttl_ms: TTL_MS,
        });
        // A takeover waits for the TTL to run out, then for the standby's next try (every TTL/3); a
        // busy machine adds to that, but a failover ten times the TTL would mean a standby that never stood.
        for (const values of failovers.values()) expect(Math.max(...values)).toBeLessThan(TTL_MS * 10);
        // Fewer kills than load ÷ interval: a process dies only while another of its role is ready, and
        // restarts take 5–15 s here.
        expect(kills.length).toBeGreaterThanOrEqual(scaled(3, 15));
        for (const [, role] of LEASE_ROLES)
          expect({ role, failovers: (failovers.get(role) ?? []).length > 0 }).toEqual({
            role,
            failovers: true,
          });
        expect(acknowledged).toBeGreaterThan(0);
      } catch (error) {
        for (const p of members.values())
          process.stdout.write(`--- ${p.name} (pid ${p.pid}):\n${p.tail()}\n`);
        throw error;
      }
    },
    TEST_TIMEOUT_MS,
  );
});
