import { buildIatiActivitiesXml } from '../export/iati-activity.builder';
import { GENERATED_AT, ORG, mongoliaRecord } from '../testing/iati.fixtures';
import { checkIatiRules } from './iati-rules.checker';

const NOW = new Date('2026-06-01T00:00:00Z');
const doc = (inner: string, attrs = 'xml:lang="en" default-currency="USD"') =>
  `<iati-activities version="2.03"><iati-activity ${attrs}><iati-identifier>XM-DAC-47066-A.1</iati-identifier>` +
  `<reporting-org ref="XM-DAC-47066" type="40"><narrative>IOM</narrative></reporting-org>` +
  `<title><narrative>T</narrative></title><description><narrative>D</narrative></description>` +
  `<activity-date type="1" iso-date="2020-01-01"/><recipient-country code="SO"/><sector code="72010" vocabulary="1"/>${inner}</iati-activity></iati-activities>`;
const ids = (xml: string) => checkIatiRules(xml, { now: NOW }).map((f) => f.id);

describe('checkIatiRules (the vendored IATI Standard ruleset)', () => {
  it('finds no error in the ledger’s own export of the Mongolia project, and one honest warning', () => {
    const xml = buildIatiActivitiesXml([mongoliaRecord()], { reportingOrg: ORG, generatedAt: GENERATED_AT });
    // A project made in the ledger has its own project type (vocabulary 99) but no DAC sector.
    expect(checkIatiRules(xml, { now: NOW }).map((f) => [f.id, f.severity])).toEqual([
      ['102.1.1', 'warning'],
    ]);
  });

  it('flags a budget period longer than a year (7.5.3) but not one of exactly twelve months', () => {
    const budget = (end: string) =>
      `<budget type="1" status="1"><period-start iso-date="2020-03-15"/><period-end iso-date="${end}"/><value value-date="2020-03-15">1</value></budget>`;
    expect(ids(doc(budget('2021-03-14')))).toEqual([]);
    expect(ids(doc(budget('2021-06-30')))).toEqual(['7.5.3']);
  });

  it('flags sector percentages of one vocabulary that do not add up to 100 (2.1.2)', () => {
    const sectors =
      '<sector code="A" vocabulary="99" percentage="60"><narrative>A</narrative></sector>' +
      '<sector code="B" vocabulary="99" percentage="30"><narrative>B</narrative></sector>';
    expect(ids(doc(sectors))).toContain('2.1.2');
    expect(ids(doc(sectors.replace('"30"', '"40"')))).not.toContain('2.1.2');
  });

  it('flags an end before the start (11.1.2) and a transaction in the future (11.2.1)', () => {
    expect(ids(doc('<activity-date type="3" iso-date="2019-12-31"/>'))).toContain('11.1.2');
    const future =
      '<transaction><transaction-type code="3"/><transaction-date iso-date="2027-01-01"/><value value-date="2020-01-01">1</value></transaction>';
    expect(ids(doc(future))).toEqual(expect.arrayContaining(['11.2.1']));
  });

  it('flags an identifier that does not start with the organisation identifier (1.1.21, a warning)', () => {
    const failures = checkIatiRules(doc('').replace('XM-DAC-47066-A.1', 'GB-1-A.1'), { now: NOW });
    expect(failures.map((f) => [f.id, f.severity, f.activity])).toEqual([['1.1.21', 'warning', 'GB-1-A.1']]);
  });

  it('flags narratives without a language when the activity has no default (4.1.1)', () => {
    expect(ids(doc('', 'default-currency="USD"'))).toEqual(['4.1.1']);
  });
});
