import { XMLParser } from 'fast-xml-parser';
import { addDecimal } from '@ledger/domain';
import { daysInclusive } from '@ledger/iati';
import { startLedger, type RunningLedger } from '../support/standalone-harness';
import { validateIati } from './support/iati-schema.validator';
import { balkanProject, recordCompletedMongolia } from './support/iati-ledger';

const parse = (xml: string) =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name, _jpath, _leaf, isAttribute) => !isAttribute && name !== 'iati-activities',
  }).parse(xml)['iati-activities'];

describe('GET /projects/:id/iati', () => {
  let ledger: RunningLedger;
  beforeAll(async () => {
    ledger = await startLedger();
    await recordCompletedMongolia(ledger);
    const created = await ledger.call('POST', '/projects', { role: 'publisher', body: balkanProject });
    expect(created.status).toBe(201);
  });
  afterAll(() => ledger.stop());

  it('serves the Mongolia project as IATI 2.03 XML that the official schema accepts', async () => {
    const response = await ledger.call('GET', '/projects/TC.0789/iati', { role: 'reader' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await response.text();
    expect(await validateIati(xml)).toEqual({ valid: true, errors: [] });
    const activity = parse(xml)['iati-activity'][0];
    expect(activity['iati-identifier'][0]).toBe('XM-DAC-47066-TC.0789');
    expect(activity['activity-status'][0]['@code']).toBe('3');
  });

  it('keeps the official schema happy for a multi-country project and shares the percentages to 100', async () => {
    const xml = await (await ledger.call('GET', '/projects/RE.0101/iati', { role: 'reader' })).text();
    expect(await validateIati(xml)).toEqual({ valid: true, errors: [] });
    const activity = parse(xml)['iati-activity'][0];
    const percentages = activity['recipient-country'].map((c: Record<string, string>) => c['@percentage']);
    expect(percentages).toEqual(['33.33', '33.33', '33.34']);
    expect(percentages.reduce((a: string, b: string) => addDecimal(a, b), '0')).toBe('100');
  });

  it('never writes a budget period longer than one year, and the periods add up to the budget', async () => {
    const xml = await (await ledger.call('GET', '/projects/RE.0101/iati', { role: 'reader' })).text();
    const budgets = parse(xml)['iati-activity'][0].budget as Record<string, [Record<string, string>]>[];
    const periods = budgets.map((b) => ({
      start: b['period-start'][0]['@iso-date'],
      end: b['period-end'][0]['@iso-date'],
      value: b.value[0]['#text'],
    }));
    expect(periods.map((p) => [p.start, p.end])).toEqual([
      ['2019-07-15', '2019-12-31'],
      ['2020-01-01', '2020-12-31'],
      ['2021-01-01', '2021-03-31'],
    ]);
    expect(periods.every((p) => daysInclusive(p.start, p.end) <= 366)).toBe(true);
    expect(periods.reduce((sum, p) => addDecimal(sum, p.value), '0')).toBe('1000000.01');
  });

  it('answers 404 problem+json for an unknown project', async () => {
    const response = await ledger.call('GET', '/projects/NO.SUCH/iati', { role: 'reader' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await response.json()).code).toBe('PROJECT.NOT_FOUND');
  });

  it('is for readers: no key is 401, a publisher key is 403', async () => {
    expect((await ledger.call('GET', '/projects/TC.0789/iati', { role: null })).status).toBe(401);
    const forbidden = await ledger.call('GET', '/projects/TC.0789/iati', { role: 'publisher' });
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).code).toBe('AUTH.FORBIDDEN');
  });
});
