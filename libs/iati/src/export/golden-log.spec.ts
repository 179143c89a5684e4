import { asJson, goldenExpected, readGoldenLog } from '@ledger/audit/testing/golden-log';
import { projectRecordFromEvents } from './iati-project.record';

/** The IATI export reads the golden event log (written by an earlier version) as that version did. */
describe('IATI records of the golden event log (v1)', () => {
  it('folds each project to the same record and budget history', () => {
    const records = Object.fromEntries(
      [...readGoldenLog().streams].map(([streamId, events]) => [streamId, projectRecordFromEvents(events)]),
    );
    expect(asJson(records)).toEqual(goldenExpected('iati-records.json'));
  });
});
