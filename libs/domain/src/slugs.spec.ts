import { REGIONS } from './project.types';
import { regionSlug } from './slugs';

describe('slugs for routing keys', () => {
  it('turns every region into a routing-key word', () => {
    expect(REGIONS.map(regionSlug)).toEqual([
      'africa',
      'asia-and-oceania',
      'europe',
      'latin-america-and-the-caribbean',
      'middle-east-and-north-africa',
      'global',
    ]);
  });
});
