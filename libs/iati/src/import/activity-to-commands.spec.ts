import { MONGOLIA_IATI_XML } from '../testing/iati.fixtures';
import { activityToCommands } from './activity-to-commands';
import { IatiFileError, parseIatiActivities } from './iati-xml.parser';

const mongolia = () => parseIatiActivities(MONGOLIA_IATI_XML)[0];
const withoutRegion = MONGOLIA_IATI_XML.replace(/<recipient-region[\s\S]*?<\/recipient-region>/, '');

describe('activityToCommands', () => {
  it('creates the Mongolia project from the mapped IATI elements', () => {
    const plan = activityToCommands(mongolia());
    expect(plan.commands[0]).toMatchObject({
      type: 'CreateProject',
      element: 'create',
      body: {
        projectId: 'TC.0789',
        primaId: 'MN10P0001',
        title:
          'Supporting the Government of Mongolia to Improve Migration Management through Migration Management Policy and Training of Border Officials',
        description: 'Strengthens migration management policy & trains border officials.',
        projectType: 'TCMMCB',
        coverage: 'national',
        region: 'Asia and Oceania',
        fundingYear: 2014,
        plannedStart: '2014-01-01',
        plannedEnd: '2016-12-31',
        budget: { amount: '180000', currency: 'USD' },
        benefitingMemberStates: ['MN'],
      },
    });
  });

  it('follows the status: start, the budget revision, then complete (4 Closed)', () => {
    const plan = activityToCommands(mongolia());
    expect(plan.commands.slice(1).map((c) => [c.type, c.body])).toEqual([
      ['StartProject', { actualStart: '2014-03-01' }],
      [
        'ReviseProjectBudget',
        {
          amount: '200000',
          currency: 'USD',
          reason: 'correction',
          effectiveDate: '2015-01-15',
          note: 'Imported from IATI: revised budget valued 2015-01-15',
        },
      ],
      [
        'ChangeProjectSectors',
        {
          sectors: [
            { vocabulary: '1', code: '15190', percentage: '100', vocabularyUri: null },
            { vocabulary: '99', code: 'TCMMCB', percentage: '100', vocabularyUri: null },
          ],
        },
      ],
      [
        'ChangeProjectLocations',
        { recipientCountries: [{ country: 'MN', percentage: '100' }], locations: [] },
      ],
      ['CompleteProject', { actualEnd: '2016-12-15' }],
    ]);
    expect(plan.skipped).toEqual([]);
  });

  it('records transactions before the project is completed (its closing window), each its own command', () => {
    const xml = MONGOLIA_IATI_XML.replace(
      '  </iati-activity>',
      `    <transaction ref="MN-1"><transaction-type code="2"/><transaction-date iso-date="2014-02-01"/><value value-date="2014-02-01">180000</value><provider-org ref="XM-DAC-701-2" provider-activity-id="JP-1"><narrative>Japan</narrative></provider-org></transaction>
    <transaction><transaction-type code="4"/><transaction-date iso-date="2017-06-30"/><value currency="USD" value-date="2017-06-30">1200.50</value></transaction>
  </iati-activity>`,
    );
    const plan = activityToCommands(parseIatiActivities(xml)[0]);
    const types = plan.commands.map((c) => c.type);
    expect(types.slice(-3)).toEqual(['RecordTransaction', 'RecordTransaction', 'CompleteProject']);
    const [commitment, expenditure] = plan.commands.filter((c) => c.type === 'RecordTransaction');
    expect(commitment).toMatchObject({
      element: 'transaction MN-1',
      optional: true,
      body: {
        ref: 'MN-1',
        type: 'outgoing-commitment',
        date: '2014-02-01',
        value: { amount: '180000.00', currency: 'USD' },
        valueDate: '2014-02-01',
        provider: { name: 'Japan', ref: 'XM-DAC-701-2', activityId: 'JP-1' },
        receiver: null,
        description: null,
      },
    });
    // No @ref: one made from the element's content, the same on every import.
    expect(expenditure.body.ref).toMatch(/^iati-[0-9a-f]{12}$/);
    expect(activityToCommands(parseIatiActivities(xml)[0]).commands.map((c) => c.commandId)).toEqual(
      plan.commands.map((c) => c.commandId),
    );
    expect(plan.notes).toContain(
      '1 transaction(s) without a usable @ref got a ref made from their content (iati-…)',
    );
  });

  it('refuses what the domain refuses, with its reason, and still holds the rest', () => {
    const xml = MONGOLIA_IATI_XML.replace(
      '<sector code="15190" vocabulary="1"/>',
      '<sector code="99999" vocabulary="1"/>',
    ).replace(
      '  </iati-activity>',
      `    <transaction><transaction-type code="3"/><transaction-date iso-date="2015-01-01"/><value value-date="2015-01-01">-50</value></transaction>
    <location><point srsName="http://www.opengis.net/def/crs/EPSG/0/4326"><pos>47.9 106.9</pos></point></location>
  </iati-activity>`,
    );
    const plan = activityToCommands(parseIatiActivities(xml)[0]);
    expect(plan.commands.find((c) => c.type === 'ChangeProjectSectors')?.body).toEqual({
      sectors: [{ vocabulary: '99', code: 'TCMMCB', percentage: '100', vocabularyUri: null }],
    });
    expect(plan.commands.some((c) => c.type === 'RecordTransaction')).toBe(false);
    expect(plan.skipped.map((s) => [s.element, s.reason])).toEqual([
      [
        'sector vocabulary 1',
        expect.stringMatching(/kept verbatim: .*99999 is not a DAC 5-digit sector code/),
      ],
      ['location #1', expect.stringMatching(/^not held in the locations field, kept verbatim: .*name/)],
      [expect.stringMatching(/^transaction iati-/), expect.stringMatching(/^not recorded, kept verbatim: /)],
    ]);
  });

  it('derives command ids from the iati-identifier and element only, so a re-import repeats them', () => {
    const ids = activityToCommands(mongolia()).commands.map((c) => c.commandId);
    expect(activityToCommands(mongolia()).commands.map((c) => c.commandId)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('derives the region from the recipient country when no vocabulary-99 region names it, and says so', () => {
    const plan = activityToCommands(parseIatiActivities(withoutRegion)[0]);
    expect(plan.commands[0].body.region).toBe('Asia and Oceania');
    expect(plan.notes).toContain('region Asia and Oceania from recipient-country MN');
  });

  it('takes --region over whatever the file says', () => {
    expect(activityToCommands(mongolia(), { region: 'Europe' }).commands[0].body.region).toBe('Europe');
  });

  it('derives the region from a DAC recipient region (vocabulary 1)', () => {
    const xml = withoutRegion
      .replace(/<recipient-country[^>]*\/>/, '')
      .replace('<sector', '<recipient-region code="289" vocabulary="1"/>\n    <sector');
    expect(activityToCommands(parseIatiActivities(xml)[0]).commands[0].body.region).toBe('Africa');
  });

  it('skips an activity whose region cannot be derived, saying why, unless --region is given', () => {
    const xml = withoutRegion.replace(/<recipient-country[^>]*\/>/, '<recipient-country code="US"/>');
    const plan = activityToCommands(parseIatiActivities(xml)[0]);
    expect(plan.commands).toEqual([]);
    expect(plan.skipped[0]).toMatchObject({
      element: 'iati-activity',
      reason: expect.stringContaining('no region'),
    });
    expect(activityToCommands(parseIatiActivities(xml)[0], { region: 'Global' }).commands).not.toEqual([]);
  });

  it('keeps a project planned when the status needs an actual start the file does not give', () => {
    const xml = MONGOLIA_IATI_XML.replace('<activity-date type="2" iso-date="2014-03-01"/>', '');
    const plan = activityToCommands(parseIatiActivities(xml)[0]);
    expect(plan.commands.map((c) => c.type)).toEqual([
      'CreateProject',
      'ReviseProjectBudget',
      'ChangeProjectSectors',
      'ChangeProjectLocations',
    ]);
    expect(plan.skipped[0]).toMatchObject({
      element: 'activity-status',
      reason: expect.stringContaining('actual start'),
    });
  });

  it('maps cancelled (5) and suspended (6) to their commands', () => {
    const status = (code: string) =>
      activityToCommands(
        parseIatiActivities(
          MONGOLIA_IATI_XML.replace('code="4"/>\n    <activity-date', `code="${code}"/>\n    <activity-date`),
        )[0],
      ).commands.map((c) => c.type);
    const profile = ['ChangeProjectSectors', 'ChangeProjectLocations'];
    expect(status('5')).toEqual([
      'CreateProject',
      'StartProject',
      'ReviseProjectBudget',
      ...profile,
      'CancelProject',
    ]);
    expect(status('6')).toEqual([
      'CreateProject',
      'StartProject',
      'ReviseProjectBudget',
      ...profile,
      'SuspendProject',
    ]);
    expect(status('1')).toEqual(['CreateProject', 'ReviseProjectBudget', ...profile]);
  });

  it('cancels a project that never started without starting it', () => {
    const xml = MONGOLIA_IATI_XML.replace(
      'code="4"/>\n    <activity-date',
      'code="5"/>\n    <activity-date',
    ).replace('<activity-date type="2" iso-date="2014-03-01"/>', '');
    expect(activityToCommands(parseIatiActivities(xml)[0]).commands.map((c) => c.type)).toEqual([
      'CreateProject',
      'ReviseProjectBudget',
      'ChangeProjectSectors',
      'ChangeProjectLocations',
      'CancelProject',
    ]);
  });

  it('accepts an identifier on an older prefix, keeps it as given and notes it', () => {
    const xml = MONGOLIA_IATI_XML.replace('XM-DAC-47066-TC.0789', '47066-TC.0789');
    const activity = parseIatiActivities(xml)[0];
    const plan = activityToCommands(activity);
    expect(plan.projectId).toBe('47066-TC.0789');
    expect(plan.notes[0]).toContain('does not start with XM-DAC-47066-');
    expect(activity.source.elements).toContainEqual({
      name: 'iati-identifier',
      xml: '<iati-identifier>47066-TC.0789</iati-identifier>',
    });
  });

  it('cuts an earlier organisation identifier named by other-identifier B1', () => {
    const xml = MONGOLIA_IATI_XML.replace('XM-DAC-47066-TC.0789', 'OLD-1-TC.0789').replace(
      '<activity-status',
      '<other-identifier ref="OLD-1" type="B1"/>\n    <activity-status',
    );
    const plan = activityToCommands(parseIatiActivities(xml)[0]);
    expect(plan.projectId).toBe('TC.0789');
    expect(plan.notes[0]).toContain('earlier organisation identifier OLD-1');
  });
});

describe('parseIatiActivities', () => {
  it('rejects IATI 1.x files and XML that is not well-formed', () => {
    expect(() => parseIatiActivities(MONGOLIA_IATI_XML.replace('version="2.03"', 'version="1.05"'))).toThrow(
      IatiFileError,
    );
    expect(() =>
      parseIatiActivities('<iati-activities version="2.03"><iati-activity></iati-activities>'),
    ).toThrow(/Not well-formed/);
    expect(() => parseIatiActivities('<organisations version="2.03"/>')).toThrow(/root element/);
  });
});
