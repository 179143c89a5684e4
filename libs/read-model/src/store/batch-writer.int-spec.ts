import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import type { RecordedEvent } from '@ledger/event-store';
import { PROJECTS_SUBSCRIPTION, STATS_DIMENSIONS } from '../read-model.port';
import { budgetRevised, projectCreated, recorded } from '../testing/project-events.fixture';
import { openSqliteReadModel } from './sqlite.read-model';

const amount = fc
  .tuple(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }))
  .map(([i, c]) => `${i}.${String(c).padStart(2, '0')}`);
const project = fc.record({
  region: fc.constantFrom('Africa', 'Europe', 'Global'),
  fundingYear: fc.integer({ min: 2010, max: 2013 }),
  projectType: fc.constantFrom('AA', 'BB'),
  currency: fc.constantFrom('USD', 'EUR'),
  budget: amount,
  steps: fc.array(
    fc.oneof(
      fc.constantFrom('ProjectStarted', 'ProjectSuspended', 'ProjectCompleted', 'ProjectCancelled'),
      amount,
    ),
    { maxLength: 6 },
  ),
});

/** Turns generated projects into one interleaved log (each project's events keep their order). */
type GeneratedProject = typeof project extends fc.Arbitrary<infer T> ? T : never;

function logOf(projects: GeneratedProject[], order: number[]): RecordedEvent[] {
  const streams = projects.map((p, i) => {
    const id = `P.${i}`;
    let current = p.budget;
    const events: { type: string; data: unknown }[] = [
      projectCreated({
        projectId: id,
        primaId: null,
        region: p.region as 'Africa',
        fundingYear: p.fundingYear,
        projectType: p.projectType,
        budget: { amount: p.budget, currency: p.currency },
      }),
    ];
    for (const step of p.steps) {
      if (step.startsWith('Project'))
        events.push({
          type: step,
          data: { projectId: id, actualStart: '2014', actualEnd: '2015', reason: 'r' },
        });
      else {
        events.push(budgetRevised(id, current, step, new Decimal(step).minus(current).toFixed(), p.currency));
        current = step;
      }
    }
    return events;
  });
  const log: RecordedEvent[] = [];
  const next = streams.map(() => 0);
  for (const pick of [...order, ...streams.flatMap((s, i) => s.map(() => i))]) {
    const i = pick % streams.length;
    if (next[i] < streams[i].length) log.push(recorded(streams[i][next[i]], next[i]++, log.length + 1));
  }
  return log;
}

describe('batch writer (property)', () => {
  it('keeps statistics equal to a fresh count of the project rows, however the log is split into batches', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rm-prop-'));
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(project, { minLength: 1, maxLength: 5 }),
          fc.array(fc.nat(), { maxLength: 30 }),
          fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }),
          async (projects, order, sizes) => {
            const model = await openSqliteReadModel(join(dir, `rm-${run++}.sqlite`));
            try {
              const log = logOf(projects, order);
              for (let at = 0, i = 0; at < log.length; i++) {
                const size = sizes[i % sizes.length];
                await model.applyBatch(PROJECTS_SUBSCRIPTION, log.slice(at, at + size));
                at += size;
              }
              const rows = await model.db.selectFrom('projects').selectAll().execute();
              for (const dimension of STATS_DIMENSIONS) {
                const expected = new Map<string, { projects: number; total: Decimal }>();
                for (const row of rows) {
                  const key = `${String(row[dimension])}|${row.budgetCurrency}`;
                  const seen = expected.get(key) ?? { projects: 0, total: new Decimal(0) };
                  expected.set(key, {
                    projects: seen.projects + 1,
                    total: seen.total.plus(row.budgetAmount),
                  });
                }
                const actual = (await model.budgetStats(dimension)).data;
                expect(
                  Object.fromEntries(
                    actual.map((s) => [`${s.key}|${s.budget.currency}`, [s.projects, s.budget.total]]),
                  ),
                ).toEqual(
                  Object.fromEntries([...expected].map(([k, v]) => [k, [v.projects, v.total.toFixed(2)]])),
                );
              }
              expect(await model.checkpoint()).toBe(log.length);
            } finally {
              await model.close();
            }
          },
        ),
        { numRuns: 40 },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
