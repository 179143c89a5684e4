import type { ProjectCommand } from './project.commands';
import type { RejectionCode } from './project.decision';
import { given } from './testing/decider.spec-helper';
import {
  HISTORIES,
  PROJECT_ID,
  budgetRevised,
  cancelProject,
  completeProject,
  createProject,
  extendProject,
  mongoliaData,
  projectCancelled,
  projectCompleted,
  projectCreated,
  projectExtended,
  projectResumed,
  projectStarted,
  projectSuspended,
  resumeProject,
  reviseBudget,
  startProject,
  suspendProject,
} from './testing/project.fixtures';
import {
  addOrg,
  changeHumanitarian,
  changeLocations,
  changeOrg,
  changeSectors,
  FUNDER,
  removeOrg,
} from './testing/profile.fixtures';

type Status = keyof typeof HISTORIES;

// Corrections are allowed in every status that exists; project.correction.spec.ts covers them.
// Transactions are accepted after the end within a closing window; project.decide.transactions.spec.ts covers them.
type StatusRuled = Exclude<
  ProjectCommand['type'],
  'CorrectProjectRecord' | 'RecordTransaction' | 'ReverseTransaction'
>;
const PROFILE_COMMANDS = [
  'AddParticipatingOrg',
  'ChangeParticipatingOrg',
  'RemoveParticipatingOrg',
  'ChangeProjectSectors',
  'ChangeHumanitarianFlag',
  'ChangeProjectLocations',
] as const;
const COMMANDS: Record<StatusRuled, () => ProjectCommand> = {
  CreateProject: () => createProject(),
  StartProject: () => startProject(),
  CompleteProject: () => completeProject(),
  ReviseProjectBudget: () => reviseBudget({ amount: '250000.00' }),
  SuspendProject: () => suspendProject(),
  ResumeProject: () => resumeProject(),
  CancelProject: () => cancelProject(),
  ExtendProject: () => extendProject(),
  AddParticipatingOrg: () => addOrg(),
  ChangeParticipatingOrg: () => changeOrg('org-1', FUNDER),
  RemoveParticipatingOrg: () => removeOrg('org-1'),
  ChangeProjectSectors: () => changeSectors(),
  ChangeHumanitarianFlag: () => changeHumanitarian(),
  ChangeProjectLocations: () => changeLocations(),
};

/** Every status x command pair that is refused, and the code it is refused with. */
const REFUSED: [Status, ProjectCommand['type'], RejectionCode][] = [
  ...(
    [
      'StartProject',
      'CompleteProject',
      'ReviseProjectBudget',
      'SuspendProject',
      'ResumeProject',
      'CancelProject',
      'ExtendProject',
      ...PROFILE_COMMANDS,
    ] as const
  ).map((c): [Status, ProjectCommand['type'], RejectionCode] => ['none', c, 'PROJECT.NOT_FOUND']),
  // The Mongolia history lists no organisations: there is none to change or remove.
  ...(['planned', 'active', 'suspended'] as const).flatMap((s) =>
    (['ChangeParticipatingOrg', 'RemoveParticipatingOrg'] as const).map(
      (c): [Status, ProjectCommand['type'], RejectionCode] => [s, c, 'PROJECT.ORG_NOT_FOUND'],
    ),
  ),
  ['planned', 'CreateProject', 'PROJECT.ALREADY_EXISTS'],
  ['active', 'CreateProject', 'PROJECT.ALREADY_EXISTS'],
  ['suspended', 'CreateProject', 'PROJECT.ALREADY_EXISTS'],
  ['active', 'StartProject', 'PROJECT.NOT_PLANNED'],
  ['suspended', 'StartProject', 'PROJECT.NOT_PLANNED'],
  ['planned', 'CompleteProject', 'PROJECT.NOT_ACTIVE'],
  ['suspended', 'CompleteProject', 'PROJECT.NOT_ACTIVE'],
  ['planned', 'SuspendProject', 'PROJECT.NOT_ACTIVE'],
  ['suspended', 'SuspendProject', 'PROJECT.NOT_ACTIVE'],
  ['planned', 'ResumeProject', 'PROJECT.NOT_SUSPENDED'],
  ['active', 'ResumeProject', 'PROJECT.NOT_SUSPENDED'],
  ...(['completed', 'cancelled'] as const).flatMap((status) =>
    (Object.keys(COMMANDS) as (keyof typeof COMMANDS)[]).map(
      (c): [Status, ProjectCommand['type'], RejectionCode] => [status, c, 'PROJECT.TERMINAL'],
    ),
  ),
];

describe('which commands each status refuses', () => {
  it.each(REFUSED)('a %s project refuses %s with %s', (status, command, code) => {
    given(HISTORIES[status])
      .when(COMMANDS[command as keyof typeof COMMANDS]())
      .thenRejects(code);
  });

  it('covers every status x command pair together with the accepted ones', () => {
    const accepted = [
      ['none', 'CreateProject'],
      ['planned', 'StartProject'],
      ['active', 'CompleteProject'],
      ...['planned', 'active', 'suspended'].flatMap((s) =>
        [
          'ReviseProjectBudget',
          'CancelProject',
          'ExtendProject',
          'AddParticipatingOrg',
          'ChangeProjectSectors',
          'ChangeHumanitarianFlag',
          'ChangeProjectLocations',
        ].map((c) => [s, c]),
      ),
      ['active', 'SuspendProject'],
      ['suspended', 'ResumeProject'],
    ];
    expect(REFUSED.length + accepted.length).toBe(
      Object.keys(HISTORIES).length * Object.keys(COMMANDS).length,
    );
  });

  it('explains a terminal refusal with the status and the rule', () => {
    given(HISTORIES.completed)
      .when(reviseBudget({ amount: '1.00' }))
      .thenRejects('PROJECT.TERMINAL', /is completed; completed projects cannot change/);
  });
});

describe('accepted lifecycle transitions', () => {
  it('creates a project that does not exist yet', () => {
    given([]).when(createProject()).then([projectCreated()]);
  });

  it('starts a planned project', () => {
    given(HISTORIES.planned)
      .when(startProject('2014-03-01'))
      .then([projectStarted('2014-03-01')]);
  });

  it('completes an active project', () => {
    given(HISTORIES.active)
      .when(completeProject('2016-11'))
      .then([projectCompleted('2016-11')]);
  });

  it('suspends an active project with its reason', () => {
    given(HISTORIES.active)
      .when(suspendProject('Elections'))
      .then([projectSuspended('Elections')]);
  });

  it('resumes a suspended project, with or without a reason', () => {
    given(HISTORIES.suspended)
      .when(resumeProject('Border reopened'))
      .then([projectResumed('Border reopened')]);
    given(HISTORIES.suspended)
      .when(resumeProject(null))
      .then([projectResumed(null)]);
  });

  it.each(['planned', 'active', 'suspended'] as const)('cancels a %s project', (status) => {
    given(HISTORIES[status])
      .when(cancelProject('Funding withdrawn'))
      .then([projectCancelled('Funding withdrawn')]);
  });

  it.each(['planned', 'active', 'suspended'] as const)(
    'extends a %s project, recording the previous end',
    (status) => {
      given(HISTORIES[status])
        .when(extendProject('2017-06', 'Delays'))
        .then([projectExtended('2016', '2017-06', 'Delays')]);
    },
  );

  it.each(['planned', 'active', 'suspended'] as const)('revises the budget of a %s project', (status) => {
    given(HISTORIES[status])
      .when(reviseBudget({ amount: '250000.00' }))
      .then([budgetRevised({ previous: '200000.00', amount: '250000.00', delta: '50000.00' })]);
  });

  it('creates exactly the data it was given', () => {
    const data = mongoliaData({
      coverage: 'regional',
      benefitingMemberStates: ['MN', 'KZ'],
      description: 'Text',
    });
    given([])
      .when(createProject(data))
      .then([{ type: 'ProjectCreated', data }]);
  });

  it('writes the initial budget with the currency minor digits', () => {
    given([])
      .when(createProject({ budget: { amount: '200000', currency: 'USD' } }))
      .then([projectCreated({ budget: { amount: '200000.00', currency: 'USD' } })]);
  });

  it('names the project in a not-found refusal', () => {
    given([])
      .when(startProject())
      .thenRejects('PROJECT.NOT_FOUND', new RegExp(`${PROJECT_ID} does not exist`));
  });
});
