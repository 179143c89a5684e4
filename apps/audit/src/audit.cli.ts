import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import {
  HashChainingEventStore,
  LogVerification,
  checkpointNow,
  csvLines,
  exportLines,
  keyIdOf,
  loadSigningKey,
  parsePublicKey,
  verifyExport,
  verifyStore,
} from '@ledger/audit';
import type { EventStore } from '@ledger/event-store';
import { AppConfig, createEventStore } from '@ledger/platform';
import { checkReadModel, type ReadModelConfig } from '@ledger/read-model';
import { openOutputFile } from './output-file';
import { progressBar } from './progress';

export const USAGE = `usage: npm run audit -- <command> [options]
  export [--project <id>] [--format ndjson|csv] [--out <file>] [--progress]
                       history of one project or of the whole log (stdout by default)
  verify-export <file> --public-key <pem file>
                       check an NDJSON export offline: hash chains, signed checkpoints; exit 1 if it fails
  verify [--public-key <pem file>]
                       check the live store in DATA_DIR (key: the ledger's own unless given); exit 1 if it fails
  checkpoint           sign a checkpoint of the live store now (uses AUDIT_SIGNING_KEY or the data dir key)
  replay-diff          replay the log into a fresh read model and diff it with the live one; exit 1 on differences`;

export class UsageError extends Error {}

type Out = (line: string) => void;

export interface CliArgs {
  command: string;
  positional: string[];
  options: Record<string, string | true>;
}

export function parseArgs(argv: string[]): CliArgs {
  const [command = 'help', ...rest] = argv;
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) positional.push(arg);
    else if (rest[i + 1] !== undefined && !rest[i + 1].startsWith('--')) options[arg.slice(2)] = rest[++i];
    else options[arg.slice(2)] = true;
  }
  return { command, positional, options };
}

const text = (args: CliArgs, name: string): string | undefined => {
  const value = args.options[name];
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value;
};

async function withStore<T>(config: AppConfig, work: (store: EventStore) => Promise<T>): Promise<T> {
  if (config.eventStore === 'sqlite' && !existsSync(join(config.dataDir, 'events.sqlite'))) {
    throw new UsageError(`No event store at ${join(config.dataDir, 'events.sqlite')} (set DATA_DIR)`);
  }
  const store = HashChainingEventStore.wrap(createEventStore(config));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function write(sink: Writable, line: string): Promise<void> {
  if (!sink.write(`${line}\n`)) await once(sink, 'drain');
}

export async function runExport(config: AppConfig, args: CliArgs, out: Out): Promise<void> {
  const format = text(args, 'format') ?? 'ndjson';
  if (format !== 'ndjson' && format !== 'csv') throw new UsageError('--format must be ndjson or csv');
  const file = text(args, 'out');
  const output = file ? openOutputFile(file) : null;
  const sink: Writable = output ? output.sink : process.stdout;
  const bar = progressBar('export', args.options.progress === true);
  let events = 0;
  try {
    await withStore(config, async (store) => {
      const options = {
        projectId: text(args, 'project'),
        now: new Date(),
        onProgress: (done: number, total: number) => bar.update((events = done), total),
      };
      if (format === 'csv') for await (const line of csvLines(store, options)) await write(sink, line);
      else for await (const line of exportLines(store, options)) await write(sink, JSON.stringify(line));
    });
  } catch (error) {
    await output?.discard();
    throw error;
  } finally {
    bar.stop();
  }
  if (output) {
    await output.commit();
    out(`exported ${events} events to ${file}`);
  }
}

function report(result: LogVerification, out: Out): boolean {
  out(
    `${result.ok ? 'OK' : 'FAILED'}: ${result.events} events in ${result.streams} streams; ${result.checkpointsVerified} signed checkpoint(s) verified, signed through position ${result.signedThroughPosition} (${result.signedEvents} of ${result.events} events covered)`,
  );
  for (const f of result.failures) {
    const where = [
      f.streamId && `stream ${f.streamId}`,
      f.revision !== undefined && `revision ${f.revision}`,
      f.position !== undefined && `position ${f.position}`,
    ]
      .filter(Boolean)
      .join(', ');
    out(`  ${f.code}${where ? ` (${where})` : ''}: ${f.message}`);
  }
  return result.ok;
}

export async function runVerifyExport(args: CliArgs, out: Out): Promise<boolean> {
  const [file] = args.positional;
  const keyFile = text(args, 'public-key');
  if (!file || !keyFile) throw new UsageError('verify-export needs <file> and --public-key <pem file>');
  const publicKey = parsePublicKey(readFileSync(keyFile, 'utf8'));
  out(`key ${keyIdOf(publicKey)}`);
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  return report(await verifyExport(lines, publicKey), out);
}

export async function runVerify(config: AppConfig, args: CliArgs, out: Out): Promise<boolean> {
  const keyFile = text(args, 'public-key');
  const keyOf = () => {
    if (!keyFile) return loadSigningKey({ configured: config.auditSigningKey, dataDir: config.dataDir });
    const publicKey = parsePublicKey(readFileSync(keyFile, 'utf8'));
    return { publicKey, keyId: keyIdOf(publicKey) };
  };
  const bar = progressBar('verify', args.options.progress === true);
  const result = await withStore(config, (store) =>
    verifyStore(store, keyOf(), { onProgress: (d, t) => bar.update(d, t) }),
  );
  bar.stop();
  return report(result, out);
}

export async function runCheckpoint(config: AppConfig, out: Out): Promise<void> {
  const key = loadSigningKey({ configured: config.auditSigningKey, dataDir: config.dataDir });
  const { checkpoint, eventPosition } = await withStore(config, (store) =>
    checkpointNow(store, key, new Date()),
  );
  out(
    `signed checkpoint of position ${checkpoint.position} (${checkpoint.streamCount} streams, key ${checkpoint.keyId}) stored at position ${eventPosition}`,
  );
}

export async function runReplayDiff(config: AppConfig, out: Out): Promise<boolean> {
  const { position, differences } = await withStore(config, (store) =>
    checkReadModel(config as ReadModelConfig, store),
  );
  if (differences.length === 0) {
    out(`live read model equals a replay of the log up to position ${position}`);
    return true;
  }
  out(`${differences.length} difference(s) from a replay up to position ${position}:`);
  for (const d of differences)
    out(`  ${d.kind.padEnd(10)} ${d.table} ${d.key}${d.columns ? ` ${JSON.stringify(d.columns)}` : ''}`);
  return false;
}

/** Runs one command; resolves to the process exit code (0 ok, 1 verification failed, 2 usage). */
export async function runAuditCli(
  argv: string[],
  config: AppConfig,
  out: Out = console.log,
): Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'export':
      await runExport(config, args, out);
      return 0;
    case 'verify-export':
      return (await runVerifyExport(args, out)) ? 0 : 1;
    case 'verify':
      return (await runVerify(config, args, out)) ? 0 : 1;
    case 'checkpoint':
      await runCheckpoint(config, out);
      return 0;
    case 'replay-diff':
      return (await runReplayDiff(config, out)) ? 0 : 1;
    case 'help':
    case '--help':
      out(USAGE);
      return 0;
    default:
      throw new UsageError(`unknown command ${args.command}`);
  }
}
