import { withDefaultImplementer, type ParticipatingOrg } from './project.profile.types';
import { FUNDER, IMPLEMENTER } from './testing/profile.fixtures';

const IOM = { ref: 'XM-DAC-47066', name: 'International Organization for Migration', type: '40' };
const funder: ParticipatingOrg = { orgId: 'org-1', ...FUNDER };

describe('the implementing organisation by default', () => {
  it('adds the reporting organisation as implementing when the project names none, marked implied', () => {
    expect(withDefaultImplementer([funder], IOM)).toEqual([
      funder,
      { orgId: 'reporting-org', role: 'implementing', activityId: null, ...IOM, implied: true },
    ]);
  });

  it('leaves the list as it is when the project names an implementing organisation', () => {
    const implementer: ParticipatingOrg = { orgId: 'org-2', ...IMPLEMENTER, name: 'Somali Red Crescent' };
    expect(withDefaultImplementer([funder, implementer], IOM)).toEqual([funder, implementer]);
  });
});
