import { firstDayOf, fromIatiDate, lastDayOf } from './iati-dates';
import { projectIdFromIatiIdentifier, toIatiIdentifier } from './iati-identifier';

describe('IATI dates', () => {
  it('writes partial dates as the first day of a start and the last day of an end', () => {
    expect([
      firstDayOf('2014'),
      firstDayOf('2014-03'),
      lastDayOf('2016'),
      lastDayOf('2016-02'),
      lastDayOf('2015-02-03'),
    ]).toEqual(['2014-01-01', '2014-03-01', '2016-12-31', '2016-02-29', '2015-02-03']);
  });

  it('reads a date back at the precision the export recorded', () => {
    expect(fromIatiDate('2016-12-31', 'year')).toBe('2016');
    expect(fromIatiDate('2016-12-31', 'month')).toBe('2016-12');
    expect(fromIatiDate('2016-12-31Z', undefined)).toBe('2016-12-31');
    expect(fromIatiDate('2016-13-01', undefined)).toBeNull();
  });
});

describe('iati-identifier', () => {
  it('is the reporting org ref, a hyphen and the project code, and strips back to the code', () => {
    const id = toIatiIdentifier('XM-DAC-47066', 'TC.0789');
    expect(id).toBe('XM-DAC-47066-TC.0789');
    expect(projectIdFromIatiIdentifier(id, 'XM-DAC-47066')).toBe('TC.0789');
  });

  it('does not map an identifier that lacks the reporting org prefix', () => {
    expect(projectIdFromIatiIdentifier('GB-COH-1-TC.0789', 'XM-DAC-47066')).toBeNull();
    expect(projectIdFromIatiIdentifier('XM-DAC-47066-', 'XM-DAC-47066')).toBeNull();
  });
});
