import type { ProjectCreatedData } from '../project.events';

const TITLE =
  'Supporting the Government of Mongolia to Improve Migration Management through Migration Management Policy and Training of Border Officials';

/**
 * The real record the documentation walks through (Projects ID TC.0789, Prima ID MN10P0001), as the
 * domain holds it once created. One definition for the docs' examples and the tests' fixtures.
 */
export const MONGOLIA_PROJECT: Readonly<ProjectCreatedData> = Object.freeze({
  projectId: 'TC.0789',
  primaId: 'MN10P0001',
  title: TITLE,
  description: null,
  projectType: 'TCMMCB',
  coverage: 'national',
  region: 'Asia and Oceania',
  fundingYear: 2014,
  plannedStart: '2014',
  plannedEnd: '2016',
  budget: Object.freeze({ amount: '200000.00', currency: 'USD' }),
  benefitingMemberStates: Object.freeze(['MN']) as string[],
  // The project page names no partners, sectors or places: the profile is empty.
  participatingOrgs: Object.freeze([]) as never[],
  sectors: Object.freeze([]) as never[],
  humanitarian: false,
  recipientCountries: Object.freeze([]) as never[],
  locations: Object.freeze([]) as never[],
});

/** The same record as a publishing service sends it: no description, the member state by name. */
export const MONGOLIA_CREATE_BODY = Object.freeze({
  projectId: 'TC.0789',
  primaId: 'MN10P0001',
  title: TITLE,
  projectType: 'TCMMCB',
  coverage: 'national',
  region: 'Asia and Oceania',
  fundingYear: 2014,
  plannedStart: '2014',
  plannedEnd: '2016',
  budget: Object.freeze({ amount: '200000.00', currency: 'USD' }),
  benefitingMemberStates: Object.freeze(['Mongolia']),
});
