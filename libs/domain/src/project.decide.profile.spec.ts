import { given } from './testing/decider.spec-helper';
import { HISTORIES, NOW, PROJECT_ID, createProject, projectCreated } from './testing/project.fixtures';
import {
  DAC_SECTORS,
  FUNDER,
  IMPLEMENTER,
  MONGOLIA_COUNTRY,
  ULAANBAATAR,
  addOrg,
  changeHumanitarian,
  changeLocations,
  changeOrg,
  changeSectors,
  orgAdded,
  removeOrg,
} from './testing/profile.fixtures';

describe('creating a project with a profile', () => {
  it('numbers the organisations it is created with org-1, org-2, ... in the order given', () => {
    const command = createProject();
    command.data.participatingOrgs = [FUNDER, IMPLEMENTER];
    given([])
      .when(command)
      .then([
        projectCreated({
          participatingOrgs: [
            { orgId: 'org-1', ...FUNDER },
            { orgId: 'org-2', ...IMPLEMENTER },
          ],
        }),
      ]);
  });

  it('keeps sectors, humanitarian flag, recipient countries and locations as given', () => {
    const profile = {
      sectors: DAC_SECTORS,
      humanitarian: true,
      recipientCountries: MONGOLIA_COUNTRY,
      locations: [ULAANBAATAR],
    };
    given([])
      .when(createProject(profile))
      .then([projectCreated(profile)]);
  });
});

describe('participating organisations', () => {
  it('gives an added organisation the next free id', () => {
    given(HISTORIES.active)
      .when(addOrg(FUNDER))
      .then([orgAdded('org-1', FUNDER)]);
  });

  it('never reuses the id of a removed organisation', () => {
    given([
      ...HISTORIES.active,
      orgAdded('org-1', FUNDER),
      { type: 'ParticipatingOrgRemoved', data: { projectId: PROJECT_ID, orgId: 'org-1', reason: null } },
    ])
      .when(addOrg(FUNDER))
      .then([orgAdded('org-2', FUNDER)]);
  });

  it('refuses the same organisation twice in the same role', () => {
    given([...HISTORIES.active, orgAdded('org-1', FUNDER)])
      .when(addOrg({ ...FUNDER, name: 'MOFA Japan' }))
      .thenRejects('PROJECT.ORG_DUPLICATE', /org-1/);
  });

  it('accepts the same organisation in another role', () => {
    const accountable = { ...FUNDER, role: 'accountable' as const };
    given([...HISTORIES.active, orgAdded('org-1', FUNDER)])
      .when(addOrg(accountable))
      .then([orgAdded('org-2', accountable)]);
  });

  it('records a change with every field before and after', () => {
    const changed = { ...FUNDER, activityId: 'JP-2014-MN-02' };
    given([...HISTORIES.active, orgAdded('org-1', FUNDER)])
      .when(changeOrg('org-1', changed))
      .then([
        {
          type: 'ParticipatingOrgChanged',
          data: { projectId: PROJECT_ID, orgId: 'org-1', ...changed, previous: FUNDER },
        },
      ]);
  });

  it('refuses a change that changes nothing', () => {
    given([...HISTORIES.active, orgAdded('org-1', FUNDER)])
      .when(changeOrg('org-1', FUNDER))
      .thenRejects('PROJECT.ORG_UNCHANGED');
  });

  it('refuses a change that makes an organisation repeat another', () => {
    given([...HISTORIES.active, orgAdded('org-1', FUNDER), orgAdded('org-2', IMPLEMENTER)])
      .when(changeOrg('org-2', FUNDER))
      .thenRejects('PROJECT.ORG_DUPLICATE');
  });

  it('refuses to change or remove an organisation the project does not list', () => {
    given(HISTORIES.active).when(changeOrg('org-7', FUNDER)).thenRejects('PROJECT.ORG_NOT_FOUND', /org-7/);
    given(HISTORIES.active).when(removeOrg('org-7')).thenRejects('PROJECT.ORG_NOT_FOUND', /org-7/);
  });

  it('removes a listed organisation with the reason given', () => {
    given([...HISTORIES.active, orgAdded('org-1', FUNDER)])
      .when(removeOrg('org-1', 'Entered by mistake'))
      .then([
        {
          type: 'ParticipatingOrgRemoved',
          data: { projectId: PROJECT_ID, orgId: 'org-1', reason: 'Entered by mistake' },
        },
      ]);
  });
});

describe('sectors, humanitarian flag and locations', () => {
  it('replaces the sector list', () => {
    given(HISTORIES.planned)
      .when(changeSectors(DAC_SECTORS))
      .then([{ type: 'ProjectSectorsChanged', data: { projectId: PROJECT_ID, sectors: DAC_SECTORS } }]);
  });

  it('refuses a sector list equal to the current one', () => {
    given([
      ...HISTORIES.planned,
      { type: 'ProjectSectorsChanged', data: { projectId: PROJECT_ID, sectors: DAC_SECTORS } },
    ])
      .when(changeSectors(DAC_SECTORS))
      .thenRejects('PROJECT.PROFILE_UNCHANGED');
  });

  it('sets the humanitarian flag, and refuses setting it to what it is', () => {
    given(HISTORIES.active)
      .when(changeHumanitarian(true))
      .then([{ type: 'HumanitarianFlagChanged', data: { projectId: PROJECT_ID, humanitarian: true } }]);
    given(HISTORIES.active).when(changeHumanitarian(false, NOW)).thenRejects('PROJECT.PROFILE_UNCHANGED');
  });

  it('replaces recipient countries and locations together', () => {
    given(HISTORIES.suspended)
      .when(changeLocations(MONGOLIA_COUNTRY, [ULAANBAATAR]))
      .then([
        {
          type: 'ProjectLocationsChanged',
          data: { projectId: PROJECT_ID, recipientCountries: MONGOLIA_COUNTRY, locations: [ULAANBAATAR] },
        },
      ]);
  });

  it('refuses profile changes on a completed project', () => {
    given(HISTORIES.completed).when(changeSectors()).thenRejects('PROJECT.TERMINAL');
  });
});
