import { ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { range, SubscriptionProbe } from '../testing/contract.fixtures';
import { tempDir } from '../testing/temp-sqlite.fixture';
import { SqliteEventStore } from './sqlite.event-store';

const ROUNDS = 40;
const PER_ROUND = 10;
const PER_PROCESS = ROUNDS * (PER_ROUND + 1);
const repoRoot = resolve(__dirname, '../../../..');

function startWriter(
  file: string,
  name: string,
): { child: ChildProcess; ready: Promise<void>; done: Promise<string> } {
  const child = spawn(
    process.execPath,
    [join(__dirname, 'sqlite.append.worker.js'), file, name, `${ROUNDS}`, `${PER_ROUND}`],
    {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk) => (err += chunk));
  const ready = new Promise<void>((ok) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.startsWith('ready\n')) ok();
    });
  });
  const done = new Promise<string>((ok, fail) =>
    child.on('exit', (code) =>
      code === 0 ? ok(out.slice('ready\n'.length).trim()) : fail(new Error(`${name} exited ${code}: ${err}`)),
    ),
  );
  return { child, ready, done };
}

describe('SqliteEventStore shared by two processes', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let observer: SqliteEventStore;
  const children: ChildProcess[] = [];
  beforeEach(async () => {
    tmp = await tempDir();
    observer = new SqliteEventStore({ file: tmp.file, pollIntervalMs: 20 });
  });
  afterEach(async () => {
    children.splice(0).forEach((c) => c.exitCode === null && c.kill());
    await observer.close();
    await tmp.remove();
  });

  it('loses nothing and keeps positions gapless while both append at once, seen live by a third connection', async () => {
    const probe = new SubscriptionProbe(observer.subscribe());
    const writers = [startWriter(tmp.file, 'alpha'), startWriter(tmp.file, 'beta')];
    children.push(...writers.map((w) => w.child));
    await Promise.all(writers.map((w) => w.ready));
    writers.forEach((w) => w.child.stdin!.write('go\n'));
    const stats = (await Promise.all(writers.map((w) => w.done))).map(
      (s) => JSON.parse(s) as { appends: number },
    );
    expect(stats.map((s) => s.appends)).toEqual([PER_PROCESS, PER_PROCESS]);

    const total = 2 * PER_PROCESS;
    expect(await observer.headPosition()).toBe(total);
    const all = await observer.readAll({ limit: total + 1 });
    expect(all.map((e) => e.position)).toEqual(range(1, total));
    expect(new Set(all.map((e) => e.eventId)).size).toBe(total);
    const shared = await observer.readStream('shared');
    expect(shared.map((e) => e.revision)).toEqual(range(0, 2 * ROUNDS - 1));
    // Writers switched more than once: the two processes really did interleave their commits.
    const writersInOrder = all.map((e) => e.metadata.actor as string);
    const switches = writersInOrder.filter((w, i) => i > 0 && w !== writersInOrder[i - 1]).length;
    expect(switches).toBeGreaterThan(2);

    await probe.waitFor(total, 10_000);
    expect(probe.positions()).toEqual(range(1, total));
    await probe.subscription.close();
  }, 60_000);
});
