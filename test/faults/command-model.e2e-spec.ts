import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningLedger, startLedger } from '../support/standalone-harness';
import {
  apply,
  expected,
  requestOf,
  type Expected,
  type LedgerModel,
  type ModelCommand,
} from './support/command.model';
import { reportFigures, scaled } from './support/fault-scale';

const RUNS = scaled(20, 60);
const MAX_COMMANDS = scaled(25, 60);
const PROJECTS = ['MB.1', 'MB.2', 'MB.3'];

interface Real {
  ledger: RunningLedger;
  dataDir: string;
}

const figures = { runs: 0, commands: 0, accepted: 0, rejected: 0, restarts: 0, historyChecks: 0 };

async function send(
  real: Real,
  projectId: string,
  command: ModelCommand,
  headers: Record<string, string> = {},
) {
  const { path, body } = requestOf(projectId, command);
  const response = await real.ledger.call('POST', path, { role: 'publisher', body, headers });
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    replayed: response.headers.get('idempotent-replayed'),
    body: await response.json(),
  };
}

function checkResponse(
  actual: { status: number; body: { code?: string } },
  want: Expected,
  what: string,
): void {
  if (actual.status !== want.status || (want.code && actual.body.code !== want.code)) {
    throw new Error(
      `${what}: expected ${want.status} ${want.code ?? ''}, got ${actual.status} ${JSON.stringify(actual.body)}`,
    );
  }
}

/** A lifecycle command, optionally with If-Match (fresh or stale) or sent twice with one Idempotency-Key. */
class SendCommand implements fc.AsyncCommand<LedgerModel, Real> {
  constructor(
    readonly projectId: string,
    readonly command: ModelCommand,
    readonly mode: 'plain' | 'if-match' | 'stale-if-match' | 'retried',
  ) {}
  check = () => true;
  async run(model: LedgerModel, real: Real): Promise<void> {
    const current = (model.projects.get(this.projectId)?.events.length ?? 0) - 1;
    const ifMatch =
      this.mode === 'if-match' ? current : this.mode === 'stale-if-match' ? current + 1 : undefined;
    const want = expected(model, this.projectId, this.command, ifMatch);
    const headers: Record<string, string> = {};
    if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`;
    if (this.mode === 'retried') headers['idempotency-key'] = randomUUID();
    const first = await send(real, this.projectId, this.command, headers);
    checkResponse(first, want, this.toString());
    figures.commands++;
    if (first.status >= 300) return void figures.rejected++;
    figures.accepted++;
    apply(model, this.projectId, this.command, want.event!);
    const revision = model.projects.get(this.projectId)!.events.length - 1;
    if (first.etag !== `"${revision}"`)
      throw new Error(`${this}: ETag ${first.etag}, model revision ${revision}`);
    if (this.mode === 'retried') {
      const retry = await send(real, this.projectId, this.command, headers);
      if (
        retry.status !== first.status ||
        retry.replayed !== 'true' ||
        JSON.stringify(retry.body) !== JSON.stringify(first.body)
      ) {
        throw new Error(
          `${this}: retry answered ${retry.status} ${JSON.stringify(retry.body)} (replayed=${retry.replayed})`,
        );
      }
    }
  }
  toString = () =>
    `${this.command.kind}(${this.projectId}${'amount' in this.command ? `, ${this.command.amount}` : ''}${'year' in this.command ? `, ${this.command.year}` : ''}) [${this.mode}]`;
}

/** Closes the app and opens a new one on the same data dir: nothing accepted may be lost or changed. */
class Restart implements fc.AsyncCommand<LedgerModel, Real> {
  check = () => true;
  async run(_model: LedgerModel, real: Real): Promise<void> {
    await real.ledger.stop({ keepData: true });
    real.ledger = await startLedger({ dataDir: real.dataDir });
    figures.restarts++;
  }
  toString = () => 'restart';
}

/** The recorded history equals the model's: same event types, gapless revisions, increasing positions. */
class CheckHistory implements fc.AsyncCommand<LedgerModel, Real> {
  constructor(readonly projectId: string) {}
  check = () => true;
  async run(model: LedgerModel, real: Real): Promise<void> {
    const response = await real.ledger.call('GET', `/projects/${this.projectId}/events`, { role: 'auditor' });
    const project = model.projects.get(this.projectId);
    figures.historyChecks++;
    if (!project) {
      if (response.status !== 404) throw new Error(`${this}: expected 404, got ${response.status}`);
      return;
    }
    const events = (await response.json()) as { type: string; revision: number; position: number }[];
    const types = events.map((e) => e.type);
    if (JSON.stringify(types) !== JSON.stringify(project.events))
      throw new Error(`${this}: history ${types.join(',')} ≠ model ${project.events.join(',')}`);
    if (events.some((e, i) => e.revision !== i || (i > 0 && e.position <= events[i - 1].position))) {
      throw new Error(
        `${this}: revisions or positions out of order: ${JSON.stringify(events.map((e) => [e.revision, e.position]))}`,
      );
    }
  }
  toString = () => `history(${this.projectId})`;
}

const projectId = fc.constantFrom(...PROJECTS);
const lifecycle: fc.Arbitrary<ModelCommand> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'create' as const }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<ModelCommand>(
      { kind: 'start' },
      { kind: 'complete' },
      { kind: 'suspend' },
      { kind: 'resume' },
      { kind: 'cancel' },
    ),
  },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(200_000, 210_000, 250_000)
      .map((amount) => ({ kind: 'revise' as const, amount })),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 2015, max: 2019 }).map((year) => ({ kind: 'extend' as const, year })),
  },
);
const sendCommand = fc
  .tuple(
    projectId,
    lifecycle,
    fc.constantFrom<SendCommand['mode']>('plain', 'plain', 'if-match', 'stale-if-match', 'retried'),
  )
  .map(([id, command, mode]) => new SendCommand(id, command, mode));
// fc.commands picks among its arbitraries evenly: listing one several times weights it.
const commands = [
  ...Array(6).fill(sendCommand),
  fc.constant(new Restart()),
  projectId.map((id) => new CheckHistory(id)),
];

describe('model-based test of the command API with crash-and-restart steps (fast-check)', () => {
  it(
    `${RUNS} runs of up to ${MAX_COMMANDS} commands match a reference model of statuses, budgets and histories`,
    async () => {
      const started = Date.now();
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: MAX_COMMANDS, size: 'max' }), async (steps) => {
          const dataDir = mkdtempSync(join(tmpdir(), 'ledger-model-'));
          const real: Real = { dataDir, ledger: await startLedger({ dataDir }) };
          figures.runs++;
          try {
            // The commands update this model in place, so it holds the final expected state after the run.
            const model: LedgerModel = { projects: new Map() };
            await fc.asyncModelRun(() => ({ model, real }), steps);
            // Whatever the last step was, a final restart must show every project exactly as the model has it.
            await new Restart().run(model, real);
            for (const id of PROJECTS) await new CheckHistory(id).run(model, real);
          } finally {
            await real.ledger.stop();
            rmSync(dataDir, { recursive: true, force: true });
          }
        }),
        { numRuns: RUNS },
      );
      reportFigures('command-model', { ...figures, seconds: ((Date.now() - started) / 1000).toFixed(1) });
      expect(figures.accepted).toBeGreaterThan(0);
      expect(figures.restarts).toBeGreaterThan(0);
    },
    scaled(180_000, 600_000),
  );
});
