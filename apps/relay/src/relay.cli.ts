import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connect } from 'amqplib';
import { renderAsyncApiYaml, ASYNCAPI_DOCUMENT_PATH } from '@ledger/contracts';
import { createEventStore, defaultEventSource, loadConfig, loadLedgerInstance } from '@ledger/platform';
import { replayEvents, type ReplaySelection, type ReplayTarget } from './replay';
import { Relay } from './relay';
import { failpointFromEnv } from './relay.failpoint';
import { loadRelaySettings } from './relay.settings';
import { relayLeadership } from './relay.leadership';

export const USAGE = `usage:
  npm run relay -- run                       relay every event to RELAY_EXCHANGE (runs until SIGINT/SIGTERM);
                                             only where no other relay runs (npm start runs one unless RELAY_ENABLED=false)
  npm run relay -- replay --from <pos> --to <pos> [--exchange <name> | --queue <name>]
  npm run relay -- replay --project <id>          [--exchange <name> | --queue <name>]
  npm run relay -- asyncapi [--out <file>]   write the AsyncAPI document generated from libs/contracts`;

export async function runRelay(): Promise<void> {
  const config = loadConfig();
  const settings = loadRelaySettings();
  const store = createEventStore(config);
  const source = settings.source ?? defaultEventSource(await loadLedgerInstance(config));
  const leadership = relayLeadership(config, settings.name, (m) => console.log(`[relay] ${m}`));
  const { checkpoints } = leadership;
  const relay = new Relay({
    store,
    checkpoints,
    amqpUrl: config.amqpUrl,
    exchange: config.relayExchange,
    name: settings.name,
    window: settings.window,
    source,
    failpoint: failpointFromEnv(),
  });
  await leadership.start(relay);
  // Like the projector's start line: a standby says so, so an operator (or a cluster test) sees it is up.
  console.log(
    `[relay] relaying to exchange ${config.relayExchange} while it holds the lease (standing for the lease until then)`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await leadership.stop(relay);
  await checkpoints.close();
  await store.close();
}

export async function runReplay(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      project: { type: 'string' },
      exchange: { type: 'string' },
      queue: { type: 'string' },
    },
  });
  const config = loadConfig();
  const selection = replaySelection(values);
  if (values.exchange && values.queue) throw new UsageError('give --exchange or --queue, not both');
  const target: ReplayTarget = values.queue
    ? { queue: values.queue }
    : { exchange: values.exchange ?? config.relayExchange };
  const store = createEventStore(config);
  const model = await connect(config.amqpUrl);
  try {
    const channel = await model.createConfirmChannel();
    if ('queue' in target) await channel.checkQueue(target.queue);
    else await channel.checkExchange(target.exchange);
    const { published } = await replayEvents({
      store,
      channel,
      target,
      selection,
      source: loadRelaySettings().source ?? defaultEventSource(await loadLedgerInstance(config)),
    });
    console.log(
      `replayed ${published} events to ${'queue' in target ? `queue ${target.queue}` : `exchange ${target.exchange}`}`,
    );
  } finally {
    await model.close().catch(() => undefined);
    await store.close();
  }
}

export function writeAsyncApi(args: string[]): void {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  const out = values.out ?? ASYNCAPI_DOCUMENT_PATH;
  writeFileSync(out, renderAsyncApiYaml());
  console.log(`wrote ${out}`);
}

export class UsageError extends Error {}

function replaySelection(values: { from?: string; to?: string; project?: string }): ReplaySelection {
  if (values.project) {
    if (values.from || values.to) throw new UsageError('give --project or --from/--to, not both');
    return { projectId: values.project };
  }
  const from = Number(values.from);
  const to = Number(values.to);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < from) {
    throw new UsageError('--from and --to must be positions with 1 <= from <= to');
  }
  return { from, to };
}
