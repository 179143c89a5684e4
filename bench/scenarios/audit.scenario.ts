import { projectStreamId } from '@ledger/domain';
import type { BenchOptions } from '../lib/options';
import { inFreshWorker, seededLog } from '../lib/fixtures';
import { pairedFigure, targets, type Results } from '../lib/results';
import type { LatencySummary } from '../lib/stats';

interface AsOfResult {
  ours: LatencySummary;
  raw: LatencySummary;
  revision: number;
}

/** Section 6: as-of state of a 10k-event project, and hash-chain verification of the whole log. */
export async function auditScenario(
  options: BenchOptions,
  results: Results,
  log: (m: string) => void,
): Promise<void> {
  const long = await seededLog(
    'long-stream',
    { events: options.asOfEvents, perProject: options.asOfEvents, idPrefix: 'LONG' },
    results,
    log,
  );
  // Seeded events are recorded one second apart from 2024-01-01: ask for the state three quarters in.
  const recordedAt = new Date(
    Date.parse('2024-01-01T00:00:00Z') + Math.floor(long.events * 0.75) * 1000,
  ).toISOString();
  const asOfOurs: number[] = [];
  const asOfRaw: number[] = [];
  const asOfLatencies: LatencySummary[] = [];
  const rawLatencies: LatencySummary[] = [];
  for (let rep = 0; rep < options.reps; rep++) {
    const r = await inFreshWorker<AsOfResult>(
      'audit (as-of)',
      'asOf',
      { file: long.file, streamId: projectStreamId('LONG.0'), recordedAt, times: 15 },
      results,
    );
    if (r.revision < long.events / 2) throw new Error(`as-of folded only up to revision ${r.revision}`);
    asOfOurs.push(r.ours.p50);
    asOfRaw.push(r.raw.p50);
    asOfLatencies.push(r.ours);
    rawLatencies.push(r.raw);
  }
  results.add(
    pairedFigure({
      id: 'audit.as-of',
      section: '6. Audit',
      label: `as-of state (recordedAt) of one project with ${long.events.toLocaleString('en-US')} events`,
      unit: 'ms (p50 of 15 calls)',
      runs: asOfOurs,
      latencies: asOfLatencies,
      baseline: { label: 'raw SELECT of the stream + JSON.parse', runs: asOfRaw, latencies: rawLatencies },
      target: targets.atMost(
        50,
        'ms',
        'reading and parsing the 10,000 rows is most of it (the raw SELECT + JSON.parse is the baseline); next: a snapshot of the folded state every few thousand events',
      ),
      notes: ['Library path (store.readStream + foldAsOf) in a fresh process; no HTTP.'],
    }),
  );

  const { file, events } = await seededLog(
    'log',
    { events: options.projectionEvents, perProject: 10 },
    results,
    log,
  );
  const ours: number[] = [];
  const raw: number[] = [];
  for (let rep = 0; rep < options.logReps; rep++) {
    log(`audit: verify repetition ${rep + 1}/${options.logReps} over ${events} events`);
    const v = await inFreshWorker<{ events: number; ms: number; ok: boolean }>(
      'audit (verify)',
      'verify',
      { file },
      results,
    );
    if (!v.ok || v.events !== events)
      throw new Error(`verification of the seeded log failed (ok ${v.ok}, ${v.events} events)`);
    const h = await inFreshWorker<{ events: number; ms: number }>(
      'raw hash scan',
      'rawHash',
      { file },
      results,
    );
    ours.push((v.events / v.ms) * 1000);
    raw.push((h.events / h.ms) * 1000);
  }
  results.add(
    pairedFigure({
      id: 'audit.verify',
      section: '6. Audit',
      label: `hash-chain verification of ${events.toLocaleString('en-US')} events (verifyStore)`,
      unit: 'events/s',
      runs: ours,
      baseline: { label: 'raw scan + one SHA-256 per stored row', runs: raw },
      notes: options.quick ? [`quick mode: ${events} events instead of 1M`] : [],
    }),
  );
}
