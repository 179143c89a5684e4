import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { activityToCommands } from './activity-to-commands';
import { IatiFileError, parseIatiActivities } from './iati-xml.parser';
import { readIatiActivities } from './iati-stream.reader';

const IOM = readFileSync(
  join(__dirname, '../../../../test/fixtures/iati-real/iom-somalia-dp-2154.xml'),
  'utf8',
);

const activity = (inner: string, root = '', version = '2.03') =>
  `<iati-activities version="${version}"><iati-activity ${root}>` +
  '<iati-identifier>XM-DAC-47066-TC.1</iati-identifier><reporting-org ref="XM-DAC-47066" type="40"/>' +
  `<title><narrative>T</narrative></title>${inner}</iati-activity></iati-activities>`;

describe('reading real IATI files', () => {
  it('reads a bare iati-activity as a data portal serves it, without --region', () => {
    const [iom] = parseIatiActivities(IOM);
    const plan = activityToCommands(iom);
    expect(plan.commands.map((c) => c.type)).toEqual([
      'CreateProject',
      'StartProject',
      'ChangeProjectSectors',
      'ChangeProjectLocations',
      'RecordTransaction',
    ]);
    expect(plan.commands[0].body).toMatchObject({
      projectId: 'DP.2154',
      region: 'Africa',
      projectType: 'DP',
      budget: { amount: '1459753.72', currency: 'USD' },
      benefitingMemberStates: ['SO'],
      humanitarian: true,
    });
  });

  it('holds its sectors of every vocabulary, its country share, its places and its transaction', () => {
    const plan = activityToCommands(parseIatiActivities(IOM)[0]);
    const body = (type: string) => plan.commands.find((c) => c.type === type)?.body;
    const uri = 'https://data.iom.int/codelist/sector.pdf';
    expect(body('ChangeProjectSectors')).toEqual({
      sectors: [
        { vocabulary: '99', code: 'DP', percentage: '100', vocabularyUri: uri },
        { vocabulary: '98', code: '01', percentage: '100', vocabularyUri: uri },
        { vocabulary: '1', code: '72010', percentage: '100', vocabularyUri: null },
      ],
    });
    expect(body('ChangeProjectLocations')).toEqual({
      recipientCountries: [{ country: 'SO', percentage: '100' }],
      locations: [
        {
          name: 'IOM Country Office - SO',
          ref: null,
          point: { latitude: 2.013475, longitude: 45.306415 },
          administrative: [],
        },
        {
          name: 'Somalia',
          ref: 'SO',
          point: null,
          administrative: [{ vocabulary: 'A4', code: 'SO', level: null }],
        },
      ],
    });
    expect(body('RecordTransaction')).toMatchObject({
      type: 'incoming-commitment',
      date: '2020-03-01',
      value: { amount: '1459753.72', currency: 'USD' },
      valueDate: '2020-03-01',
      provider: {
        name: 'Japan - Ministry of Foreign Affairs',
        ref: 'XM-DAC-701-2',
        activityId: 'XM-DAC-701-2-YK/IOM/71',
      },
      receiver: null,
    });
    expect(plan.skipped).toEqual([]);
  });

  it('holds the funder and the other participating organisations in the project fields', () => {
    const plan = activityToCommands(parseIatiActivities(IOM)[0]);
    expect(plan.commands[0].body.participatingOrgs).toEqual([
      {
        role: 'funding',
        name: 'Japan - Ministry of Foreign Affairs',
        ref: 'XM-DAC-701-2',
        type: '10',
        activityId: 'XM-DAC-701-2-YK/IOM/71',
      },
      {
        role: 'accountable',
        name: 'International Organization for Migration (IOM)',
        ref: 'XM-DAC-47066',
        type: '40',
        activityId: null,
      },
    ]);
  });

  it('keeps an organisation the domain cannot hold (a non-standard ref) verbatim only, holding the others', () => {
    const xml = IOM.replace('ref="XM-DAC-701-2" role="1"', 'ref="44001" role="1"');
    const plan = activityToCommands(parseIatiActivities(xml)[0]);
    expect(plan.commands[0].body.participatingOrgs).toEqual([
      expect.objectContaining({ role: 'accountable', ref: 'XM-DAC-47066' }),
    ]);
    expect(plan.skipped).toEqual([
      expect.objectContaining({
        element: 'participating-org role funding "Japan - Ministry of Foreign Affairs"',
        reason: expect.stringMatching(
          /^not held in the participating organisations field, kept verbatim: .*identifier/,
        ),
      }),
    ]);
  });

  it('accounts for everything: portal attributes refused, the rest kept, contact people listed apart', () => {
    const { source } = parseIatiActivities(IOM)[0];
    expect(source.attributes).toEqual({ humanitarian: '1', 'xml:lang': 'en', 'default-currency': 'USD' });
    expect(source.refused.map((r) => r.element)).toEqual([
      '@{http://d-portal.org/xmlns/dstore}dataset',
      '@{http://d-portal.org/xmlns/dstore}index',
      '@{http://d-portal.org/xmlns/iati-activities}generated-datetime',
      '@{http://d-portal.org/xmlns/iati-activities}version',
    ]);
    expect(source.elements.map((e) => e.name)).toEqual([
      'iati-identifier',
      'reporting-org',
      'title',
      'description',
      'participating-org',
      'participating-org',
      'activity-status',
      'activity-date',
      'activity-date',
      'activity-date',
      'contact-info',
      'recipient-country',
      'location',
      'location',
      'sector',
      'sector',
      'sector',
      'policy-marker',
      'budget',
      'capital-spend',
      'transaction',
    ]);
    expect(source.personal).toEqual([
      { element: 'contact-info/email', value: 'iomsomalia@iom.int' },
      {
        element: 'contact-info/mailing-address',
        value: 'Mansoor Area,Behind Maan-Soor Hotel, Hargeisa, Somalia',
      },
    ]);
  });

  it('refuses an element IATI 2.03 could not take back, saying why', () => {
    const { source } = parseIatiActivities(activity('<capital-spend/>'))[0];
    expect(source.refused).toEqual([
      {
        element: 'capital-spend',
        reason: expect.stringContaining('no @percentage, which IATI 2.03 requires'),
      },
    ]);
    expect(source.elements.map((e) => e.name)).not.toContain('capital-spend');
  });

  it('reads CRLF files, several languages, and versions 2.01 and 2.02', () => {
    const xml = activity(
      '<description><narrative xml:lang="fr">Français</narrative>\r\n<narrative xml:lang="en">Line one\r\nline two</narrative></description>',
    ).replace(/></g, '>\r\n<');
    for (const version of ['2.01', '2.02']) {
      const [read] = parseIatiActivities(xml.replace('version="2.03"', `version="${version}"`));
      expect(read.description).toBe('Line one\nline two');
    }
  });

  it('defaults a sector without vocabulary to DAC 5-digit and a budget without type or status to original, indicative', () => {
    const [read] = parseIatiActivities(
      activity(
        '<sector code="72010"/><budget><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><value currency="USD" value-date="2020-01-01">10</value></budget>',
      ),
    );
    expect(read.sectors).toEqual([
      { code: '72010', vocabulary: '1', percentage: null, vocabularyUri: null, projectTypeOnly: false },
    ]);
    expect(read.budgets[0]).toMatchObject({ type: '1', status: '1', amount: '10' });
  });

  it('takes the currency of each value when there is no default-currency', () => {
    const [read] = parseIatiActivities(
      activity(
        '<activity-date type="1" iso-date="2020-01-01"/><activity-date type="3" iso-date="2020-12-31"/><recipient-country code="KE"/><sector code="72010"/>' +
          '<budget type="1"><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><value currency="EUR" value-date="2020-01-01">10.50</value></budget>',
      ),
    );
    expect(activityToCommands(read).commands[0].body.budget).toEqual({ amount: '10.5', currency: 'EUR' });
  });

  it('rejects other roots, IATI 1.x and XML that is not well formed', () => {
    expect(() => parseIatiActivities(activity('', '', '1.05'))).toThrow(IatiFileError);
    expect(() => parseIatiActivities('<iati-organisations version="2.03"/>')).toThrow(/root element/);
    expect(() =>
      parseIatiActivities('<iati-activities version="2.03"><iati-activity></iati-activities>'),
    ).toThrow(/Not well-formed/);
  });

  it('streams activities one by one from chunks split anywhere, even inside a tag', async () => {
    const xml =
      activity('<sector code="72010"/>').replace('</iati-activities>', '') +
      activity('<sector code="11110"/>').replace(/^<iati-activities version="2.03">/, '');
    const chunks = xml.match(/[\s\S]{1,7}/g) as string[];
    const names: string[] = [];
    for await (const tree of readIatiActivities(chunks))
      names.push(tree.children.find((c) => c.name === 'sector')!.attrs.code);
    expect(names).toEqual(['72010', '11110']);
  });
});
