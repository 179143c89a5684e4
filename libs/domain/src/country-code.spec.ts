import { COUNTRY_NAME_ALIASES } from './country-aliases.policy';
import { countryCode } from './country-code';

describe('countryCode', () => {
  it.each([
    ['MN', 'MN'],
    ['mn', 'MN'],
    [' mn ', 'MN'],
    ['MNG', 'MN'],
    ['Mongolia', 'MN'],
    ['MONGOLIA', 'MN'],
    ['Viet Nam', 'VN'],
    ['Cote d’Ivoire', 'CI'],
    ['Bolivia', 'BO'],
  ])('reads %p as %s', (input, code) => {
    expect(countryCode(input)).toBe(code);
  });
  it.each(['', 'ZZ', 'XYZ', 'Atlantis', 'Mongol'])('returns null for %p', (input) => {
    expect(countryCode(input)).toBeNull();
  });
  it('maps every UN-style alias in the policy list to the code it names', () => {
    for (const [name, code] of Object.entries(COUNTRY_NAME_ALIASES))
      expect([name, countryCode(name)]).toEqual([name, code]);
  });
  it('maps every alias to a real ISO 3166-1 code', () => {
    for (const code of Object.values(COUNTRY_NAME_ALIASES))
      expect([code, countryCode(code)]).toEqual([code, code]);
  });
});
