import { createPublicKey } from 'node:crypto';
import { foldProject, toProjectEvent, type ProjectEventType } from '@ledger/domain';
import { effectiveDates } from './as-of/effective-date';
import { foldAsOf } from './as-of/as-of.fold';
import { verifyExport } from './export/export.verifier';
import { canonicalJson } from './chain/canonical-json';
import { asJson, goldenExpected, readGoldenLog } from './testing/golden-log';

/**
 * The golden event log was written by an earlier version of the ledger (see its README). Whatever the
 * current code does to read stored events (upcasters included), it must verify, fold and answer as-of
 * questions on that log exactly as the version that wrote it did.
 */
describe('golden event log (v1)', () => {
  const golden = readGoldenLog();
  const dates = [
    '2014-02',
    '2014-03',
    '2014-04',
    '2015-01-14',
    '2015-01-15',
    '2015-10',
    '2016',
    '2016-03',
    '2017',
    '2019',
  ];

  it('holds every event type of v1, corrections and signed checkpoints', () => {
    const types = new Set(golden.events.map((e) => e.type));
    // The types that existed when the log was written; later types belong in a later golden log.
    const v1Types: ProjectEventType[] = [
      'ProjectCreated',
      'ProjectStarted',
      'ProjectCompleted',
      'ProjectBudgetRevised',
      'ProjectSuspended',
      'ProjectResumed',
      'ProjectCancelled',
      'ProjectExtended',
      'ProjectRecordCorrected',
    ];
    for (const type of v1Types) expect(types).toContain(type);
    expect(golden.events.filter((e) => e.type === 'ProjectRecordCorrected')).toHaveLength(2);
    expect(golden.events.filter((e) => e.type === 'AuditCheckpointSigned')).toHaveLength(2);
  });

  it('verifies: every hash chain over the stored bytes and both signed checkpoints', async () => {
    const result = await verifyExport(golden.lines, createPublicKey(golden.publicKeyPem));
    expect(result).toEqual(goldenExpected('verification.json'));
    expect(result.ok).toBe(true);
  });

  it('reading an event never changes what the hash covers', () => {
    for (const event of golden.projectEvents) {
      const before = canonicalJson(event);
      toProjectEvent(event);
      expect(canonicalJson(event)).toBe(before);
    }
  });

  it('folds every project to the state the writing version had', () => {
    const states = Object.fromEntries(
      [...golden.streams].map(([streamId, events]) => [streamId, foldProject(events.map(toProjectEvent))]),
    );
    expect(asJson(states)).toEqual(goldenExpected('states.json'));
  });

  it('answers as-of questions on both timelines and by revision as the writing version did', () => {
    const asOf = Object.fromEntries(
      [...golden.streams].map(([streamId, stream]) => [
        streamId,
        {
          effectiveDates: Object.fromEntries(effectiveDates(stream)),
          byEffectiveDate: Object.fromEntries(
            dates.map((d) => [d, foldAsOf(stream, { kind: 'effectiveDate', value: d })]),
          ),
          byRecordedAt: Object.fromEntries(
            dates.map((d) => [d, foldAsOf(stream, { kind: 'recordedAt', value: d })]),
          ),
          byRevision: Object.fromEntries(
            stream.map((e) => [e.revision, foldAsOf(stream, { kind: 'revision', value: e.revision })]),
          ),
        },
      ]),
    );
    expect(asJson(asOf)).toEqual(goldenExpected('as-of.json'));
  });
});
