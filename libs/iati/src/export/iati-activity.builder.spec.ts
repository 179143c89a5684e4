import { XMLParser } from 'fast-xml-parser';
import { addDecimal } from '@ledger/domain';
import { GENERATED_AT, ORG, mongoliaRecord } from '../testing/iati.fixtures';
import { buildIatiActivitiesXml, countryPercentages } from './iati-activity.builder';

/** The 2.03 schema's iati-activity sequence, for the elements the export writes. */
const SCHEMA_ORDER = [
  'iati-identifier',
  'reporting-org',
  'title',
  'description',
  'participating-org',
  'other-identifier',
  'activity-status',
  'activity-date',
  'contact-info',
  'activity-scope',
  'recipient-country',
  'recipient-region',
  'location',
  'sector',
  'tag',
  'country-budget-items',
  'humanitarian-scope',
  'policy-marker',
  'collaboration-type',
  'default-flow-type',
  'default-finance-type',
  'default-aid-type',
  'default-tied-status',
  'budget',
];

const parse = (xml: string) =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    preserveOrder: true,
    parseTagValue: false,
    parseAttributeValue: false,
  }).parse(xml);

function activityChildren(xml: string): { name: string; attrs: Record<string, string>; node: unknown[] }[] {
  const doc = parse(xml) as Record<string, unknown>[];
  const root = doc.find((n) => 'iati-activities' in n) as Record<string, unknown[]>;
  const activity = root['iati-activities'].find((n) => 'iati-activity' in (n as object)) as Record<
    string,
    unknown[]
  >;
  return (activity['iati-activity'] as Record<string, unknown>[]).map((child) => {
    const name = Object.keys(child).find((k) => k !== ':@') as string;
    return { name, attrs: (child[':@'] ?? {}) as Record<string, string>, node: child[name] as unknown[] };
  });
}

describe('buildIatiActivitiesXml', () => {
  const xml = buildIatiActivitiesXml([mongoliaRecord()], { reportingOrg: ORG, generatedAt: GENERATED_AT });
  const children = activityChildren(xml);

  it('writes an iati-activities 2.03 document with its generated-datetime', () => {
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<iati-activities version="2.03" generated-datetime="2026-01-02T03:04:05.000Z"/,
    );
  });

  it('writes the activity elements in the order of the 2.03 schema, required ones included', () => {
    const names = children.map((c) => c.name);
    const positions = names.map((n) => SCHEMA_ORDER.indexOf(n));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const required of [
      'iati-identifier',
      'reporting-org',
      'title',
      'description',
      'participating-org',
      'activity-status',
      'activity-date',
    ]) {
      expect(names).toContain(required);
    }
  });

  it('maps the Mongolia record to IATI codes', () => {
    const attrsOf = (name: string) => children.filter((c) => c.name === name).map((c) => c.attrs);
    expect(xml).toContain('<iati-identifier>XM-DAC-47066-TC.0789</iati-identifier>');
    expect(attrsOf('other-identifier')).toEqual([{ '@ref': 'MN10P0001', '@type': 'A1' }]);
    expect(attrsOf('activity-status')).toEqual([{ '@code': '3' }]);
    expect(attrsOf('activity-scope')).toEqual([{ '@code': '4' }]);
    // The project holds no shares of its own: the even split is computed, and marked so.
    expect(attrsOf('recipient-country')).toEqual([
      { '@code': 'MN', '@percentage': '100.00', '@ledger:computed': 'even-split' },
    ]);
    // Mongolia's region follows from its country (the import derives it back), so none is written.
    expect(attrsOf('recipient-region')).toEqual([]);
    // The project type stands in for sectors the project does not hold (an import reads it as the type only).
    expect(attrsOf('sector')).toEqual([
      { '@code': 'TCMMCB', '@vocabulary': '99', '@percentage': '100', '@ledger:stands-in': 'project-type' },
    ]);
    expect(attrsOf('activity-date')).toEqual([
      { '@type': '1', '@iso-date': '2014-01-01', '@ledger:precision': 'year' },
      { '@type': '2', '@iso-date': '2014-03-01', '@ledger:precision': 'month' },
      { '@type': '3', '@iso-date': '2016-12-31', '@ledger:precision': 'year' },
      { '@type': '4', '@iso-date': '2016-12-31', '@ledger:precision': 'month' },
    ]);
  });

  it('writes the original and the revised budget as yearly periods that add up to each total', () => {
    const budgets = children.filter((c) => c.name === 'budget');
    const summed = (type: string) =>
      budgets
        .filter((b) => b.attrs['@type'] === type)
        .map((b) => JSON.stringify(b.node))
        .map((s) => /"#text":"([\d.]+)"/.exec(s)![1])
        .reduce((a, b) => addDecimal(a, b), '0');
    expect(budgets).toHaveLength(6);
    expect(summed('1')).toBe('180000');
    expect(summed('2')).toBe('200000');
    expect(xml).toContain('<period-start iso-date="2015-01-01"/>');
    expect(xml).toContain('value currency="USD" value-date="2015-01-15"');
  });

  it('writes the humanitarian flag of a humanitarian project, and none otherwise', () => {
    const record = mongoliaRecord();
    expect(buildIatiActivitiesXml([record], { reportingOrg: ORG, generatedAt: GENERATED_AT })).not.toContain(
      'humanitarian=',
    );
    record.project = { ...record.project, humanitarian: true };
    expect(buildIatiActivitiesXml([record], { reportingOrg: ORG, generatedAt: GENERATED_AT })).toContain(
      'humanitarian="1"',
    );
  });

  it('writes the participating organisations the project holds, the funder with its activity id', () => {
    const record = mongoliaRecord();
    record.project = {
      ...record.project,
      participatingOrgs: [
        {
          orgId: 'org-1',
          role: 'funding',
          name: 'MOFA Japan',
          ref: 'XM-DAC-701-2',
          type: '10',
          activityId: 'JP-1',
        },
      ],
    };
    const xml = buildIatiActivitiesXml([record], { reportingOrg: ORG, generatedAt: GENERATED_AT });
    expect(xml).toContain(
      '<participating-org ref="XM-DAC-701-2" role="1" type="10" activity-id="JP-1">\n      <narrative>MOFA Japan</narrative>',
    );
    expect(xml).not.toContain('role="4"');
  });

  it('writes the region when the countries do not imply it', () => {
    const record = mongoliaRecord();
    record.project = { ...record.project, region: 'Europe' };
    const xml = buildIatiActivitiesXml([record], { reportingOrg: ORG, generatedAt: GENERATED_AT });
    expect(xml).toContain('<recipient-region code="europe" vocabulary="99">');
  });

  it('marks a pro-rata split indicative, and writes a span of twelve months or less as one committed budget', () => {
    const statuses = (xml: string) => [...xml.matchAll(/<budget type="\d" status="(\d)"/g)].map((m) => m[1]);
    const split = buildIatiActivitiesXml([mongoliaRecord()], {
      reportingOrg: ORG,
      generatedAt: GENERATED_AT,
    });
    expect(new Set(statuses(split))).toEqual(new Set(['1']));
    const record = mongoliaRecord();
    record.project = { ...record.project, plannedStart: '2020-03-15', plannedEnd: '2021-03-14' };
    record.revisions = [];
    const single = buildIatiActivitiesXml([record], { reportingOrg: ORG, generatedAt: GENERATED_AT });
    expect(statuses(single)).toEqual(['2']);
    expect(single).toContain('<period-start iso-date="2020-03-15"/>');
    expect(single).toContain('<period-end iso-date="2021-03-14"/>');
  });

  it('escapes text so titles with markup stay text', () => {
    const record = mongoliaRecord();
    record.project = { ...record.project, title: 'Borders & <Bridges>' };
    expect(buildIatiActivitiesXml([record], { reportingOrg: ORG, generatedAt: GENERATED_AT })).toContain(
      '<narrative>Borders &amp; &lt;Bridges&gt;</narrative>',
    );
  });
});

describe('countryPercentages', () => {
  it('shares 100 evenly and gives the remainder to the last country', () => {
    expect(countryPercentages(3)).toEqual(['33.33', '33.33', '33.34']);
    expect(countryPercentages(1)).toEqual(['100.00']);
  });
});

describe('XML text', () => {
  it('drops characters XML 1.0 cannot carry instead of writing an unreadable document', () => {
    const record = mongoliaRecord();
    record.project = { ...record.project, title: 'Border\u0007 posts\ttraining' };
    const xml = buildIatiActivitiesXml([record], { reportingOrg: ORG, generatedAt: GENERATED_AT });
    expect(xml).toContain('<narrative>Border posts\ttraining</narrative>');
  });
});
