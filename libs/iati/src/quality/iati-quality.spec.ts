import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIatiActivitiesXml } from '../export/iati-activity.builder';
import { GENERATED_AT, ORG, mongoliaRecord } from '../testing/iati.fixtures';
import { scoreIatiQuality } from './iati-quality';

const IOM = readFileSync(
  join(__dirname, '../../../../test/fixtures/iati-real/iom-somalia-dp-2154.xml'),
  'utf8',
);

describe('scoreIatiQuality (IATI Dashboard methodology)', () => {
  it('names the tests a real IOM activity fails, and scores its publisher', () => {
    const report = scoreIatiQuality(IOM, new Date('2020-06-30T00:00:00Z'));
    const [project] = report.projects;
    expect(project).toMatchObject({
      iatiIdentifier: 'XM-DAC-47066-DP.2154',
      publisher: 'XM-DAC-47066',
      current: true,
    });
    expect(project.failing.map((f) => f.id)).toEqual([
      'financials.disbursement-or-expenditure',
      'value-added.documents',
    ]);
    // The budget runs from March 2020 to March 2021: this year and next are covered, the activity ends before the third.
    expect(project.forwardLooking).toEqual({ '2020': true, '2021': true });
    expect(project.timeliness).toEqual({
      lastTransactionDate: '2020-03-01',
      daysSince: 121,
      lag: 'six months',
    });
    expect(report.publishers).toEqual([
      expect.objectContaining({
        publisher: 'XM-DAC-47066',
        activities: 1,
        current: 1,
        comprehensiveness: { core: 100, financials: 80, 'value-added': 85.7 },
        forwardLooking: { '2020': 100, '2021': 100, '2022': 0 },
      }),
    ]);
  });

  it('tells a ledger-made project what it lacks before it is published', () => {
    const record = mongoliaRecord();
    record.project = { ...record.project, status: 'active', actualEnd: null, plannedEnd: '2027-12' };
    const xml = buildIatiActivitiesXml([record], { reportingOrg: ORG, generatedAt: GENERATED_AT });
    const [project] = scoreIatiQuality(xml, new Date('2026-03-01T00:00:00Z')).projects;
    expect(project.failing.map((f) => f.id)).toEqual(
      expect.arrayContaining(['core.participating-org', 'financials.commitment', 'value-added.dac-sectors']),
    );
    expect(project.timeliness.lag).toBe('no transactions');
  });
});
