import { PROJECT_EVENT_TYPES } from './project.events';
import { REGIONS } from './project.types';
import { eventKindSlug, regionSlug } from './slugs';

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
  it('turns every event type into its kind', () => {
    expect(PROJECT_EVENT_TYPES.map(eventKindSlug)).toEqual([
      'created',
      'started',
      'completed',
      'budget-revised',
      'suspended',
      'resumed',
      'cancelled',
      'extended',
      'record-corrected',
    ]);
  });
});
