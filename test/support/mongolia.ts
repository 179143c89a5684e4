/** The real record the docs walk through: a migration-management project in Mongolia (TC.0789). */
export const mongoliaProject = {
  projectId: 'TC.0789',
  primaId: 'MN10P0001',
  title:
    'Supporting the Government of Mongolia to Improve Migration Management through Migration Management Policy and Training of Border Officials',
  description: 'Strengthens migration management policy and trains border officials in Mongolia.',
  projectType: 'TCMMCB',
  coverage: 'national',
  region: 'Asia and Oceania',
  fundingYear: 2014,
  plannedStart: '2014',
  plannedEnd: '2016',
  budget: { amount: '200000.00', currency: 'USD' },
  benefitingMemberStates: ['Mongolia'],
};
