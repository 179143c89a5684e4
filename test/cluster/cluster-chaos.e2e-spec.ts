import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_STREAM_PREFIX } from '@ledger/domain';
import { PostgresEventStore } from '@ledger/event-store/postgres';
import {
  dropSchema,
  tempSchemaName,
  TEST_DATABASE_URL,
} from '@ledger/event-store/testing/temp-postgres.fixture';
import { PostgresLeases } from '@ledger/platform';
import { checkReadModel, createReadModel } from '@ledger/read-model';
import {
  postgresFixture,
  type ReadModelFixture,
} from '../../libs/read-model/src/testing/read-model.factories';
import { reportFigures, scaled } from '../faults/support/fault-scale';
import { freePort } from '../support/standalone-process';
import { TEST_KEYS } from '../support/test-keys';
import {
  appliedTwice,
  lostAcknowledgements,
  projectCount,
  queryApiDisagreements,
  readWholeLog,
  streamGaps,
} from './support/cluster-checks';
import { emptyTally, runClient } from './support/cluster-clients';
import {
  sharedClusterEnv,
  spawnClusterProcess,
  type ClusterProcess,
  type ClusterRole,
} from './support/cluster-process';
import { until } from './support/process-state';
import { failoverFigure, killsByRole, type Kill } from './support/chaos-kills';
import { countDeliveries, type DeliveryCounter } from './support/delivery-counter';
import { LeaseWatch } from './support/lease-watch';

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
  let fixture: ReadModelFixture | undefined;
  let store: PostgresEventStore | undefined;
  let leases: PostgresLeases | undefined;
  let consumer: DeliveryCounter | undefined;
  let watch: LeaseWatch | undefined;
  const delivered = () => consumer!.delivered;
  const currentLeases = () => watch!.current;
  const leasePrefixes = LEASE_ROLES.map(([prefix]) => prefix);
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

    consumer = await countDeliveries(exchange, queue);

    env = sharedClusterEnv({
      eventStoreSchema: schemas.log,
      readModelSchema: fixture.config.readModelSchema!,
      leaseSchema: schemas.leases,
      leaseTtlMs: TTL_MS,
      exchange,
    });
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

    watch = new LeaseWatch(leases);
    await until(
      'a live lease for the projector, the relay and the audit checkpointer',
      () => watch!.allLive(leasePrefixes) || null,
      START_TIMEOUT_MS,
    );
  }, START_TIMEOUT_MS * 2);

  afterAll(async () => {
    await watch?.stop();
    for (const p of incarnations) p.child.kill('SIGKILL');
    await Promise.all(incarnations.map((p) => p.exited));
    await consumer?.close();
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
    const lease = currentLeases().find((l) => l.live && leaseRole(l.name) === role);
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
      const led = currentLeases()
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
    const seenAt = watch!.firstSeenAfter(lease, token);
    return seenAt === undefined ? null : seenAt - killedAt;
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
        await until('every lease live again', () => watch!.allLive(leasePrefixes) || null, 60_000);
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
          () => relayed.every((e) => delivered().has(e.eventId)) || null,
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
        expect(relayed.filter((e) => !delivered().has(e.eventId)).map((e) => e.position)).toEqual([]);
        const deliveries = [...delivered().values()].reduce((sum, n) => sum + n, 0);

        // The read model equals a rebuild of the log, and the query API serves each project as the log folds it.
        expect(await checkReadModel(fixture!.config, store!)).toEqual({ position: head, differences: [] });
        const query = members.get('query-api-1')!.baseUrl!;
        expect(await queryApiDisagreements(query, TEST_KEYS.reader, relayed, head)).toEqual([]);

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
        const acknowledged = tally.acknowledged.length;
        reportFigures('cluster chaos 3 command-api + 2 projector + 2 relay + 1 query-api', {
          load_s: Math.round(loadMs / 1000),
          acknowledged,
          acked_per_s: (acknowledged / (loadMs / 1000)).toFixed(1),
          projects: projectCount(relayed),
          retried: tally.acknowledged.filter((a) => a.attempts > 1).length,
          replayed: tally.acknowledged.filter((a) => a.replayed).length,
          network_errors: tally.networkErrors,
          http_5xx: tally.serverErrors,
          kills: kills.length,
          leader_kills: kills.filter((k) => k.led.length > 0).length,
          killed: killsByRole(kills),
          failover_projector: failoverFigure(failovers.get('projector')),
          failover_relay: failoverFigure(failovers.get('relay')),
          failover_audit_checkpointer: failoverFigure(failovers.get('audit-checkpointer')),
          events: log.length,
          deliveries,
          duplicates_delivered: deliveries - delivered().size,
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
