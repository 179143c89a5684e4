import { parseCommandInput } from './project.validation';
import { codesOf, mongoliaBody, valueOf } from './testing/validation.spec-helper';

const create = (overrides: Record<string, unknown>) =>
  parseCommandInput('CreateProject', null, mongoliaBody(overrides));
const sector = (vocabulary: string, code: string, percentage?: string) => ({
  vocabulary,
  code,
  ...(percentage === undefined ? {} : { percentage }),
});

describe('CreateProject input: participating organisations', () => {
  it('accepts an organisation with only a role and a name', () => {
    const value = valueOf(create({ participatingOrgs: [{ role: 'funding', name: 'MOFA Japan' }] }));
    expect(value.participatingOrgs).toEqual([
      { role: 'funding', name: 'MOFA Japan', ref: null, type: null, activityId: null },
    ]);
  });

  it('rejects a ref that is not an IATI organisation identifier', () => {
    expect(
      codesOf(create({ participatingOrgs: [{ role: 'funding', name: 'X', ref: 'Japan MOFA' }] })),
    ).toEqual([['participatingOrgs[0].ref', 'INVALID_FORMAT']]);
  });

  it('rejects a role outside funding, accountable, extending, implementing', () => {
    expect(codesOf(create({ participatingOrgs: [{ role: 'donor', name: 'X' }] }))).toEqual([
      ['participatingOrgs[0].role', 'NOT_IN_LIST'],
    ]);
  });

  it('rejects an organisation type that is not in the IATI OrganisationType codelist', () => {
    expect(codesOf(create({ participatingOrgs: [{ role: 'funding', name: 'X', type: '99' }] }))).toEqual([
      ['participatingOrgs[0].type', 'NOT_IN_LIST'],
    ]);
  });

  it('rejects the same organisation twice in one role', () => {
    const org = { role: 'funding', name: 'MOFA', ref: 'XM-DAC-701-2' };
    expect(codesOf(create({ participatingOrgs: [org, { ...org, name: 'Japan' }] }))).toEqual([
      ['participatingOrgs[1]', 'DUPLICATE'],
    ]);
  });
});

describe('CreateProject input: sectors', () => {
  it('accepts DAC 5-digit sectors whose percentages sum to 100 and normalises the percentages', () => {
    const value = valueOf(create({ sectors: [sector('1', '15190', '60.50'), sector('1', '72010', '39.5')] }));
    expect(value.sectors.map((s) => s.percentage)).toEqual(['60.5', '39.5']);
  });

  it('gives a sole sector of its vocabulary 100 percent when no percentage is given', () => {
    const value = valueOf(create({ sectors: [sector('1', '15190'), sector('99', 'TCMMCB')] }));
    expect(value.sectors.map((s) => s.percentage)).toEqual(['100', '100']);
  });

  it('rejects percentages of one vocabulary that do not sum to 100, with one entry for the list', () => {
    expect(codesOf(create({ sectors: [sector('1', '15190', '60'), sector('1', '72010', '30')] }))).toEqual([
      ['sectors', 'INVALID_COMBINATION'],
    ]);
  });

  it('sums each vocabulary on its own', () => {
    const sectors = [sector('1', '15190', '100'), sector('2', '151', '50'), sector('2', '720', '50')];
    expect(valueOf(create({ sectors })).sectors).toHaveLength(3);
  });

  it('rejects a DAC 5-digit code that is not in the IATI Sector codelist', () => {
    expect(codesOf(create({ sectors: [sector('1', '99999')] }))).toEqual([
      ['sectors[0].code', 'NOT_IN_LIST'],
    ]);
  });

  it('rejects a DAC 3-digit code that is not in the IATI SectorCategory codelist', () => {
    expect(codesOf(create({ sectors: [sector('2', '15190')] }))).toEqual([
      ['sectors[0].code', 'NOT_IN_LIST'],
    ]);
  });

  it('accepts any code of the organisation’s own vocabulary with its URI', () => {
    const own = { ...sector('99', 'TCMMCB'), vocabularyUri: 'https://www.iom.int/project-types' };
    expect(valueOf(create({ sectors: [own] })).sectors[0]).toEqual({ ...own, percentage: '100' });
  });

  it('rejects a vocabulary the ledger does not take', () => {
    expect(codesOf(create({ sectors: [sector('7', '1')] }))).toEqual([
      ['sectors[0].vocabulary', 'NOT_IN_LIST'],
    ]);
  });

  it('rejects the same sector twice', () => {
    expect(codesOf(create({ sectors: [sector('1', '15190', '50'), sector('1', '15190', '50')] }))).toEqual([
      ['sectors[1]', 'DUPLICATE'],
    ]);
  });

  it('asks for a percentage on each of several sectors of one vocabulary', () => {
    expect(codesOf(create({ sectors: [sector('1', '15190'), sector('1', '72010', '100')] }))).toEqual([
      ['sectors[0].percentage', 'REQUIRED'],
    ]);
  });

  it('rejects a percentage written as a JSON number', () => {
    expect(codesOf(create({ sectors: [{ vocabulary: '1', code: '15190', percentage: 100 }] }))).toEqual([
      ['sectors[0].percentage', 'INVALID_TYPE'],
    ]);
  });

  it('rejects a percentage over 100 without also reporting the sum', () => {
    expect(codesOf(create({ sectors: [sector('1', '15190', '100.5')] }))).toEqual([
      ['sectors[0].percentage', 'OUT_OF_RANGE'],
    ]);
  });

  it('defaults the humanitarian flag to false and keeps true when given', () => {
    expect(valueOf(create({})).humanitarian).toBe(false);
    expect(valueOf(create({ humanitarian: true })).humanitarian).toBe(true);
  });
});

describe('CreateProject input: recipient countries and locations', () => {
  it('normalises recipient countries to alpha-2 codes and checks their shares', () => {
    const countries = [
      { country: 'Mongolia', percentage: '70' },
      { country: 'KZ', percentage: '30' },
    ];
    expect(valueOf(create({ recipientCountries: countries })).recipientCountries).toEqual([
      { country: 'MN', percentage: '70' },
      { country: 'KZ', percentage: '30' },
    ]);
    expect(codesOf(create({ recipientCountries: [{ country: 'MN', percentage: '70' }] }))).toEqual([
      ['recipientCountries', 'INVALID_COMBINATION'],
    ]);
  });

  it('accepts a sub-national location with a WGS84 point and administrative codes', () => {
    const office = {
      name: 'Country office, Ulaanbaatar',
      point: { latitude: 47.9184, longitude: 106.9177 },
      administrative: [{ vocabulary: 'G1', code: '2028462', level: 1 }],
    };
    expect(valueOf(create({ locations: [office] })).locations).toEqual([{ ...office, ref: null }]);
  });

  it('rejects a point off the globe and an administrative vocabulary not in the IATI codelist', () => {
    const bad = {
      name: 'Nowhere',
      point: { latitude: 91, longitude: 0 },
      administrative: [{ vocabulary: 'Z9', code: '1' }],
    };
    expect(codesOf(create({ locations: [bad] }))).toEqual([
      ['locations[0].point.latitude', 'OUT_OF_RANGE'],
      ['locations[0].administrative[0].vocabulary', 'NOT_IN_LIST'],
    ]);
  });
});

describe('profile commands input', () => {
  it('takes the orgId of a change from the URL-filled body', () => {
    const body = { orgId: 'org-3', role: 'extending', name: 'UNDP', ref: 'XM-DAC-41114' };
    expect(valueOf(parseCommandInput('ChangeParticipatingOrg', 'TC.0789', body))).toEqual({
      projectId: 'TC.0789',
      orgId: 'org-3',
      role: 'extending',
      name: 'UNDP',
      ref: 'XM-DAC-41114',
      type: null,
      activityId: null,
    });
  });

  it('checks a new sector list like the one given at creation', () => {
    const body = { sectors: [sector('1', '99999', '50'), sector('1', '15190', '40')] };
    expect(codesOf(parseCommandInput('ChangeProjectSectors', 'TC.0789', body))).toEqual([
      ['sectors[0].code', 'NOT_IN_LIST'],
      ['sectors', 'INVALID_COMBINATION'],
    ]);
  });

  it('requires the humanitarian flag as a boolean', () => {
    expect(codesOf(parseCommandInput('ChangeHumanitarianFlag', 'TC.0789', { humanitarian: 'yes' }))).toEqual([
      ['humanitarian', 'INVALID_TYPE'],
    ]);
  });
});
