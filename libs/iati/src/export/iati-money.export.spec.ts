import type { LedgerTransaction } from '@ledger/domain';
import { activityToCommands } from '../import/activity-to-commands';
import { parseIatiActivities } from '../import/iati-xml.parser';
import { GENERATED_AT, MONGOLIA_IATI_XML, ORG, mongoliaRecord } from '../testing/iati.fixtures';
import { buildIatiActivitiesXml } from './iati-activity.builder';

const uri = 'https://www.iom.int/project-types';
const commitment: LedgerTransaction = {
  ref: 'IC-1',
  type: 'incoming-commitment',
  date: '2014-02-10',
  value: { amount: '200000.00', currency: 'USD' },
  valueDate: null,
  provider: { name: 'Japan', ref: 'XM-DAC-701-2', activityId: 'JP-1' },
  receiver: null,
  description: null,
  reversal: null,
};
const expenditure: LedgerTransaction = {
  ref: 'E-2',
  type: 'expenditure',
  date: '2014-10-01',
  value: { amount: '9999.99', currency: 'USD' },
  valueDate: '2014-10-01',
  provider: null,
  receiver: { name: 'Border agency', ref: null, activityId: null },
  description: 'Training',
  reversal: { date: '2014-10-02', reason: 'Booked twice' },
};

/** Mongolia with sectors, country shares, a place and two transactions (one reversed) in its fields. */
function withMoney() {
  const record = mongoliaRecord();
  record.project.sectors = [
    { vocabulary: '1', code: '15190', percentage: '70', vocabularyUri: null },
    { vocabulary: '1', code: '15110', percentage: '30', vocabularyUri: null },
    { vocabulary: '98', code: 'MM', percentage: '100', vocabularyUri: uri },
  ];
  record.project.recipientCountries = [{ country: 'MN', percentage: '100' }];
  record.project.locations = [
    {
      name: 'Ulaanbaatar',
      ref: 'UB',
      point: { latitude: 47.9184, longitude: 106.9177 },
      administrative: [{ vocabulary: 'A1', code: '1234', level: 1 }],
    },
  ];
  record.project.transactions = [commitment, expenditure];
  return record;
}

describe('IATI export of sectors, places and transactions from the fields', () => {
  const xml = buildIatiActivitiesXml([withMoney()], { reportingOrg: ORG, generatedAt: GENERATED_AT });

  it('writes each transaction once, a reversal as a negated one marked ledger:reverses', () => {
    expect(xml.match(/<transaction[ >]/g)).toHaveLength(3);
    expect(xml).toContain('<transaction ref="E-2-reversal" ledger:reverses="E-2">');
    expect(xml).toContain('<value currency="USD" value-date="2014-10-02">-9999.99</value>');
    // A transaction without a value date is valued on its day (the schema requires value-date).
    expect(xml).toContain('<value currency="USD" value-date="2014-02-10">200000.00</value>');
  });

  it('writes the project type beside held sectors, marked so an import does not take it for one', () => {
    expect(xml).toContain(
      '<sector code="TCMMCB" vocabulary="99" percentage="100" ledger:stands-in="project-type">',
    );
    expect(xml).toContain('<sector vocabulary="98" vocabulary-uri="https://www.iom.int/project-types"');
  });

  it('reads back, through the import, as the very commands that would record the same fields', () => {
    const plan = activityToCommands(parseIatiActivities(xml)[0]);
    const body = (type: string) => plan.commands.filter((c) => c.type === type).map((c) => c.body);
    const { project } = withMoney();
    expect(plan.commands[0].body.projectType).toBe('TCMMCB');
    expect(body('ChangeProjectSectors')).toEqual([{ sectors: project.sectors }]);
    expect(body('ChangeProjectLocations')).toEqual([
      { recipientCountries: project.recipientCountries, locations: project.locations },
    ]);
    expect(body('RecordTransaction')).toEqual([
      { ...commitment, valueDate: '2014-02-10', reversal: undefined },
      { ...expenditure, reversal: undefined },
    ]);
    expect(body('ReverseTransaction')).toEqual([{ ref: 'E-2', reason: 'Booked twice', date: '2014-10-02' }]);
    // Transactions and reversals go before the project is completed (its closing window).
    expect(plan.commands.at(-1)?.type).toBe('CompleteProject');
    expect(plan.skipped).toEqual([]);
  });

  it('marks shares it computed, which an import does not hold', () => {
    const record = withMoney();
    record.project.recipientCountries = [];
    const even = buildIatiActivitiesXml([record], { reportingOrg: ORG, generatedAt: GENERATED_AT });
    expect(even).toContain('<recipient-country code="MN" percentage="100.00" ledger:computed="even-split"/>');
    const plan = activityToCommands(parseIatiActivities(even)[0]);
    expect(plan.commands.find((c) => c.type === 'ChangeProjectLocations')?.body.recipientCountries).toEqual(
      [],
    );
  });
});

describe('IATI export of an imported activity: kept copy or field', () => {
  const imported = () => {
    const record = mongoliaRecord();
    const activity = parseIatiActivities(MONGOLIA_IATI_XML)[0];
    record.source = {
      iatiIdentifier: activity.iatiIdentifier as string,
      attributes: activity.source.attributes,
      elements: activity.source.elements,
    };
    return record;
  };
  const sectorsOf = (record: ReturnType<typeof imported>) =>
    buildIatiActivitiesXml([record], { reportingOrg: ORG, generatedAt: GENERATED_AT }).match(
      /<sector [^>]*>/g,
    );

  it('gives the kept sectors back while the field holds what the import holds, or nothing yet', () => {
    const kept = ['<sector code="15190" vocabulary="1"/>', '<sector code="TCMMCB" vocabulary="99"/>'];
    expect(sectorsOf(imported())).toEqual(kept);
    const record = imported();
    record.project.sectors = [
      { vocabulary: '1', code: '15190', percentage: '100', vocabularyUri: null },
      { vocabulary: '99', code: 'TCMMCB', percentage: '100', vocabularyUri: null },
    ];
    expect(sectorsOf(record)).toEqual(kept);
  });

  it('writes the field instead, once the ledger changed it, and not the kept copy as well', () => {
    const record = imported();
    record.project.sectors = [{ vocabulary: '2', code: '151', percentage: '100', vocabularyUri: null }];
    expect(sectorsOf(record)).toEqual([
      '<sector code="TCMMCB" vocabulary="99" percentage="100" ledger:stands-in="project-type">',
      '<sector vocabulary="2" code="151" percentage="100"/>',
    ]);
  });
});
