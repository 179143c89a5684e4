import fc from 'fast-check';
import type { CreateProjectData, ProjectCommand } from '../project.commands';
import type { ChangeProjectLocations } from '../project.profile.commands';
import { BUDGET_REASONS, COVERAGES, REGIONS, type Coverage } from '../project.types';

/** fast-check generators of valid-shaped commands for one project, for property specs. */
export const PROJECT_ID = 'P-1';
const STATES = ['MN', 'KZ', 'VN', 'BO', 'TZ', 'CI'];

const pad = (n: number) => String(n).padStart(2, '0');

export const partialDateArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 2010, max: 2024 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.nat(2),
  )
  .map(([y, m, d, precision]) => [`${y}`, `${y}-${pad(m)}`, `${y}-${pad(m)}-${pad(d)}`][precision]);

export const nowArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 2012, max: 2026 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}T12:00:00Z`);

/** Amounts with 0-2 decimals, > 0, from a small range so equal amounts (BUDGET_UNCHANGED) happen too. */
export const usdAmountArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 300 }), fc.constantFrom('', '.5', '.25', '.00'))
  .filter(([whole, fraction]) => whole > 0 || fraction === '.5' || fraction === '.25')
  .map(([whole, fraction]) => `${whole}${fraction}`);

const statesFor = (coverage: Coverage): fc.Arbitrary<string[]> =>
  coverage === 'national'
    ? fc.constantFrom(...STATES).map((s) => [s])
    : coverage === 'global'
      ? fc.uniqueArray(fc.constantFrom(...STATES), { maxLength: 3 })
      : fc.uniqueArray(fc.constantFrom(...STATES), { minLength: 2, maxLength: 4 });

const createArb = fc
  .record({
    coverage: fc.constantFrom(...COVERAGES),
    start: partialDateArb,
    years: fc.integer({ min: 0, max: 5 }),
  })
  .chain(({ coverage, start, years }) =>
    fc.record({
      type: fc.constant('CreateProject' as const),
      now: nowArb,
      data: fc.record({
        projectId: fc.constant(PROJECT_ID),
        primaId: fc.option(fc.constant('MN10P0001'), { nil: null }),
        title: fc.constant('Title'),
        description: fc.constant(null),
        projectType: fc.constant('TCMMCB'),
        coverage: fc.constant(coverage),
        region: fc.constantFrom(...REGIONS),
        fundingYear: fc.integer({ min: 1990, max: 2100 }),
        plannedStart: fc.constant(start),
        plannedEnd: fc.constant(String(Number(start.slice(0, 4)) + years)),
        budget: usdAmountArb.map((amount) => ({ amount: `${amount}`, currency: 'USD' })),
        benefitingMemberStates: statesFor(coverage),
        participatingOrgs: fc.constant<CreateProjectData['participatingOrgs']>([]),
        sectors: fc.constant<CreateProjectData['sectors']>([]),
        humanitarian: fc.boolean(),
        recipientCountries: fc.constant<CreateProjectData['recipientCountries']>([]),
        locations: fc.constant<CreateProjectData['locations']>([]),
      }),
    }),
  );

const reasonArb = fc.constantFrom('Floods', 'Elections', 'Donor request');

/** Any one command for the project, valid in shape but not necessarily allowed by the rules. */
export const commandArb: fc.Arbitrary<ProjectCommand> = fc.oneof(
  // Weights keep cancel and re-create rare, so sequences live long enough to reach every status.
  { arbitrary: createArb, weight: 1 },
  {
    arbitrary: fc.record({
      type: fc.constant('StartProject' as const),
      now: nowArb,
      data: fc.record({ projectId: fc.constant(PROJECT_ID), actualStart: partialDateArb }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      type: fc.constant('CompleteProject' as const),
      now: nowArb,
      data: fc.record({ projectId: fc.constant(PROJECT_ID), actualEnd: partialDateArb }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      type: fc.constant('ReviseProjectBudget' as const),
      now: nowArb,
      data: fc.record({
        projectId: fc.constant(PROJECT_ID),
        budget: fc.record({ amount: usdAmountArb, currency: fc.constantFrom('USD', 'USD', 'USD', 'EUR') }),
        reason: fc.constantFrom(...BUDGET_REASONS),
        effectiveDate: fc.option(fc.constant('2015-01-01'), { nil: null }),
        note: fc.constant(null),
      }),
    }),
    weight: 5,
  },
  {
    arbitrary: fc.record({
      type: fc.constant('SuspendProject' as const),
      now: nowArb,
      data: fc.record({ projectId: fc.constant(PROJECT_ID), reason: reasonArb }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      type: fc.constant('ResumeProject' as const),
      now: nowArb,
      data: fc.record({ projectId: fc.constant(PROJECT_ID), reason: fc.option(reasonArb, { nil: null }) }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      type: fc.constant('CancelProject' as const),
      now: nowArb,
      data: fc.record({ projectId: fc.constant(PROJECT_ID), reason: reasonArb }),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      type: fc.constant('ExtendProject' as const),
      now: nowArb,
      data: fc.record({ projectId: fc.constant(PROJECT_ID), plannedEnd: partialDateArb, reason: reasonArb }),
    }),
    weight: 2,
  },
);

/** A create first (usually), then any commands: most runs reach deep into the lifecycle. */
export const commandSequenceArb: fc.Arbitrary<ProjectCommand[]> = fc
  .tuple(createArb, fc.array(commandArb, { maxLength: 40 }), fc.nat(9))
  .map(([create, rest, dice]) => (dice > 0 ? [create, ...rest] : rest));

/**
 * An approved correction of some correctable fields (any event named: the decider leaves the target check
 * to the caller). Kept out of commandArb because corrections are allowed in every status.
 */
export const correctionArb: fc.Arbitrary<ProjectCommand> = fc.record({
  type: fc.constant('CorrectProjectRecord' as const),
  now: nowArb,
  data: fc.record({
    projectId: fc.constant(PROJECT_ID),
    eventId: fc.constant('6f1c2a8e-3b5d-5e7f-9a1b-2c3d4e5f6a7b'),
    revision: fc.nat(5),
    // One field at a time: a random mix of several is almost always refused by the cross-field rules.
    values: fc.oneof(
      fc.record({ title: fc.constantFrom('Corrected title', 'Another title') }),
      fc.record({ description: fc.option(fc.constant('Corrected description'), { nil: null }) }),
      fc.record({ primaId: fc.option(fc.constant('MN10P0002'), { nil: null }) }),
      fc.record({ projectType: fc.constantFrom('TCMMCB', 'TCBM') }),
      fc.record({ fundingYear: fc.integer({ min: 1990, max: 2100 }) }),
      fc.record({ plannedStart: partialDateArb }),
      fc.record({ plannedEnd: partialDateArb }),
      fc.record({ region: fc.constantFrom(...REGIONS) }),
      fc.record({ coverage: fc.constantFrom(...COVERAGES) }),
      fc.record({ benefitingMemberStates: fc.uniqueArray(fc.constantFrom(...STATES), { maxLength: 3 }) }),
      fc.record({ actualStart: partialDateArb }),
      fc.record({ actualEnd: partialDateArb }),
    ),
    reason: fc.constant('Mistyped at import'),
    approver: fc.constant('auditor@example.org'),
  }),
});

/** Command sequences with approved corrections mixed in. */
export const historyArb: fc.Arbitrary<ProjectCommand[]> = fc
  .tuple(commandSequenceArb, fc.array(fc.tuple(fc.nat(40), correctionArb), { maxLength: 4 }))
  .map(([commands, corrections]) => {
    const out = [...commands];
    for (const [at, correction] of corrections) out.splice(Math.min(at, out.length), 0, correction);
    return out;
  });

const orgArb = fc.record({
  role: fc.constantFrom(
    'funding' as const,
    'accountable' as const,
    'extending' as const,
    'implementing' as const,
  ),
  name: fc.constantFrom('Ministry of Foreign Affairs of Japan', 'IOM Mongolia', 'UK FCDO'),
  ref: fc.option(fc.constantFrom('XM-DAC-701-2', 'XM-DAC-47066', 'GB-GOV-1'), { nil: null }),
  type: fc.option(fc.constantFrom('10', '40'), { nil: null }),
  activityId: fc.option(fc.constant('JP-1234'), { nil: null }),
});

/** Profile commands (organisations, sectors, flag, places), valid-shaped: the decider refuses the rest. */
export const profileCommandArb: fc.Arbitrary<ProjectCommand> = fc.oneof(
  fc.record({
    type: fc.constant('AddParticipatingOrg' as const),
    now: nowArb,
    data: orgArb.map((org) => ({ projectId: PROJECT_ID, ...org })),
  }),
  fc.record({
    type: fc.constant('ChangeParticipatingOrg' as const),
    now: nowArb,
    data: fc
      .tuple(fc.integer({ min: 1, max: 3 }), orgArb)
      .map(([n, org]) => ({ projectId: PROJECT_ID, orgId: `org-${n}`, ...org })),
  }),
  fc.record({
    type: fc.constant('RemoveParticipatingOrg' as const),
    now: nowArb,
    data: fc
      .integer({ min: 1, max: 3 })
      .map((n) => ({ projectId: PROJECT_ID, orgId: `org-${n}`, reason: null })),
  }),
  fc.record({
    type: fc.constant('ChangeProjectSectors' as const),
    now: nowArb,
    data: fc
      .constantFrom(
        [{ vocabulary: '1' as const, code: '15190', percentage: '100', vocabularyUri: null }],
        [
          { vocabulary: '1' as const, code: '15190', percentage: '60', vocabularyUri: null },
          { vocabulary: '1' as const, code: '72010', percentage: '40', vocabularyUri: null },
        ],
        [],
      )
      .map((sectors) => ({ projectId: PROJECT_ID, sectors: structuredClone([...sectors]) })),
  }),
  fc.record({
    type: fc.constant('ChangeHumanitarianFlag' as const),
    now: nowArb,
    data: fc.boolean().map((humanitarian) => ({ projectId: PROJECT_ID, humanitarian })),
  }),
  fc.record({
    type: fc.constant('ChangeProjectLocations' as const),
    now: nowArb,
    data: fc
      .constantFrom(
        { recipientCountries: [{ country: 'MN', percentage: '100' }], locations: [] },
        {
          recipientCountries: [],
          locations: [
            {
              name: 'IOM Ulaanbaatar',
              ref: null,
              point: { latitude: 47.92, longitude: 106.92 },
              administrative: [{ vocabulary: 'G1', code: 'MN', level: 0 }],
            },
          ],
        },
      )
      .map((places): ChangeProjectLocations['data'] => ({
        projectId: PROJECT_ID,
        recipientCountries: [...places.recipientCountries],
        locations: places.locations.map((l) => ({ ...l, administrative: [...l.administrative] })),
      })),
  }),
);

/** Histories with profile commands mixed in: what the read model's profile column must agree with. */
export const historyWithProfileArb: fc.Arbitrary<ProjectCommand[]> = fc
  .tuple(historyArb, fc.array(fc.tuple(fc.nat(40), profileCommandArb), { maxLength: 8 }))
  .map(([commands, profile]) => {
    const out = [...commands];
    for (const [at, command] of profile) out.splice(Math.min(at + 1, out.length), 0, command);
    return out;
  });
