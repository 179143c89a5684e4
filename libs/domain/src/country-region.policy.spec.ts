import { REGIONS } from './project.types';
import {
  COUNTRY_REGION_OVERRIDES,
  DAC_REGION_REGIONS,
  regionOfCountries,
  regionOfCountry,
} from './country-region.policy';

describe('country -> region policy', () => {
  it('places countries by their UN sub-region, with the organisation overrides', () => {
    expect(regionOfCountry('SO')).toBe('Africa');
    expect(regionOfCountry('mn')).toBe('Asia and Oceania');
    expect(regionOfCountry('EG')).toBe('Middle East and North Africa');
    expect(regionOfCountry('JO')).toBe('Middle East and North Africa');
    expect(regionOfCountry('TR')).toBe('Europe');
    expect(regionOfCountry('MX')).toBe('Latin America and the Caribbean');
    expect(regionOfCountry('HT')).toBe('Latin America and the Caribbean');
    expect(regionOfCountry('FJ')).toBe('Asia and Oceania');
  });

  it('places no country where the organisation has no region, and no unknown code', () => {
    expect(regionOfCountry('US')).toBeNull();
    expect(regionOfCountry('AQ')).toBeNull();
    expect(regionOfCountry('ZZ')).toBeNull();
  });

  it('gives several countries their common region, Global across regions, none when one is unplaced', () => {
    expect(regionOfCountries(['KE', 'UG'])).toBe('Africa');
    expect(regionOfCountries(['KE', 'MN'])).toBe('Global');
    expect(regionOfCountries(['KE', 'US'])).toBeNull();
    expect(regionOfCountries([])).toBeNull();
  });

  it('names only regions of the closed list', () => {
    for (const region of [...Object.values(COUNTRY_REGION_OVERRIDES), ...Object.values(DAC_REGION_REGIONS)])
      expect(REGIONS).toContain(region);
  });
});
