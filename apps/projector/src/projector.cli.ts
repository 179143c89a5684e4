import { Presets, SingleBar } from 'cli-progress';
import type { EventStore, WriteFence } from '@ledger/event-store';
import { createEventStore, loadConfig, type AppConfig } from '@ledger/platform';
import {
  checkReadModel,
  createReadModel,
  ProjectionRunner,
  readModelConfigFrom,
  rebuildReadModel,
} from '@ledger/read-model';
import { failpointFromEnv, pauseFailpointFromEnv } from './projector.failpoint';
import { projectorLeadership } from './projector.leadership';

export const USAGE = `usage: npm run projector -- <command>
  run               follow the event log and keep the read model up to date; beside another
                    projector of the same read model (npm start runs one unless
                    PROJECTOR_ENABLED=false) it stands by and takes over when that one ends
  rebuild           build a fresh read model from position 0 beside the live one, then swap it in
  check             compare the live read model with a rebuild; exit 1 when they differ
  parked            list parked (poison) events
  retry <position>  re-apply one parked event`;

export class UsageError extends Error {}

type Out = (line: string) => void;

async function withStore<T>(config: AppConfig, work: (store: EventStore) => Promise<T>): Promise<T> {
  const store = createEventStore(config);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export async function runProjector(config: AppConfig = loadConfig(), out: Out = console.log): Promise<void> {
  const store = createEventStore(config);
  const readModel = await createReadModel(readModelConfigFrom(config));
  let fence: WriteFence | undefined;
  const runner = new ProjectionRunner(store, readModel, {
    beforeCommit: failpointFromEnv(),
    beforeApply: pauseFailpointFromEnv(),
    fence: () => fence,
    onError: (error) =>
      console.error(`projection failed, resubscribing from the checkpoint: ${String(error)}`),
    onParked: (events) =>
      events.forEach((e) =>
        console.error(`parked ${e.type} at position ${e.position} (${e.streamId}): ${e.error}`),
      ),
  });
  const leadership = projectorLeadership(config, runner, (f) => (fence = f), out);
  leadership.start();
  out(
    `projector following the log from position ${await readModel.checkpoint()} into ${readModel.kind} ${readModel.location} while it holds the lease (standing for the lease until then)`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await leadership.stop();
  await readModel.close();
  await store.close();
  out(`projector stopped at position ${runner.checkpoint}`);
}

export async function rebuild(config: AppConfig = loadConfig(), out: Out = console.log): Promise<void> {
  await withStore(config, async (store) => {
    const bar = new SingleBar(
      {
        format:
          'rebuild |{bar}| {value}/{total} positions | {events} events | {rate} events/s | ETA {eta_formatted}',
        hideCursor: true,
        // Logs and CI are not terminals: still print the bar, as one line every second.
        noTTYOutput: true,
        notTTYSchedule: 1000,
      },
      Presets.shades_classic,
    );
    const started = Date.now();
    bar.start(Math.max(1, await store.headPosition()), 0, { events: 0, rate: 0 });
    const outcome = await rebuildReadModel(readModelConfigFrom(config), store, (p) => {
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      bar.setTotal(Math.max(p.head, 1));
      bar.update(p.position, { events: p.events, rate: Math.round(p.events / seconds) });
    });
    bar.stop();
    out(`rebuilt ${outcome.events} events up to position ${outcome.checkpoint} and swapped the new copy in`);
  });
}

export async function check(config: AppConfig = loadConfig(), out: Out = console.log): Promise<boolean> {
  return withStore(config, async (store) => {
    const { position, differences } = await checkReadModel(readModelConfigFrom(config), store);
    if (differences.length === 0) {
      out(`read model matches a rebuild of the log up to position ${position}`);
      return true;
    }
    out(`${differences.length} difference(s) from a rebuild up to position ${position}:`);
    for (const d of differences) {
      const columns = d.columns ? ` ${JSON.stringify(d.columns)}` : '';
      out(`  ${d.kind.padEnd(10)} ${d.table} ${d.key}${columns}`);
    }
    return false;
  });
}

export async function parked(config: AppConfig = loadConfig(), out: Out = console.log): Promise<void> {
  const readModel = await createReadModel(readModelConfigFrom(config));
  try {
    const events = await readModel.listParked();
    if (events.length === 0) out('no parked events');
    for (const e of events) {
      out(
        `${e.position}\t${e.streamId}@${e.revision}\t${e.type}\tattempts=${e.attempts}\t${e.parkedAt}\t${e.error}`,
      );
    }
  } finally {
    await readModel.close();
  }
}

export async function retry(
  args: string[],
  config: AppConfig = loadConfig(),
  out: Out = console.log,
): Promise<boolean> {
  const position = Number(args[0]);
  if (!Number.isSafeInteger(position) || position < 1)
    throw new UsageError('retry needs the position of a parked event');
  const readModel = await createReadModel(readModelConfigFrom(config));
  try {
    const result = await readModel.retryParked(position);
    if (result.ok) out(`event at position ${position} applied and unparked`);
    else
      out(
        result.error === 'not-parked'
          ? `no parked event at position ${position}`
          : `still failing: ${result.error}`,
      );
    return result.ok;
  } finally {
    await readModel.close();
  }
}
