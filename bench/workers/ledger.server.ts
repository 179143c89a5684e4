import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { EVENT_STORE, type EventStore, type GroupCommitStats } from '@ledger/event-store';
import { ModulesContainer } from '@nestjs/core';
import { createReadModel, ProjectionRunner, READ_MODEL, type ReadModel } from '@ledger/read-model';
import { createStandaloneApp } from '../../apps/standalone/src/standalone.app';
import { Relay } from '../../apps/relay/src/relay';
import { relayCheckpointFile, SqliteCheckpointStore } from '../../apps/relay/src/sqlite.checkpoint-store';
import { BENCH_API_KEYS } from '../lib/bench-keys';
import { wallNow } from '../lib/wall-clock';
import { serveWorker } from './worker-runtime';

interface StartPayload {
  dataDir: string;
  /** Also run the projector and the relay in this process (the standalone shape), for end-to-end latency. */
  pipeline?: { amqpUrl: string; exchange: string };
  /** Run the app's projector (no relay): live updates need a read model that follows the log. */
  projectorOnly?: boolean;
}

let app: INestApplication | null = null;
let readModel: ReadModel | null = null;
let runner: ProjectionRunner | null = null;
let relay: Relay | null = null;
let checkpoints: SqliteCheckpointStore | null = null;
/** [position, wall ms] after each read-model commit: when each position became visible to queries. */
const visible: [number, number][] = [];

function groupCommitStats(store: EventStore): GroupCommitStats | null {
  // The store may be wrapped by a decorator (hash chaining): look one level in.
  const candidate = store as EventStore & {
    stats?: () => GroupCommitStats;
    inner?: EventStore & { stats?: () => GroupCommitStats };
  };
  return candidate.stats?.() ?? candidate.inner?.stats?.() ?? null;
}

/** True when the app itself runs a provider of that class name (so the bench must not start a second one). */
function appRuns(nestApp: INestApplication, className: RegExp): boolean {
  for (const module of nestApp.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values())
      if (typeof wrapper.name === 'string' && className.test(wrapper.name)) return true;
  }
  return false;
}

async function start({
  dataDir,
  pipeline,
  projectorOnly,
}: StartPayload): Promise<{ port: number; wiring: string }> {
  // Append runs measure the command path alone; the pipeline run has the projector and relay on.
  app = await createStandaloneApp({
    dataDir,
    apiKeys: BENCH_API_KEYS,
    logLevel: 'info',
    relayEnabled: pipeline !== undefined,
    projectorEnabled: pipeline !== undefined || projectorOnly === true,
    ...(pipeline ? { amqpUrl: pipeline.amqpUrl, relayExchange: pipeline.exchange } : {}),
  });
  await app.listen(0, '127.0.0.1');
  let wiring = 'command path only';
  const store = app.get<EventStore>(EVENT_STORE, { strict: false });
  if (projectorOnly) {
    app
      .get<ReadModel>(READ_MODEL, { strict: false })
      .onCommit((position) => visible.push([position, wallNow()]));
    return { port: (app.getHttpServer().address() as AddressInfo).port, wiring: "the app's own projector" };
  }
  if (pipeline) {
    // Use the app's own projector once the standalone app wires it; until then, the same runner beside it.
    const appProjector = appRuns(app, /^ProjectorService$/);
    wiring = appProjector
      ? "the app's own projector"
      : 'a ProjectionRunner started beside the app (the app has no projector yet)';
    if (appProjector) {
      app
        .get<ReadModel>(READ_MODEL, { strict: false })
        .onCommit((position) => visible.push([position, wallNow()]));
    } else {
      readModel = await createReadModel({ readModel: 'sqlite', dataDir, databaseUrl: '' });
      readModel.onCommit((position) => visible.push([position, wallNow()]));
      runner = new ProjectionRunner(store, readModel);
      runner.start();
    }
    if (appRuns(app, /Relay/))
      return {
        port: (app.getHttpServer().address() as AddressInfo).port,
        wiring: `${wiring}; the app's own relay`,
      };
    checkpoints = new SqliteCheckpointStore(relayCheckpointFile(dataDir));
    const quiet = {
      info: () => undefined,
      warn: (m: string) => console.warn(`[relay] ${m}`),
      error: (m: string) => console.error(`[relay] ${m}`),
    };
    relay = new Relay({
      store,
      checkpoints,
      amqpUrl: pipeline.amqpUrl,
      exchange: pipeline.exchange,
      logger: quiet,
      lagLogIntervalMs: 0,
    });
    await relay.start();
  }
  return {
    port: (app.getHttpServer().address() as AddressInfo).port,
    wiring: pipeline
      ? `${wiring}; a Relay started beside the app (the app has none yet)`
      : 'command path only',
  };
}

async function stop(): Promise<void> {
  await relay?.stop();
  await checkpoints?.close();
  await runner?.stop();
  await readModel?.close();
  await app?.close();
}

serveWorker(
  {
    start,
    stats: () => (app ? groupCommitStats(app.get<EventStore>(EVENT_STORE, { strict: false })) : null),
    visibility: () => visible.splice(0),
    relayStatus: () => relay?.status() ?? null,
  },
  stop,
);
